package dev.sigil.core.sensor;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.ByteView;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.StringList;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.event.StringListSlot;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event your own sensor fills and hands to an {@link Engine}: one instance per producing
 * thread, cleared and refilled for every event, allocating nothing once its storage has grown
 * to the largest event seen.
 *
 * <pre>{@code
 * static final EventType EXEC = EventType.of("sched_process_exec");
 * static final ArgKey PATHNAME = ArgKey.of("pathname");
 * static final ArgKey ARGV = ArgKey.of("argv");
 *
 * SensorEvent event = new SensorEvent();          // once per thread
 * ...
 * event.clear()                                   // per event
 *     .type(EXEC).timestamp(nanos).hostName(node).processName(comm)
 *     .containerId(containerId).containerStarted(true)
 *     .addString(PATHNAME, path)
 *     .addStrings(ARGV, argv);                    // a List re-used by the sensor
 * engine.accept(event);
 * }</pre>
 *
 * <p>It is the same kind of flyweight the Tracee reader hands out, with the same contract:
 * signatures see it only during {@code accept}, and every view it returns is valid until the
 * next {@link #clear()}. Fields not set read as empty text, 0 or false; the origin is derived
 * from {@code containerStarted} and the container id, as Tracee does.
 *
 * <p><b>Event type.</b> {@link #type(EventType)} names the event by a type resolved once (the
 * fast way). {@link #eventName(CharSequence)} takes a name as text and resolves it without
 * registering it: a name that no signature selects (so nothing registered it) reads as
 * {@link EventType#UNREGISTERED} and reaches only wildcard selectors, so names from untrusted
 * input cannot fill the registry.
 *
 * <p><b>Arguments</b> are appended in order, by {@link ArgKey} (the fast way) or by name, with
 * the declared type names Tracee v0.24 prints ({@code string}, {@code int64}, {@code bool},
 * {@code []byte}, {@code []string}, {@code object}); {@link #declaredType(CharSequence)}
 * changes the last one's. Every value is copied into the event's own storage, so the sensor may
 * re-use its buffers at once.
 *
 * <p><b>Implementing {@link Event} yourself</b> is supported too, for a sensor whose events
 * already live in its own structures: implement the context accessors, the index forms of the
 * argument accessors and {@link Event#argIndex(ArgKey)}; the key forms ({@code string(key)},
 * {@code longValue(key, absent)}, ...) are default methods built on those, and
 * {@link Event#copy()} snapshots any implementation. This class is the shortest way when the
 * sensor's events do not already live somewhere.
 *
 * <p>Not thread-safe: one instance per producing thread.
 */
public final class SensorEvent implements Event {
  private final MutableEvent event = new MutableEvent();
  private int lastArg = -1;

  /** Creates an empty event. */
  public SensorEvent() {
    event.reset();
  }

  /**
   * Clears every field and argument, keeping the storage, before the next event is filled.
   *
   * @return this event
   */
  public SensorEvent clear() {
    event.reset();
    lastArg = -1;
    return this;
  }

  // ---- the event's type -------------------------------------------------------------------

  /**
   * Sets the event's type, and its name as the event name.
   *
   * @param type the type, e.g. {@code EventType.of("sched_process_exec")} kept in a static field
   * @return this event
   */
  public SensorEvent type(EventType type) {
    event.type(type);
    return this;
  }

  /**
   * Sets the event name, and the type registered under it, without registering it; a name
   * nothing registered has the type {@link EventType#UNREGISTERED}.
   *
   * @param name the event name, e.g. {@code sched_process_exec}
   * @return this event
   */
  public SensorEvent eventName(CharSequence name) {
    event.eventNameIfKnown(name);
    return this;
  }

  // ---- context ----------------------------------------------------------------------------

  /**
   * Sets the event time, nanoseconds since the Unix epoch.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent timestamp(long value) {
    event.timestamp(value);
    return this;
  }

  /**
   * Sets the thread's start time, nanoseconds.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent threadStartTime(long value) {
    event.threadStartTime(value);
    return this;
  }

  /**
   * Sets the CPU that saw the event.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent processorId(int value) {
    event.processorId(value);
    return this;
  }

  /**
   * Sets the process id in the event's pid namespace.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent processId(int value) {
    event.processId(value);
    return this;
  }

  /**
   * Sets the thread id in the event's pid namespace.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent threadId(int value) {
    event.threadId(value);
    return this;
  }

  /**
   * Sets the parent's pid in the event's pid namespace.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent parentProcessId(int value) {
    event.parentProcessId(value);
    return this;
  }

  /**
   * Sets the process id as the host sees it.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent hostProcessId(int value) {
    event.hostProcessId(value);
    return this;
  }

  /**
   * Sets the thread id as the host sees it.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent hostThreadId(int value) {
    event.hostThreadId(value);
    return this;
  }

  /**
   * Sets the parent's pid as the host sees it (2 is the kernel thread daemon).
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent hostParentProcessId(int value) {
    event.hostParentProcessId(value);
    return this;
  }

  /**
   * Sets the cgroup id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent cgroupId(long value) {
    event.cgroupId(value);
    return this;
  }

  /**
   * Sets the user id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent userId(long value) {
    event.userId(value);
    return this;
  }

  /**
   * Sets the mount namespace id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent mountNamespace(long value) {
    event.mountNamespace(value);
    return this;
  }

  /**
   * Sets the pid namespace id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent pidNamespace(long value) {
    event.pidNamespace(value);
    return this;
  }

  /**
   * Sets whether the container is a pod sandbox.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent podSandbox(boolean value) {
    event.podSandbox(value);
    return this;
  }

  /**
   * Sets the event id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent eventId(int value) {
    event.eventId(value);
    return this;
  }

  /**
   * Sets the syscall's return value.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent returnValue(long value) {
    event.returnValue(value);
    return this;
  }

  /**
   * Sets whether the container has started (with a container id, the origin is then {@code container}).
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent containerStarted(boolean value) {
    event.containerStarted(value);
    return this;
  }

  /**
   * Sets whether the task runs in compatibility mode.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent isCompat(boolean value) {
    event.isCompat(value);
    return this;
  }

  /**
   * Sets the thread entity id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent threadEntityId(long value) {
    event.threadEntityId(value);
    return this;
  }

  /**
   * Sets the process entity id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent processEntityId(long value) {
    event.processEntityId(value);
    return this;
  }

  /**
   * Sets the parent entity id.
   *
   * @param value the value
   * @return this event
   */
  public SensorEvent parentEntityId(long value) {
    event.parentEntityId(value);
    return this;
  }

  /**
   * Sets the process name (comm).
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent processName(CharSequence value) {
    event.processNameSlot().set(value);
    return this;
  }

  /**
   * Sets the executable's path.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent executablePath(CharSequence value) {
    event.executablePathSlot().set(value);
    return this;
  }

  /**
   * Sets the UTS host name (the pod's inside a container).
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent hostName(CharSequence value) {
    event.hostNameSlot().set(value);
    return this;
  }

  /**
   * Sets the container id; empty on the host (a non-empty id makes the origin {@code container-init} or {@code container}).
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent containerId(CharSequence value) {
    event.containerIdSlot().set(value);
    return this;
  }

  /**
   * Sets the container name.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent containerName(CharSequence value) {
    event.containerNameSlot().set(value);
    return this;
  }

  /**
   * Sets the container image.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent containerImage(CharSequence value) {
    event.containerImageSlot().set(value);
    return this;
  }

  /**
   * Sets the container image digest.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent containerImageDigest(CharSequence value) {
    event.containerImageDigestSlot().set(value);
    return this;
  }

  /**
   * Sets the Kubernetes pod name.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent podName(CharSequence value) {
    event.podNameSlot().set(value);
    return this;
  }

  /**
   * Sets the Kubernetes pod namespace.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent podNamespace(CharSequence value) {
    event.podNamespaceSlot().set(value);
    return this;
  }

  /**
   * Sets the Kubernetes pod UID.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent podUid(CharSequence value) {
    event.podUidSlot().set(value);
    return this;
  }

  /**
   * Sets the syscall that produced the event.
   *
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent syscall(CharSequence value) {
    event.syscallSlot().set(value);
    return this;
  }

  // ---- arguments --------------------------------------------------------------------------

  /**
   * Appends a text argument.
   *
   * @param key the argument's key
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent addString(ArgKey key, CharSequence value) {
    return fillString(newArg(key), value);
  }

  /**
   * Appends a text argument.
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param value the text, copied
   * @return this event
   */
  public SensorEvent addString(CharSequence name, CharSequence value) {
    return fillString(newArg(name), value);
  }

  /**
   * Appends an integer argument.
   *
   * @param key the argument's key
   * @param value the value
   * @return this event
   */
  public SensorEvent addLong(ArgKey key, long value) {
    return fillLong(newArg(key), value);
  }

  /**
   * Appends an integer argument.
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param value the value
   * @return this event
   */
  public SensorEvent addLong(CharSequence name, long value) {
    return fillLong(newArg(name), value);
  }

  /**
   * Appends a boolean argument.
   *
   * @param key the argument's key
   * @param value the value
   * @return this event
   */
  public SensorEvent addBool(ArgKey key, boolean value) {
    return fillBool(newArg(key), value);
  }

  /**
   * Appends a boolean argument.
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param value the value
   * @return this event
   */
  public SensorEvent addBool(CharSequence name, boolean value) {
    return fillBool(newArg(name), value);
  }

  /**
   * Appends a list-of-strings argument ({@code []string}, such as {@code argv}).
   *
   * @param key the argument's key
   * @param values the strings, copied; a list the sensor re-uses keeps this allocation-free
   * @return this event
   */
  public SensorEvent addStrings(ArgKey key, List<? extends CharSequence> values) {
    return fillStrings(newArg(key), values);
  }

  /**
   * Appends a list-of-strings argument ({@code []string}, such as {@code argv}).
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param values the strings, copied; a list the sensor re-uses keeps this allocation-free
   * @return this event
   */
  public SensorEvent addStrings(CharSequence name, List<? extends CharSequence> values) {
    return fillStrings(newArg(name), values);
  }

  /**
   * Appends a structured argument (an object or a list of objects) as raw JSON text, read with {@link Event#field(ArgKey, String)} and {@link Event#rawJson(ArgKey)}.
   *
   * @param key the argument's key
   * @param json compact JSON text, copied; it is not validated here (a malformed value reads as absent fields)
   * @return this event
   */
  public SensorEvent addRawJson(ArgKey key, CharSequence json) {
    return fillRawJson(newArg(key), json);
  }

  /**
   * Appends a structured argument (an object or a list of objects) as raw JSON text, read with {@link Event#field(ArgKey, String)} and {@link Event#rawJson(ArgKey)}.
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param json compact JSON text, copied; it is not validated here (a malformed value reads as absent fields)
   * @return this event
   */
  public SensorEvent addRawJson(CharSequence name, CharSequence json) {
    return fillRawJson(newArg(name), json);
  }

  /**
   * Appends a bytes argument ({@code []byte}, such as {@code magic_write}'s {@code bytes}).
   *
   * @param key the argument's key
   * @param bytes the bytes, copied
   * @param offset where they start
   * @param length how many
   * @return this event
   * @throws IndexOutOfBoundsException when the range is outside the array
   */
  public SensorEvent addBytes(ArgKey key, byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return fillBytes(newArg(key), bytes, offset, length);
  }

  /**
   * Appends a bytes argument ({@code []byte}, such as {@code magic_write}'s {@code bytes}).
   *
   * @param name the argument's name (registered as a key when new, like {@link ArgKey#of(String)})
   * @param bytes the bytes, copied
   * @param offset where they start
   * @param length how many
   * @return this event
   * @throws IndexOutOfBoundsException when the range is outside the array
   */
  public SensorEvent addBytes(CharSequence name, byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return fillBytes(newArg(name), bytes, offset, length);
  }

  /**
   * Sets the declared type name of the argument appended last, for consumers that print it
   * (the Tracee finding writer does), e.g. {@code const char*} instead of {@code string}.
   *
   * @param type the type name, copied
   * @return this event
   * @throws IllegalStateException when no argument was appended since {@link #clear()}
   */
  public SensorEvent declaredType(CharSequence type) {
    if (lastArg < 0) {
      throw new IllegalStateException("no argument to give a declared type: append one first");
    }
    event.argTypeSlot(lastArg).set(type);
    return this;
  }

  private int newArg(ArgKey key) {
    lastArg = event.addArg(key);
    return lastArg;
  }

  private int newArg(CharSequence name) {
    if (name.length() == 0) {
      throw new IllegalArgumentException("an argument needs a name");
    }
    lastArg = event.addArg(name);
    return lastArg;
  }

  // Each kind of value is filled once, whether the argument was appended by key or by name.

  private SensorEvent fillString(int index, CharSequence value) {
    event.argTypeSlot(index).set("string");
    event.setString(index).set(value);
    return this;
  }

  private SensorEvent fillLong(int index, long value) {
    event.argTypeSlot(index).set("int64");
    event.setLong(index, value);
    return this;
  }

  private SensorEvent fillBool(int index, boolean value) {
    event.argTypeSlot(index).set("bool");
    event.setBool(index, value);
    return this;
  }

  private SensorEvent fillStrings(int index, List<? extends CharSequence> values) {
    event.argTypeSlot(index).set("[]string");
    StringListSlot list = event.setStrings(index);
    for (int i = 0, n = values.size(); i < n; i++) {
      list.add().set(values.get(i));
    }
    return this;
  }

  private SensorEvent fillRawJson(int index, CharSequence json) {
    event.argTypeSlot(index).set(jsonTypeName(json));
    event.setRawJson(index).set(json);
    return this;
  }

  private SensorEvent fillBytes(int index, byte[] bytes, int offset, int length) {
    event.argTypeSlot(index).set("[]byte");
    event.setBytes(index).set(bytes, offset, length);
    return this;
  }

  private static String jsonTypeName(CharSequence json) {
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c == '[' ? "[]object" : "object";
      }
    }
    return "object";
  }

  // ---- Event: what the engine and signatures read -----------------------------------------

  @Override public long timestamp() { return event.timestamp(); }
  @Override public long threadStartTime() { return event.threadStartTime(); }
  @Override public int processorId() { return event.processorId(); }
  @Override public int processId() { return event.processId(); }
  @Override public int threadId() { return event.threadId(); }
  @Override public int parentProcessId() { return event.parentProcessId(); }
  @Override public int hostProcessId() { return event.hostProcessId(); }
  @Override public int hostThreadId() { return event.hostThreadId(); }
  @Override public int hostParentProcessId() { return event.hostParentProcessId(); }
  @Override public long cgroupId() { return event.cgroupId(); }
  @Override public long userId() { return event.userId(); }
  @Override public long mountNamespace() { return event.mountNamespace(); }
  @Override public long pidNamespace() { return event.pidNamespace(); }
  @Override public CharSequence processName() { return event.processName(); }
  @Override public CharSequence executablePath() { return event.executablePath(); }
  @Override public CharSequence hostName() { return event.hostName(); }
  @Override public CharSequence containerId() { return event.containerId(); }
  @Override public CharSequence containerName() { return event.containerName(); }
  @Override public CharSequence containerImage() { return event.containerImage(); }
  @Override public CharSequence containerImageDigest() { return event.containerImageDigest(); }
  @Override public CharSequence podName() { return event.podName(); }
  @Override public CharSequence podNamespace() { return event.podNamespace(); }
  @Override public CharSequence podUid() { return event.podUid(); }
  @Override public boolean podSandbox() { return event.podSandbox(); }
  @Override public EventType type() { return event.type(); }
  @Override public CharSequence eventName() { return event.eventName(); }
  @Override public int eventId() { return event.eventId(); }
  @Override public long returnValue() { return event.returnValue(); }
  @Override public CharSequence syscall() { return event.syscall(); }
  @Override public boolean containerStarted() { return event.containerStarted(); }
  @Override public boolean isCompat() { return event.isCompat(); }
  @Override public long threadEntityId() { return event.threadEntityId(); }
  @Override public long processEntityId() { return event.processEntityId(); }
  @Override public long parentEntityId() { return event.parentEntityId(); }
  @Override public int argCount() { return event.argCount(); }
  @Override public CharSequence argName(int index) { return event.argName(index); }
  @Override public CharSequence argType(int index) { return event.argType(index); }
  @Override public ArgKind argKind(int index) { return event.argKind(index); }
  @Override public int argIndex(ArgKey key) { return event.argIndex(key); }
  @Override public @Nullable CharSequence stringAt(int index) { return event.stringAt(index); }
  @Override public @Nullable ByteView bytesAt(int index) { return event.bytesAt(index); }
  @Override public long longAt(int index, long absent) { return event.longAt(index, absent); }
  @Override public boolean boolAt(int index, boolean absent) { return event.boolAt(index, absent); }
  @Override public @Nullable StringList stringsAt(int index) { return event.stringsAt(index); }
  @Override public @Nullable CharSequence rawJson(int index) { return event.rawJson(index); }
  @Override public int elementCountAt(int index) { return event.elementCountAt(index); }

  @Override
  public @Nullable CharSequence fieldAt(int index, String name) {
    return event.fieldAt(index, name);
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, int element, String name) {
    return event.fieldAt(index, element, name);
  }

  @Override
  public String toString() {
    return "SensorEvent[" + event.eventName() + " @" + event.timestamp() + ", " + event.argCount()
        + " args]";
  }
}
