package dev.sigil.core;

import org.jspecify.annotations.Nullable;

/**
 * Which events a signature wants, as Tracee's selectors: an event name or any, and an origin or
 * any. The engine dispatches an event to a signature when one of its selectors matches
 * (name, origin), (name, any), (any, origin) or (any, any). Origins compare as plain values:
 * a {@code container-init} event does not match a {@code container} selector.
 *
 * @param eventName the event name, or null for any event
 * @param origin the origin, or null for any origin
 */
public record Selector(@Nullable String eventName, @Nullable Origin origin) {
  /** The wildcard, as Tracee writes it. */
  public static final String ANY = "*";

  /**
   * Validates the selector.
   *
   * @throws IllegalArgumentException when the event name is empty or {@code *} (use null for any)
   *
   * @param eventName see the record component
   * @param origin see the record component
   */
  public Selector {
    if (eventName != null && (eventName.isEmpty() || eventName.equals(ANY))) {
      throw new IllegalArgumentException("use null, not '" + eventName + "', to select any event");
    }
  }

  /**
   * Selects one event name from one origin.
   *
   * @param eventName the event name
   * @param origin the origin
   * @return the selector
   */
  public static Selector of(String eventName, Origin origin) {
    return new Selector(eventName, origin);
  }

  /**
   * Selects one event type from one origin.
   *
   * @param type the event type
   * @param origin the origin
   * @return the selector
   * @throws IllegalArgumentException when the type is {@link EventType#UNREGISTERED}
   */
  public static Selector of(EventType type, Origin origin) {
    if (type.id() < 0) {
      throw new IllegalArgumentException("cannot select the unregistered event type");
    }
    return new Selector(type.name(), origin);
  }

  /**
   * Selects one event type from any origin.
   *
   * @param type the event type
   * @return the selector
   * @throws IllegalArgumentException when the type is {@link EventType#UNREGISTERED}
   */
  public static Selector event(EventType type) {
    if (type.id() < 0) {
      throw new IllegalArgumentException("cannot select the unregistered event type");
    }
    return new Selector(type.name(), null);
  }

  /**
   * Selects one event name from any origin.
   *
   * @param eventName the event name
   * @return the selector
   */
  public static Selector event(String eventName) {
    return new Selector(eventName, null);
  }

  /**
   * Selects every event from one origin.
   *
   * @param origin the origin
   * @return the selector
   */
  public static Selector origin(Origin origin) {
    return new Selector(null, origin);
  }

  /**
   * Selects every event.
   *
   * @return the selector
   */
  public static Selector any() {
    return new Selector(null, null);
  }

  /**
   * Parses Tracee's spelling: an event name or {@code *} (or empty), and an origin name or
   * {@code *} (or empty).
   *
   * @param eventName the event name, {@code *} or empty
   * @param origin {@code host}, {@code container-init}, {@code container}, {@code *} or empty
   * @return the selector
   * @throws IllegalArgumentException when the origin is unknown
   */
  public static Selector parse(String eventName, String origin) {
    String name = eventName.isEmpty() || eventName.equals(ANY) ? null : eventName;
    Origin o = origin.isEmpty() || origin.equals(ANY) ? null : Origin.fromTraceeName(origin);
    return new Selector(name, o);
  }

  @Override
  public String toString() {
    return (eventName == null ? ANY : eventName) + "/" + (origin == null ? ANY : origin.traceeName());
  }
}
