package dev.sigil.core;

import dev.sigil.core.internal.NameRegistry;

/**
 * An argument name resolved once to an int id, so that argument lookups on the hot path
 * compare ints, never strings.
 *
 * <p>Create keys once, in static fields: {@code static final ArgKey PATHNAME = ArgKey.of("pathname");}
 * then read with {@code event.string(PATHNAME)}. Interning is global to the JVM and thread-safe.
 * The registry holds at most {@value #CAPACITY} names so hostile input cannot grow it; arguments
 * whose names could not be registered remain readable by index through {@link Event#argName(int)}.
 */
public final class ArgKey {
  /** The most distinct argument names the registry holds. */
  public static final int CAPACITY = 16384;

  private static final NameRegistry REGISTRY = new NameRegistry(CAPACITY);

  private final int id;
  private final String name;

  private ArgKey(int id, String name) {
    this.id = id;
    this.name = name;
  }

  /**
   * Returns the key of an argument name.
   *
   * @param name the argument's name, e.g. {@code pathname}; not empty
   * @return the key
   * @throws IllegalArgumentException when the name is empty
   * @throws IllegalStateException when the registry is full
   */
  public static ArgKey of(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an argument key needs a name");
    }
    int id = REGISTRY.intern(name);
    if (id == NameRegistry.NOT_FOUND) {
      throw new IllegalStateException(
          "argument name registry is full (" + CAPACITY + " names); cannot add '" + name + "'");
    }
    return new ArgKey(id, name);
  }

  /**
   * Returns the id of a registered argument name, allocating nothing.
   *
   * @param chars characters holding the name
   * @param offset where it starts
   * @param length its length
   * @return the id, or -1 when no key has that name
   */
  public static int findId(char[] chars, int offset, int length) {
    return REGISTRY.find(chars, offset, length);
  }

  /**
   * Finds the id of the key with a name spelled in ASCII bytes, without registering it.
   *
   * @param bytes the bytes (a byte at or above 0x80 never matches a registered name)
   * @param offset where the name starts
   * @param length its length
   * @return the id, or -1 when no key has that name
   */
  public static int findId(byte[] bytes, int offset, int length) {
    return REGISTRY.find(bytes, offset, length);
  }

  /**
   * Returns the id of a registered argument name, without registering it.
   *
   * @param name the name
   * @return the id, or -1 when no key has that name
   */
  public static int findId(CharSequence name) {
    return REGISTRY.find(name);
  }

  /**
   * Returns the id of an argument name, registering it when new (allocating only then).
   *
   * @param chars characters holding the name
   * @param offset where it starts
   * @param length its length
   * @return the id, or -1 when the name is empty or the registry is full
   */
  public static int internId(char[] chars, int offset, int length) {
    int id = REGISTRY.find(chars, offset, length);
    if (id != NameRegistry.NOT_FOUND || length == 0) {
      return id;
    }
    return REGISTRY.intern(new String(chars, offset, length));
  }

  /**
   * Returns the id of an argument name, registering it when new.
   *
   * @param name the name
   * @return the id, or -1 when the name is empty or the registry is full
   */
  public static int internId(CharSequence name) {
    return name.length() == 0 ? NameRegistry.NOT_FOUND : REGISTRY.intern(name);
  }

  /**
   * Returns this key's id, dense from 0.
   *
   * @return the id
   */
  public int id() {
    return id;
  }

  /**
   * Returns the argument name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArgKey && ((ArgKey) other).id == id;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return name;
  }
}
