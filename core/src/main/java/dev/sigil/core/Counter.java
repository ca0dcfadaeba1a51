package dev.sigil.core;

/**
 * A statistic a signature counts; incrementing allocates nothing. Single-writer: only the
 * engine's thread increments it.
 */
public final class Counter {
  private final String name;
  private volatile long value;

  /**
   * Creates a counter at zero.
   *
   * @param name the counter's name
   */
  public Counter(String name) {
    this.name = name;
  }

  /** Adds one. */
  @SuppressWarnings("NonAtomicVolatileUpdate")
  public void increment() {
    value = value + 1;
  }

  /**
   * Adds some.
   *
   * @param delta how much
   */
  public void add(long delta) {
    value = value + delta;
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the value.
   *
   * @return the count
   */
  public long get() {
    return value;
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
