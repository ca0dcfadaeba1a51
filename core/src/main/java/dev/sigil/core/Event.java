package dev.sigil.core;

import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one event: Tracee's {@code trace.Event} context and its arguments.
 *
 * <p><b>Lifetime.</b> An event handed to {@link Signature#onEvent(Event, SignatureContext)} is usually a flyweight
 * that the producer re-uses for the next event, in the manner of Agrona's buffers: the event,
 * and every {@link CharSequence}, {@link ByteView} and {@link StringList} it returns, are valid
 * only until the producer moves on. Keep nothing from it; call {@link #copy()} for an immutable,
 * self-contained {@link EventSnapshot} to keep. Accessors allocate nothing.
 *
 * <p><b>Absent values.</b> Context text fields absent from the input read as empty sequences,
 * numbers as 0. Arguments are looked up by an {@link ArgKey} resolved once; an argument that is
 * absent, or present with another kind of value (see {@link ArgKind}), reads as absent: {@code null}
 * or the given default.
 *
 * <p><b>Producing events.</b> The Tracee reader ({@link dev.sigil.core.tracee.TraceeReader})
 * hands out events it decoded; an agent with its own sensor fills a re-usable
 * {@link dev.sigil.core.sensor.SensorEvent}. Implementing this interface yourself is supported
 * too, for events that already live in structures of your own: implement the context accessors,
 * {@link #argIndex(ArgKey)} and the index forms of the argument accessors ({@code stringAt},
 * {@code longAt}, ...); the key forms ({@link #string(ArgKey)}, {@link #longValue(ArgKey, long)},
 * ...) are default methods built on those, {@link #origin()} is derived, and {@link #copy()}
 * snapshots any implementation.
 */
public interface Event {
  /**
   * Returns the event time.
   *
   * @return nanoseconds since the Unix epoch
   */
  long timestamp();

  /**
   * Returns the thread's start time.
   *
   * @return nanoseconds (since boot or the epoch, as the producer gives it)
   */
  long threadStartTime();

  /**
   * Returns the CPU that saw the event.
   *
   * @return the processor id
   */
  int processorId();

  /**
   * Returns the process id in the event's pid namespace.
   *
   * @return the pid
   */
  int processId();

  /**
   * Returns the thread id in the event's pid namespace.
   *
   * @return the tid
   */
  int threadId();

  /**
   * Returns the parent's pid in the event's pid namespace.
   *
   * @return the parent pid
   */
  int parentProcessId();

  /**
   * Returns the process id as the host sees it.
   *
   * @return the host pid
   */
  int hostProcessId();

  /**
   * Returns the thread id as the host sees it.
   *
   * @return the host tid
   */
  int hostThreadId();

  /**
   * Returns the parent's pid as the host sees it (2 is the kernel thread daemon).
   *
   * @return the host parent pid
   */
  int hostParentProcessId();

  /**
   * Returns the cgroup id.
   *
   * @return the cgroup id
   */
  long cgroupId();

  /**
   * Returns the user id.
   *
   * @return the uid
   */
  long userId();

  /**
   * Returns the mount namespace id.
   *
   * @return the namespace id
   */
  long mountNamespace();

  /**
   * Returns the pid namespace id.
   *
   * @return the namespace id
   */
  long pidNamespace();

  /**
   * Returns the process name (comm, at most 16 characters in the kernel).
   *
   * @return a view, valid until the next event
   */
  CharSequence processName();

  /**
   * Returns the executable's path ({@code executable.path}).
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence executablePath();

  /**
   * Returns the host name.
   *
   * @return a view, valid until the next event
   */
  CharSequence hostName();

  /**
   * Returns the container id, from {@code containerId} or {@code container.id}.
   *
   * @return a view, valid until the next event; empty on the host
   */
  CharSequence containerId();

  /**
   * Returns the container name.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence containerName();

  /**
   * Returns the container image.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence containerImage();

  /**
   * Returns the container image digest.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence containerImageDigest();

  /**
   * Returns the Kubernetes pod name.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence podName();

  /**
   * Returns the Kubernetes pod namespace.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence podNamespace();

  /**
   * Returns the Kubernetes pod UID.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence podUid();

  /**
   * Tells whether the container is a pod sandbox.
   *
   * @return the flag; false when absent
   */
  boolean podSandbox();

  /**
   * Returns the interned event type, the thing to compare on the hot path.
   *
   * @return the type; {@link EventType#UNREGISTERED} when the name could not be registered
   */
  EventType type();

  /**
   * Returns the event name as the input spelled it.
   *
   * @return a view, valid until the next event
   */
  CharSequence eventName();

  /**
   * Returns the event id ({@code eventId}, a string holding an int in Tracee JSON).
   *
   * @return the id; 0 when absent
   */
  int eventId();

  /**
   * Returns the syscall's return value.
   *
   * @return the value
   */
  long returnValue();

  /**
   * Returns the syscall that produced the event.
   *
   * @return a view, valid until the next event; empty when absent
   */
  CharSequence syscall();

  /**
   * Returns {@code contextFlags.containerStarted}.
   *
   * @return the flag
   */
  boolean containerStarted();

  /**
   * Returns {@code contextFlags.isCompat}.
   *
   * @return the flag
   */
  boolean isCompat();

  /**
   * Returns the thread entity id (a hash Tracee assigns).
   *
   * @return the id; 0 when absent
   */
  long threadEntityId();

  /**
   * Returns the process entity id (a hash Tracee assigns).
   *
   * @return the id; 0 when absent
   */
  long processEntityId();

  /**
   * Returns the parent entity id (a hash Tracee assigns).
   *
   * @return the id; 0 when absent
   */
  long parentEntityId();

  /**
   * Returns where the event happened, derived as Tracee does (see {@link Origin}).
   *
   * @return the origin
   */
  default Origin origin() {
    return Origin.of(containerStarted(), containerId().length() > 0);
  }

  /**
   * Returns the number of arguments.
   *
   * @return the count
   */
  int argCount();

  /**
   * Returns an argument's name.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view, valid until the next event
   */
  CharSequence argName(int index);

  /**
   * Returns the type name the producer declared for an argument, e.g. {@code const char*} or
   * {@code string}.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view, valid until the next event
   */
  CharSequence argType(int index);

  /**
   * Returns what an argument's value holds.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return the kind
   */
  ArgKind argKind(int index);

  /**
   * Returns the index of the argument with a key's name.
   *
   * @param key the key
   * @return the index, or -1 when absent
   */
  int argIndex(ArgKey key);

  /**
   * Returns a text argument.
   *
   * @param key the argument's key
   * @return a view valid until the next event, or null when absent or not text
   */
  default @Nullable CharSequence string(ArgKey key) {
    int i = argIndex(key);
    return i < 0 ? null : stringAt(i);
  }

  /**
   * Returns a text argument by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view valid until the next event, or null when not text
   */
  @Nullable CharSequence stringAt(int index);

  /**
   * Returns a bytes argument (decoded from base64).
   *
   * @param key the argument's key
   * @return a view valid until the next event, or null when absent, not bytes, or undecodable
   */
  default @Nullable ByteView bytes(ArgKey key) {
    int i = argIndex(key);
    return i < 0 ? null : bytesAt(i);
  }

  /**
   * Returns a bytes argument by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view valid until the next event, or null when not bytes
   */
  @Nullable ByteView bytesAt(int index);

  /**
   * Returns an integer argument.
   *
   * @param key the argument's key
   * @param absent what to return when it is absent or not an integer
   * @return the value
   */
  default long longValue(ArgKey key, long absent) {
    int i = argIndex(key);
    return i < 0 ? absent : longAt(i, absent);
  }

  /**
   * Returns an integer argument by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @param absent what to return when it is not an integer
   * @return the value
   */
  long longAt(int index, long absent);

  /**
   * Returns a boolean argument; an integer argument reads as true when non-zero (older Tracee
   * printed some flags as 0/1).
   *
   * @param key the argument's key
   * @param absent what to return when it is absent or neither boolean nor integer
   * @return the value
   */
  default boolean bool(ArgKey key, boolean absent) {
    int i = argIndex(key);
    return i < 0 ? absent : boolAt(i, absent);
  }

  /**
   * Returns a boolean argument by index; an integer reads as true when non-zero.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @param absent what to return when it is neither boolean nor integer
   * @return the value
   */
  boolean boolAt(int index, boolean absent);

  /**
   * Returns a {@code []string} argument.
   *
   * @param key the argument's key
   * @return a view valid until the next event, or null when absent or not a list of strings
   */
  default @Nullable StringList strings(ArgKey key) {
    int i = argIndex(key);
    return i < 0 ? null : stringsAt(i);
  }

  /**
   * Returns a {@code []string} argument by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view valid until the next event, or null when not a list of strings
   */
  @Nullable StringList stringsAt(int index);

  /**
   * Returns the raw JSON text of a structured argument (an object or a list that is not a list
   * of strings, kind {@link ArgKind#JSON}).
   *
   * @param key the argument's key
   * @return a view valid until the next event, or null when absent or not structured
   */
  default @Nullable CharSequence rawJson(ArgKey key) {
    int i = argIndex(key);
    return i < 0 ? null : rawJson(i);
  }

  /**
   * Returns the raw JSON text of a structured argument by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return a view valid until the next event, or null when the value is not structured
   */
  @Nullable CharSequence rawJson(int index);

  /**
   * Returns a field of an object argument, such as {@code sin_addr} of Tracee's
   * {@code remote_addr} ({@code {"sa_family":"AF_INET","sin_addr":"10.0.0.1","sin_port":"53"}}).
   * Strings read unescaped; numbers and booleans read as their JSON text; a nested object or
   * list reads as its raw JSON. Allocates nothing once warm.
   *
   * @param key the argument's key
   * @param name the field's name
   * @return a view valid until the next event, or null when the argument is absent or not an
   *     object, or the field is absent or JSON null
   */
  default @Nullable CharSequence field(ArgKey key, String name) {
    int i = argIndex(key);
    return i < 0 ? null : fieldAt(i, name);
  }

  /**
   * Returns a field of an object argument by index, as {@link #field(ArgKey, String)}.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @param name the field's name
   * @return a view valid until the next event, or null
   */
  @Nullable CharSequence fieldAt(int index, String name);

  /**
   * Returns how many elements a list argument holds: a list of objects such as Tracee's
   * {@code hooked_fops_pointers}, or a list of strings.
   *
   * @param key the argument's key
   * @return the count, or -1 when the argument is absent or not a list
   */
  default int elementCount(ArgKey key) {
    int i = argIndex(key);
    return i < 0 ? -1 : elementCountAt(i);
  }

  /**
   * Returns how many elements a list argument holds, by index.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @return the count, or -1 when the argument is not a list
   */
  int elementCountAt(int index);

  /**
   * Returns a field of one object in a list argument, such as {@code SymbolName} of an entry of
   * Tracee's {@code hooked_fops_pointers}; values read as in {@link #field(ArgKey, String)}.
   *
   * @param key the argument's key
   * @param element the element, from 0 to {@code elementCount(key) - 1}
   * @param name the field's name
   * @return a view valid until the next event, or null when the argument is absent or not a
   *     list, the element is absent or not an object, or the field is absent or JSON null
   */
  default @Nullable CharSequence field(ArgKey key, int element, String name) {
    int i = argIndex(key);
    return i < 0 ? null : fieldAt(i, element, name);
  }

  /**
   * Returns a field of one object in a list argument, by index, as
   * {@link #field(ArgKey, int, String)}.
   *
   * @param index from 0 to {@code argCount() - 1}
   * @param element the element
   * @param name the field's name
   * @return a view valid until the next event, or null
   */
  @Nullable CharSequence fieldAt(int index, int element, String name);

  /**
   * Copies this event into an immutable, self-contained snapshot, for keeping beyond the
   * current event. Allocates.
   *
   * @return the snapshot
   */
  default EventSnapshot copy() {
    return EventSnapshot.of(this);
  }
}
