package dev.sigil.core;

import dev.sigil.core.internal.JsonFields;
import dev.sigil.core.internal.NameRegistry;
import dev.sigil.core.internal.Registries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, self-contained copy of an {@link Event}: Strings and byte arrays of its own,
 * safe to keep, share between threads and compare. Made by {@link Event#copy()}; findings and
 * error reports carry one.
 */
public final class EventSnapshot implements Event {
  /**
   * One argument of a snapshot.
   *
   * @param name the argument's name
   * @param type the type name the producer declared
   * @param kind what the value holds
   * @param value a {@link String} ({@link ArgKind#STRING}, and raw JSON text for
   *     {@link ArgKind#JSON}), a {@link Long}, a {@link Boolean}, a {@code byte[]} (a private
   *     copy: read it through {@link EventSnapshot#bytesAt(int)}), a {@code List<String>}, or
   *     null ({@link ArgKind#NULL}, {@link ArgKind#INVALID})
   */
  public record Arg(String name, String type, ArgKind kind, @Nullable Object value) {}

  private final long timestamp;
  private final long threadStartTime;
  private final int processorId;
  private final int processId;
  private final int threadId;
  private final int parentProcessId;
  private final int hostProcessId;
  private final int hostThreadId;
  private final int hostParentProcessId;
  private final long cgroupId;
  private final long userId;
  private final long mountNamespace;
  private final long pidNamespace;
  private final String processName;
  private final String executablePath;
  private final String hostName;
  private final String containerId;
  private final String containerName;
  private final String containerImage;
  private final String containerImageDigest;
  private final String podName;
  private final String podNamespace;
  private final String podUid;
  private final boolean podSandbox;
  private final EventType type;
  private final String eventName;
  private final int eventId;
  private final long returnValue;
  private final String syscall;
  private final boolean containerStarted;
  private final boolean isCompat;
  private final long threadEntityId;
  private final long processEntityId;
  private final long parentEntityId;
  private final List<Arg> args;
  private final int[] argKeyIds;

  private EventSnapshot(Event e) {
    timestamp = e.timestamp();
    threadStartTime = e.threadStartTime();
    processorId = e.processorId();
    processId = e.processId();
    threadId = e.threadId();
    parentProcessId = e.parentProcessId();
    hostProcessId = e.hostProcessId();
    hostThreadId = e.hostThreadId();
    hostParentProcessId = e.hostParentProcessId();
    cgroupId = e.cgroupId();
    userId = e.userId();
    mountNamespace = e.mountNamespace();
    pidNamespace = e.pidNamespace();
    processName = e.processName().toString();
    executablePath = e.executablePath().toString();
    hostName = e.hostName().toString();
    containerId = e.containerId().toString();
    containerName = e.containerName().toString();
    containerImage = e.containerImage().toString();
    containerImageDigest = e.containerImageDigest().toString();
    podName = e.podName().toString();
    podNamespace = e.podNamespace().toString();
    podUid = e.podUid().toString();
    podSandbox = e.podSandbox();
    type = e.type();
    eventName = e.eventName().toString();
    eventId = e.eventId();
    returnValue = e.returnValue();
    syscall = e.syscall().toString();
    containerStarted = e.containerStarted();
    isCompat = e.isCompat();
    threadEntityId = e.threadEntityId();
    processEntityId = e.processEntityId();
    parentEntityId = e.parentEntityId();
    int count = e.argCount();
    List<Arg> copied = new ArrayList<>(count);
    argKeyIds = new int[count];
    for (int i = 0; i < count; i++) {
      String name = e.argName(i).toString();
      copied.add(new Arg(name, e.argType(i).toString(), e.argKind(i), copyValue(e, i)));
      // Look the name up without registering it (argIndex compares names for unregistered
      // ones), so snapshots cannot fill the registry.
      argKeyIds[i] = Registries.ARG_NAMES.find(name);
    }
    args = List.copyOf(copied);
  }

  private static @Nullable Object copyValue(Event e, int i) {
    switch (e.argKind(i)) {
      case STRING:
        return String.valueOf(e.stringAt(i));
      case JSON:
        return String.valueOf(e.rawJson(i));
      case LONG:
        return e.longAt(i, 0);
      case BOOL:
        return e.boolAt(i, false);
      case BYTES:
        ByteView bytes = e.bytesAt(i);
        return bytes == null ? new byte[0] : bytes.toByteArray();
      case STRINGS:
        StringList list = e.stringsAt(i);
        return list == null ? List.of() : list.toList();
      default:
        return null;
    }
  }

  /**
   * Copies an event. A snapshot is returned as it is.
   *
   * @param event the event
   * @return its snapshot
   */
  public static EventSnapshot of(Event event) {
    return event instanceof EventSnapshot ? (EventSnapshot) event : new EventSnapshot(event);
  }

  /**
   * Returns the arguments in their input order.
   *
   * @return an unmodifiable list
   */
  public List<Arg> args() {
    return args;
  }

  @Override public long timestamp() { return timestamp; }
  @Override public long threadStartTime() { return threadStartTime; }
  @Override public int processorId() { return processorId; }
  @Override public int processId() { return processId; }
  @Override public int threadId() { return threadId; }
  @Override public int parentProcessId() { return parentProcessId; }
  @Override public int hostProcessId() { return hostProcessId; }
  @Override public int hostThreadId() { return hostThreadId; }
  @Override public int hostParentProcessId() { return hostParentProcessId; }
  @Override public long cgroupId() { return cgroupId; }
  @Override public long userId() { return userId; }
  @Override public long mountNamespace() { return mountNamespace; }
  @Override public long pidNamespace() { return pidNamespace; }
  @Override public String processName() { return processName; }
  @Override public String executablePath() { return executablePath; }
  @Override public String hostName() { return hostName; }
  @Override public String containerId() { return containerId; }
  @Override public String containerName() { return containerName; }
  @Override public String containerImage() { return containerImage; }
  @Override public String containerImageDigest() { return containerImageDigest; }
  @Override public String podName() { return podName; }
  @Override public String podNamespace() { return podNamespace; }
  @Override public String podUid() { return podUid; }
  @Override public boolean podSandbox() { return podSandbox; }
  @Override public EventType type() { return type; }
  @Override public String eventName() { return eventName; }
  @Override public int eventId() { return eventId; }
  @Override public long returnValue() { return returnValue; }
  @Override public String syscall() { return syscall; }
  @Override public boolean containerStarted() { return containerStarted; }
  @Override public boolean isCompat() { return isCompat; }
  @Override public long threadEntityId() { return threadEntityId; }
  @Override public long processEntityId() { return processEntityId; }
  @Override public long parentEntityId() { return parentEntityId; }
  @Override public int argCount() { return args.size(); }
  @Override public String argName(int index) { return args.get(index).name(); }
  @Override public String argType(int index) { return args.get(index).type(); }
  @Override public ArgKind argKind(int index) { return args.get(index).kind(); }

  @Override
  public int argIndex(ArgKey key) {
    for (int i = 0; i < argKeyIds.length; i++) {
      int argId = argKeyIds[i];
      if (argId == key.id() || (argId < 0
          && NameRegistry.matchesSinceMark(argId, args.get(i).name(), key.id(), key.name()))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public @Nullable String rawJson(int index) {
    Arg arg = args.get(index);
    return arg.kind() == ArgKind.JSON ? (String) present(arg) : null;
  }

  @Override
  public @Nullable String stringAt(int index) {
    Arg arg = args.get(index);
    return arg.kind() == ArgKind.STRING ? (String) present(arg) : null;
  }

  @Override
  public @Nullable ByteView bytesAt(int index) {
    Arg arg = args.get(index);
    if (arg.kind() != ArgKind.BYTES) {
      return null;
    }
    byte[] bytes = (byte[]) present(arg);
    return new ByteView() {
      @Override
      public int length() {
        return bytes.length;
      }

      @Override
      public byte byteAt(int i) {
        return bytes[i];
      }

      @Override
      public byte[] toByteArray() {
        return Arrays.copyOf(bytes, bytes.length);
      }
    };
  }

  @Override
  public long longAt(int index, long absent) {
    Object value = args.get(index).value();
    return value instanceof Long ? (Long) value : absent;
  }

  @Override
  public boolean boolAt(int index, boolean absent) {
    Object value = args.get(index).value();
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    return value instanceof Long ? (Long) value != 0 : absent;
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, String name) {
    JsonFields fields = fields(index);
    return fields == null ? null : fields.field(name);
  }

  @Override
  public int elementCountAt(int index) {
    Arg arg = args.get(index);
    if (arg.kind() == ArgKind.STRINGS) {
      return ((List<?>) present(arg)).size();
    }
    JsonFields fields = fields(index);
    return fields == null ? -1 : fields.elementCount();
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, int element, String name) {
    JsonFields fields = fields(index);
    return fields == null ? null : fields.field(element, name);
  }

  // A snapshot is immutable and may be read from several threads: parse per call (findings are
  // the rare path).
  private @Nullable JsonFields fields(int index) {
    Arg arg = args.get(index);
    if (arg.kind() != ArgKind.JSON) {
      return null;
    }
    JsonFields fields = new JsonFields();
    fields.parse((String) present(arg));
    return fields;
  }

  @Override
  public @Nullable StringList stringsAt(int index) {
    Arg arg = args.get(index);
    if (arg.kind() != ArgKind.STRINGS) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) present(arg);
    return new StringList() {
      @Override
      public int size() {
        return list.size();
      }

      @Override
      public CharSequence get(int i) {
        return list.get(i);
      }

      @Override
      public List<String> toList() {
        return list;
      }
    };
  }

  // Only NULL and INVALID arguments have no value (see Arg); callers have checked the kind.
  private static Object present(Arg arg) {
    return Objects.requireNonNull(arg.value(), arg.name());
  }

  @Override
  public EventSnapshot copy() {
    return this;
  }

  @Override
  public String toString() {
    return "EventSnapshot[" + eventName + " @" + timestamp + " " + origin().traceeName()
        + (containerId.isEmpty() ? "" : " " + containerId) + ", args=" + args + "]";
  }
}
