package dev.sigil.core.event;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.StringList;
import dev.sigil.core.internal.Registries;
import dev.sigil.core.internal.TextSlot;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The re-usable {@link Event} that producers fill (the Tracee decoder, the public
 * {@code SensorEvent}, the test builder): one instance per producer, {@link #reset()} before each
 * event, storage grown on demand and kept, so that steady-state filling allocates nothing. The
 * context lives here; the arguments live in an {@link ArgTable}.
 */
public final class MutableEvent implements Event {
  private long timestamp;
  private long threadStartTime;
  private int processorId;
  private int processId;
  private int threadId;
  private int parentProcessId;
  private int hostProcessId;
  private int hostThreadId;
  private int hostParentProcessId;
  private long cgroupId;
  private long userId;
  private long mountNamespace;
  private long pidNamespace;
  private final TextSlot processName = new TextSlot(16);
  private final TextSlot executablePath = new TextSlot(64);
  private final TextSlot hostName = new TextSlot(32);
  private final TextSlot containerId = new TextSlot(64);
  private final TextSlot containerName = new TextSlot(32);
  private final TextSlot containerImage = new TextSlot(64);
  private final TextSlot containerImageDigest = new TextSlot(72);
  private final TextSlot podName = new TextSlot(32);
  private final TextSlot podNamespace = new TextSlot(32);
  private final TextSlot podUid = new TextSlot(36);
  private boolean podSandbox;
  private EventType type = EventType.UNREGISTERED;
  private final TextSlot eventName = new TextSlot(32);
  private int eventId;
  private long returnValue;
  private final TextSlot syscall = new TextSlot(16);
  private boolean containerStarted;
  private boolean isCompat;
  private long threadEntityId;
  private long processEntityId;
  private long parentEntityId;

  private final ArgTable args = new ArgTable();
  private EventType[] typesById = new EventType[0];

  /** Clears every field and argument, keeping the storage. */
  public void reset() {
    timestamp = 0;
    threadStartTime = 0;
    processorId = 0;
    processId = 0;
    threadId = 0;
    parentProcessId = 0;
    hostProcessId = 0;
    hostThreadId = 0;
    hostParentProcessId = 0;
    cgroupId = 0;
    userId = 0;
    mountNamespace = 0;
    pidNamespace = 0;
    processName.clear();
    executablePath.clear();
    hostName.clear();
    containerId.clear();
    containerName.clear();
    containerImage.clear();
    containerImageDigest.clear();
    podName.clear();
    podNamespace.clear();
    podUid.clear();
    podSandbox = false;
    type = EventType.UNREGISTERED;
    eventName.clear();
    eventId = 0;
    returnValue = 0;
    syscall.clear();
    containerStarted = false;
    isCompat = false;
    threadEntityId = 0;
    processEntityId = 0;
    parentEntityId = 0;
    args.clear();
  }

  // ---- context setters -------------------------------------------------------------------

  /** @param value nanoseconds since the epoch */
  public void timestamp(long value) { timestamp = value; }
  /** @param value the thread start time */
  public void threadStartTime(long value) { threadStartTime = value; }
  /** @param value the processor id */
  public void processorId(int value) { processorId = value; }
  /** @param value the namespace pid */
  public void processId(int value) { processId = value; }
  /** @param value the namespace tid */
  public void threadId(int value) { threadId = value; }
  /** @param value the namespace parent pid */
  public void parentProcessId(int value) { parentProcessId = value; }
  /** @param value the host pid */
  public void hostProcessId(int value) { hostProcessId = value; }
  /** @param value the host tid */
  public void hostThreadId(int value) { hostThreadId = value; }
  /** @param value the host parent pid */
  public void hostParentProcessId(int value) { hostParentProcessId = value; }
  /** @param value the cgroup id */
  public void cgroupId(long value) { cgroupId = value; }
  /** @param value the uid */
  public void userId(long value) { userId = value; }
  /** @param value the mount namespace */
  public void mountNamespace(long value) { mountNamespace = value; }
  /** @param value the pid namespace */
  public void pidNamespace(long value) { pidNamespace = value; }
  /** @param value the pod sandbox flag */
  public void podSandbox(boolean value) { podSandbox = value; }
  /** @param value the event id */
  public void eventId(int value) { eventId = value; }
  /** @param value the return value */
  public void returnValue(long value) { returnValue = value; }
  /** @param value the containerStarted flag */
  public void containerStarted(boolean value) { containerStarted = value; }
  /** @param value the isCompat flag */
  public void isCompat(boolean value) { isCompat = value; }
  /** @param value the thread entity id */
  public void threadEntityId(long value) { threadEntityId = value; }
  /** @param value the process entity id */
  public void processEntityId(long value) { processEntityId = value; }
  /** @param value the parent entity id */
  public void parentEntityId(long value) { parentEntityId = value; }

  /** @return storage for the process name */
  public TextSlot processNameSlot() { return processName; }
  /** @return storage for the executable path */
  public TextSlot executablePathSlot() { return executablePath; }
  /** @return storage for the host name */
  public TextSlot hostNameSlot() { return hostName; }
  /** @return storage for the container id */
  public TextSlot containerIdSlot() { return containerId; }
  /** @return storage for the container name */
  public TextSlot containerNameSlot() { return containerName; }
  /** @return storage for the container image */
  public TextSlot containerImageSlot() { return containerImage; }
  /** @return storage for the container image digest */
  public TextSlot containerImageDigestSlot() { return containerImageDigest; }
  /** @return storage for the pod name */
  public TextSlot podNameSlot() { return podName; }
  /** @return storage for the pod namespace */
  public TextSlot podNamespaceSlot() { return podNamespace; }
  /** @return storage for the pod UID */
  public TextSlot podUidSlot() { return podUid; }
  /** @return storage for the syscall name */
  public TextSlot syscallSlot() { return syscall; }

  /**
   * Sets the event name and resolves its type without registering it: a name no signature
   * selects (nothing registered it) reads as {@link EventType#UNREGISTERED}, which still
   * reaches wildcard selectors. Decoders use this, so hostile input cannot fill the registry.
   *
   * @param chars the characters
   * @param offset where the name starts
   * @param length its length
   */
  public void eventName(char[] chars, int offset, int length) {
    eventName.set(chars, offset, length);
    type = typeOf(Registries.EVENT_NAMES.find(chars, offset, length));
  }

  /**
   * Sets the event name and resolves its type without registering it, as
   * {@link #eventName(char[], int, int)}.
   *
   * @param name the name
   */
  public void eventNameIfKnown(CharSequence name) {
    eventName.set(name);
    type = typeOf(Registries.EVENT_NAMES.find(name));
  }

  /**
   * Sets the event name to a view over ASCII bytes, with the type its decoder resolved without
   * registering the name (the Tracee decoder remembers each name's type, so it looks it up once).
   *
   * @param bytes the bytes, all below 0x80, unchanged while the event is read
   * @param offset where the name starts
   * @param length its length
   * @param resolved the name's type
   */
  public void eventName(byte[] bytes, int offset, int length, EventType resolved) {
    eventName.wrapAscii(bytes, offset, length);
    type = resolved;
  }

  /**
   * Sets the event name and resolves its type, registering the name when new: for trusted
   * producers such as test builders.
   *
   * @param name the name
   */
  public void eventName(CharSequence name) {
    eventName.set(name);
    int id = Registries.EVENT_NAMES.find(name);
    if (id < 0 && name.length() > 0) {
      type = EventType.of(name.toString());
    } else {
      type = typeOf(id);
    }
  }

  /**
   * Sets the event type, and its name as the event name.
   *
   * @param value the type
   */
  public void type(EventType value) {
    eventName.set(value.name());
    type = value;
  }

  // One lookup per id, then an array read: the registry gives ids, the API owns the objects.
  private EventType typeOf(int id) {
    if (id < 0) {
      return EventType.UNREGISTERED;
    }
    if (id >= typesById.length) {
      typesById = Arrays.copyOf(typesById, Math.max(id + 1, typesById.length * 2 + 16));
    }
    EventType found = typesById[id];
    if (found == null) {
      found = EventType.of(Registries.EVENT_NAMES.name(id));
      typesById[id] = found;
    }
    return found;
  }

  // ---- arguments (stored in the ArgTable) --------------------------------------------------

  /**
   * Appends an argument, registering its name as a key when new (trusted producers); its value
   * reads as {@link ArgKind#NULL} until set.
   *
   * @param name the argument's name
   * @return the new argument's index
   */
  public int addArg(CharSequence name) {
    int index = args.add();
    args.name(index).set(name);
    args.keyId(index, name.length() == 0 ? -1 : Registries.ARG_NAMES.intern(name));
    return index;
  }

  /**
   * Appends an argument named by a key; its value reads as {@link ArgKind#NULL} until set.
   *
   * @param key the key
   * @return the new argument's index
   */
  public int addArg(ArgKey key) {
    int index = args.add();
    args.name(index).set(key.name());
    args.keyId(index, key.id());
    return index;
  }

  /**
   * Names an argument without registering the name: the argument gets the id of an existing
   * {@link ArgKey} of that name, or none. Decoders of untrusted input use this so that hostile
   * input cannot fill the key registry (an argument no key names cannot be looked up by key
   * anyway; it stays readable by index).
   *
   * @param index the argument
   * @param chars the characters of the name
   * @param offset where the name starts
   * @param length its length
   */
  public void argNameIfKnown(int index, char[] chars, int offset, int length) {
    args.name(index).set(chars, offset, length);
    args.keyId(index, Registries.ARG_NAMES.findOrMark(chars, offset, length));
  }

  /**
   * Names an argument with a view over ASCII bytes and the key id its decoder resolved without
   * registering the name (the Tracee decoder remembers it per argument position).
   *
   * @param index the argument
   * @param bytes the bytes, all below 0x80, unchanged while the event is read
   * @param offset where the name starts
   * @param length its length
   * @param keyId the id of the key with that name, or -1
   */
  public void argName(int index, byte[] bytes, int offset, int length, int keyId) {
    args.name(index).wrapAscii(bytes, offset, length);
    args.keyId(index, keyId);
  }

  /**
   * Appends an argument with an empty name and no key, to be named later with
   * {@link #argNameIfKnown(int, char[], int, int)}; its value reads as {@link ArgKind#NULL} until
   * set.
   *
   * @return the new argument's index
   */
  public int addUnnamedArg() {
    return args.add();
  }

  /**
   * Returns storage for an argument's declared type name.
   *
   * @param index the argument
   * @return its type slot
   */
  public TextSlot argTypeSlot(int index) {
    return args.type(index);
  }

  /**
   * Returns an argument's text storage as it stands (the text of a {@link ArgKind#STRING} or
   * {@link ArgKind#JSON} value), for decoders that re-interpret a value once its declared type
   * is known.
   *
   * @param index the argument
   * @return its text slot, not cleared
   */
  public TextSlot argTextSlot(int index) {
    return args.text(index);
  }

  /**
   * Marks an argument as text and returns its storage to fill.
   *
   * @param index the argument
   * @return its text slot, cleared
   */
  public TextSlot setString(int index) {
    return args.setString(index);
  }

  /**
   * Marks an argument as raw JSON and returns its storage to fill.
   *
   * @param index the argument
   * @return its text slot, cleared
   */
  public TextSlot setRawJson(int index) {
    return args.setRawJson(index);
  }

  /**
   * Marks an argument as bytes and returns its storage to fill.
   *
   * @param index the argument
   * @return its byte storage, cleared
   */
  public ByteArg setBytes(int index) {
    return args.setBytes(index);
  }

  /**
   * Marks an argument as a string list and returns its storage to fill.
   *
   * @param index the argument
   * @return its list slot, cleared
   */
  public StringListSlot setStrings(int index) {
    return args.setStrings(index);
  }

  /**
   * Sets an integer argument.
   *
   * @param index the argument
   * @param value the value
   */
  public void setLong(int index, long value) {
    args.setLong(index, value);
  }

  /**
   * Sets a boolean argument.
   *
   * @param index the argument
   * @param value the value
   */
  public void setBool(int index, boolean value) {
    args.setBool(index, value);
  }

  /**
   * Sets an argument to JSON null.
   *
   * @param index the argument
   */
  public void setNull(int index) {
    args.setKind(index, ArgKind.NULL);
  }

  /**
   * Marks an argument's value as undecodable: it reads as absent.
   *
   * @param index the argument
   */
  public void setInvalid(int index) {
    args.setKind(index, ArgKind.INVALID);
  }

  // ---- Event -----------------------------------------------------------------------------

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
  @Override public CharSequence processName() { return processName; }
  @Override public CharSequence executablePath() { return executablePath; }
  @Override public CharSequence hostName() { return hostName; }
  @Override public CharSequence containerId() { return containerId; }
  @Override public CharSequence containerName() { return containerName; }
  @Override public CharSequence containerImage() { return containerImage; }
  @Override public CharSequence containerImageDigest() { return containerImageDigest; }
  @Override public CharSequence podName() { return podName; }
  @Override public CharSequence podNamespace() { return podNamespace; }
  @Override public CharSequence podUid() { return podUid; }
  @Override public boolean podSandbox() { return podSandbox; }
  @Override public EventType type() { return type; }
  @Override public CharSequence eventName() { return eventName; }
  @Override public int eventId() { return eventId; }
  @Override public long returnValue() { return returnValue; }
  @Override public CharSequence syscall() { return syscall; }
  @Override public boolean containerStarted() { return containerStarted; }
  @Override public boolean isCompat() { return isCompat; }
  @Override public long threadEntityId() { return threadEntityId; }
  @Override public long processEntityId() { return processEntityId; }
  @Override public long parentEntityId() { return parentEntityId; }
  /**
   * Tells whether a parsed form of an argument's text was remembered for this event by
   * {@link #rememberParsedForm(int, int, long)}. Readers of printed argument forms (such as
   * {@code O_WRONLY|O_CREAT}, which every open-file signature reads) parse the text once per
   * event instead of once per signature; the memory is forgotten when the argument is set anew.
   *
   * @param index the argument's index
   * @param form the reader's number for the form, 0 or more
   * @return true when {@link #parsedForm(int)} holds that form of the argument
   */
  public boolean hasParsedForm(int index, int form) {
    return args.hasParsedForm(index, form);
  }

  /**
   * Returns the parsed form remembered for an argument.
   *
   * @param index the argument's index
   * @return the value given to {@link #rememberParsedForm(int, int, long)}
   */
  public long parsedForm(int index) {
    return args.parsedForm(index);
  }

  /**
   * Remembers a parsed form of an argument's text until the argument is set anew.
   *
   * @param index the argument's index
   * @param form the reader's number for the form, 0 or more
   * @param value the parsed value (readers choose how to say "not parseable")
   */
  public void rememberParsedForm(int index, int form, long value) {
    args.rememberParsedForm(index, form, value);
  }

  @Override public int argCount() { return args.count(); }
  @Override public CharSequence argName(int index) { return args.nameAt(index); }
  @Override public CharSequence argType(int index) { return args.typeAt(index); }
  @Override public ArgKind argKind(int index) { return args.kindAt(index); }
  @Override public int argIndex(ArgKey key) { return args.indexOf(key); }
  @Override public @Nullable CharSequence rawJson(int index) { return args.rawJson(index); }
  @Override public @Nullable CharSequence stringAt(int index) { return args.stringAt(index); }
  @Override public @Nullable ByteView bytesAt(int index) { return args.bytesAt(index); }
  @Override public long longAt(int index, long absent) { return args.longAt(index, absent); }
  @Override public boolean boolAt(int index, boolean absent) { return args.boolAt(index, absent); }
  @Override public @Nullable StringList stringsAt(int index) { return args.stringsAt(index); }
  @Override public int elementCountAt(int index) { return args.elementCountAt(index); }

  @Override
  public @Nullable CharSequence fieldAt(int index, String name) {
    return args.fieldAt(index, name);
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, int element, String name) {
    return args.fieldAt(index, element, name);
  }

  @Override
  public String toString() {
    return "MutableEvent[" + eventName + " @" + timestamp + ", " + args.count() + " args]";
  }
}
