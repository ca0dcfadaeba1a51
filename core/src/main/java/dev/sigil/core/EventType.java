package dev.sigil.core;

import dev.sigil.core.internal.NameRegistry;
import dev.sigil.core.internal.Registries;

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
  public static final int CAPACITY = Registries.EVENT_NAME_CAPACITY;

  private static final NameRegistry REGISTRY = Registries.EVENT_NAMES;
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
