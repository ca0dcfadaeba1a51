package dev.sigil.core;

/**
 * Where an event happened, derived exactly as Tracee derives it from the event's context:
 * {@link #CONTAINER} when {@code contextFlags.containerStarted} is true, else
 * {@link #CONTAINER_INIT} when the container id is non-empty, else {@link #HOST}.
 *
 * <p>Origins compare as plain values: a {@code container-init} event does not match a
 * selector for {@code container}.
 */
public enum Origin {
  /** The event happened on the host, outside any container. */
  HOST("host"),
  /** The event happened in a container that has not finished starting. */
  CONTAINER_INIT("container-init"),
  /** The event happened in a started container. */
  CONTAINER("container");

  private static final Origin[] VALUES = values();

  private final String traceeName;

  Origin(String traceeName) {
    this.traceeName = traceeName;
  }

  /**
   * Returns the name Tracee uses for this origin in selectors.
   *
   * @return {@code host}, {@code container-init} or {@code container}
   */
  public String traceeName() {
    return traceeName;
  }

  /**
   * Derives the origin from an event's context, as Tracee does.
   *
   * @param containerStarted the {@code contextFlags.containerStarted} flag
   * @param hasContainerId whether the event's container id is non-empty
   * @return the origin
   */
  public static Origin of(boolean containerStarted, boolean hasContainerId) {
    if (containerStarted) {
      return CONTAINER;
    }
    return hasContainerId ? CONTAINER_INIT : HOST;
  }

  /**
   * Parses Tracee's name of an origin.
   *
   * @param traceeName {@code host}, {@code container-init} or {@code container}
   * @return the origin
   * @throws IllegalArgumentException when the name is none of those, naming it
   */
  public static Origin fromTraceeName(String traceeName) {
    for (Origin origin : VALUES) {
      if (origin.traceeName.equals(traceeName)) {
        return origin;
      }
    }
    throw new IllegalArgumentException(
        "unknown origin '" + traceeName + "' (expected host, container-init or container)");
  }

  static int count() {
    return VALUES.length;
  }
}
