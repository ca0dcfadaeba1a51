package dev.sigil.core;

/**
 * A statistic a signature counts; incrementing allocates nothing and costs a plain add.
 * Counters come from the engine only ({@link SignatureContext#counter(String)}, in
 * {@link Signature#init(SignatureContext)}), so that every counter shows up in the statistics.
 * Single-writer: only the engine's thread changes it; a reader on another thread (a stats
 * printer) may see a slightly stale value.
 */
public final class Counter {
  private final String name;
  // Single writer (the engine's thread); readers on other threads may lag.
  private long value;

  /** Creates a counter at zero; the engine's slots do, nobody else. */
  Counter(String name) {
    this.name = name;
  }

  /** Adds one. */
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
