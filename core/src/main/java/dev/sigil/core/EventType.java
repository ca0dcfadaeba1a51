package dev.sigil.core;

import dev.sigil.core.internal.NameRegistry;

/**
 * An event name interned to a small int id, so that signatures and the engine compare ints,
 * never strings, on the hot path.
 *
 * <p>Create the types a signature needs once, in a static field:
 * {@code static final EventType MAGIC_WRITE = EventType.of("magic_write");}. Interning is global
 * to the JVM and thread-safe. Names are registered by code ({@link #of(String)}, the engine for
 * its selectors), never by decoders: an event whose name nothing registered has the type
 * {@link #UNREGISTERED}, still reaches wildcard selectors and still reports its name through
 * {@link Event#eventName()}. So hostile input cannot grow the registry, which holds at most
 * {@value #CAPACITY} names.
 */
public final class EventType {
  /** The most distinct event names the registry holds. */
  public static final int CAPACITY = 8192;

  private static final NameRegistry REGISTRY = new NameRegistry(CAPACITY);
  private static final Object LOCK = new Object();
  private static volatile EventType[] types = new EventType[0];

  /** The type of events whose name could not be registered (registry full) or was absent. */
  public static final EventType UNREGISTERED = new EventType(-1, "");

  private final int id;
  private final String name;

  private EventType(int id, String name) {
    this.id = id;
    this.name = name;
  }

  /**
   * Returns the type of an event name, registering it when new.
   *
   * @param name an event name such as {@code magic_write}; not empty and not {@code *}
   * @return the type; {@link #UNREGISTERED} when the registry is full
   * @throws IllegalArgumentException when the name is empty or {@code *}
   */
  public static EventType of(String name) {
    if (name.isEmpty() || name.equals("*")) {
      throw new IllegalArgumentException("an event type needs a name, not '" + name + "'");
    }
    int id = REGISTRY.intern(name);
    return id == NameRegistry.NOT_FOUND ? UNREGISTERED : byId(id);
  }

  /**
   * Returns the type of an already registered name, allocating nothing.
   *
   * @param chars characters holding the name
   * @param offset where the name starts
   * @param length its length
   * @return the type, or {@link #UNREGISTERED} when no such name is registered
   */
  public static EventType find(char[] chars, int offset, int length) {
    int id = REGISTRY.find(chars, offset, length);
    return id == NameRegistry.NOT_FOUND ? UNREGISTERED : byId(id);
  }

  /**
   * Finds the type of a name spelled in ASCII bytes, without registering it: for decoders of
   * untrusted input.
   *
   * @param bytes the bytes (a byte at or above 0x80 never matches a registered name)
   * @param offset where the name starts
   * @param length its length
   * @return the type, or {@link #UNREGISTERED}
   */
  public static EventType find(byte[] bytes, int offset, int length) {
    int id = REGISTRY.find(bytes, offset, length);
    return id == NameRegistry.NOT_FOUND ? UNREGISTERED : byId(id);
  }

  /**
   * Returns the type of a name, registering it when new, allocating only the first time a name
   * is seen.
   *
   * @param chars characters holding the name
   * @param offset where the name starts
   * @param length its length
   * @return the type, or {@link #UNREGISTERED} when the name is empty or the registry is full
   */
  public static EventType intern(char[] chars, int offset, int length) {
    EventType found = find(chars, offset, length);
    if (found != UNREGISTERED || length == 0) {
      return found;
    }
    return of(new String(chars, offset, length));
  }

  private static EventType byId(int id) {
    EventType[] current = types;
    if (id < current.length && current[id] != null) {
      return current[id];
    }
    synchronized (LOCK) {
      current = types;
      if (id >= current.length) {
        EventType[] grown = new EventType[Math.max(id + 1, current.length * 2 + 16)];
        System.arraycopy(current, 0, grown, 0, current.length);
        current = grown;
      }
      if (current[id] == null) {
        current[id] = new EventType(id, REGISTRY.name(id));
      }
      types = current;
      return current[id];
    }
  }

  /**
   * Returns the number of registered event names; ids are below it.
   *
   * @return the count
   */
  public static int registeredCount() {
    return REGISTRY.size();
  }

  /**
   * Returns this type's id: dense, from 0, or -1 for {@link #UNREGISTERED}.
   *
   * @return the id
   */
  public int id() {
    return id;
  }

  /**
   * Returns the event name.
   *
   * @return the name; empty for {@link #UNREGISTERED}
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return id < 0 ? "<unregistered>" : name;
  }
}
