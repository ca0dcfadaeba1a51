package dev.sigil.core;

import dev.sigil.core.internal.NameRegistry;
import dev.sigil.core.internal.Registries;

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
  public static final int CAPACITY = Registries.ARG_NAME_CAPACITY;

  private static final NameRegistry REGISTRY = Registries.ARG_NAMES;

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
