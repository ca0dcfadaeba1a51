package dev.sigil.core.internal;

/**
 * The JVM-wide name registries behind {@code ArgKey} and {@code EventType}: the API classes wrap
 * the ids, and producers of events (the Tracee decoder, the event implementation) resolve names
 * here without going through the public API.
 */
public final class Registries {
  /** The most distinct argument names {@link #ARG_NAMES} holds. */
  public static final int ARG_NAME_CAPACITY = 16384;
  /** The most distinct event names {@link #EVENT_NAMES} holds. */
  public static final int EVENT_NAME_CAPACITY = 8192;

  /** Argument names, the ids of {@code ArgKey}s. */
  public static final NameRegistry ARG_NAMES = new NameRegistry(ARG_NAME_CAPACITY);
  /** Event names, the ids of {@code EventType}s. */
  public static final NameRegistry EVENT_NAMES = new NameRegistry(EVENT_NAME_CAPACITY);

  private Registries() {}
}
