package dev.sigil.core.internal;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The re-usable {@link Event} that decoders and test builders fill: one instance per producer,
 * {@link #reset()} before each event, storage grown on demand and kept, so that steady-state
 * decoding allocates nothing.
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

  private int argCount;
  private int[] argKeyIds = new int[0];
  private ArgKind[] argKinds = new ArgKind[0];
  private long[] argLongs = new long[0];
  private TextSlot[] argNames = new TextSlot[0];
  private TextSlot[] argTypes = new TextSlot[0];
  private TextSlot[] argTexts = new TextSlot[0];
  private ByteSlot[] argBytes = new ByteSlot[0];
  private StringListSlot[] argLists = new StringListSlot[0];
  private @Nullable JsonFields[] argFields = new JsonFields[0];
  private boolean[] fieldsParsed = new boolean[0];

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
    argCount = 0;
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
    type = EventType.find(chars, offset, length);
  }

  /**
   * Sets the event name to a view over ASCII bytes, with the type its decoder resolved (see
   * {@link EventType#find(byte[], int, int)}); nothing is registered.
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
    type = EventType.intern(eventName.array(), 0, eventName.length());
  }

  // ---- arguments -------------------------------------------------------------------------

  /**
   * Appends an argument; its value reads as {@link ArgKind#NULL} until set.
   *
   * @param name the argument's name
   * @return the new argument's index
   */
  public int addArg(CharSequence name) {
    int index = newArg();
    argNames[index].set(name);
    argKeyIds[index] = ArgKey.internId(name);
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
    argNames[index].set(chars, offset, length);
    argKeyIds[index] = ArgKey.findId(chars, offset, length);
  }

  /**
   * Names an argument with a view over ASCII bytes and the key id its decoder resolved (see
   * {@link ArgKey#findId(byte[], int, int)}); nothing is registered.
   *
   * @param index the argument
   * @param bytes the bytes, all below 0x80, unchanged while the event is read
   * @param offset where the name starts
   * @param length its length
   * @param keyId the id of the key with that name, or -1
   */
  public void argName(int index, byte[] bytes, int offset, int length, int keyId) {
    argNames[index].wrapAscii(bytes, offset, length);
    argKeyIds[index] = keyId;
  }

  /**
   * Appends an argument with an empty name and no key, to be named later with
   * {@link #argNameIfKnown(int, char[], int, int)}; its value reads as {@link ArgKind#NULL} until
   * set.
   *
   * @return the new argument's index
   */
  public int addUnnamedArg() {
    int index = newArg();
    argNames[index].clear();
    return index;
  }

  private int newArg() {
    int index = argCount;
    if (index == argKeyIds.length) {
      grow(Math.max(8, index * 2));
    }
    argCount++;
    argKeyIds[index] = -1;
    argKinds[index] = ArgKind.NULL;
    argLongs[index] = 0;
    argTypes[index].clear();
    argTexts[index].clear();
    fieldsParsed[index] = false;
    return index;
  }

  private void grow(int capacity) {
    int old = argKeyIds.length;
    argKeyIds = Arrays.copyOf(argKeyIds, capacity);
    argKinds = Arrays.copyOf(argKinds, capacity);
    argLongs = Arrays.copyOf(argLongs, capacity);
    argNames = Arrays.copyOf(argNames, capacity);
    argTypes = Arrays.copyOf(argTypes, capacity);
    argTexts = Arrays.copyOf(argTexts, capacity);
    argBytes = Arrays.copyOf(argBytes, capacity);
    argLists = Arrays.copyOf(argLists, capacity);
    argFields = Arrays.copyOf(argFields, capacity);
    fieldsParsed = Arrays.copyOf(fieldsParsed, capacity);
    for (int i = old; i < capacity; i++) {
      argNames[i] = new TextSlot(16);
      argTypes[i] = new TextSlot(16);
      argTexts[i] = new TextSlot(64);
      argBytes[i] = new ByteSlot(32);
      argLists[i] = new StringListSlot();
    }
  }

  /**
   * Returns storage for an argument's declared type name.
   *
   * @param index the argument
   * @return its type slot
   */
  public TextSlot argTypeSlot(int index) {
    return argTypes[index];
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
    return argTexts[index];
  }

  /**
   * Marks an argument as text and returns its storage to fill.
   *
   * @param index the argument
   * @return its text slot, cleared
   */
  public TextSlot setString(int index) {
    argKinds[index] = ArgKind.STRING;
    TextSlot slot = argTexts[index];
    slot.clear();
    return slot;
  }

  /**
   * Marks an argument as raw JSON and returns its storage to fill.
   *
   * @param index the argument
   * @return its text slot, cleared
   */
  public TextSlot setRawJson(int index) {
    argKinds[index] = ArgKind.JSON;
    fieldsParsed[index] = false;
    TextSlot slot = argTexts[index];
    slot.clear();
    return slot;
  }

  /**
   * Marks an argument as bytes and returns its storage to fill.
   *
   * @param index the argument
   * @return its byte slot, cleared
   */
  public ByteSlot setBytes(int index) {
    argKinds[index] = ArgKind.BYTES;
    ByteSlot slot = argBytes[index];
    slot.clear();
    return slot;
  }

  /**
   * Marks an argument as a string list and returns its storage to fill.
   *
   * @param index the argument
   * @return its list slot, cleared
   */
  public StringListSlot setStrings(int index) {
    argKinds[index] = ArgKind.STRINGS;
    StringListSlot slot = argLists[index];
    slot.clear();
    return slot;
  }

  /**
   * Sets an integer argument.
   *
   * @param index the argument
   * @param value the value
   */
  public void setLong(int index, long value) {
    argKinds[index] = ArgKind.LONG;
    argLongs[index] = value;
  }

  /**
   * Sets a boolean argument.
   *
   * @param index the argument
   * @param value the value
   */
  public void setBool(int index, boolean value) {
    argKinds[index] = ArgKind.BOOL;
    argLongs[index] = value ? 1 : 0;
  }

  /**
   * Sets an argument to JSON null.
   *
   * @param index the argument
   */
  public void setNull(int index) {
    argKinds[index] = ArgKind.NULL;
  }

  /**
   * Marks an argument's value as undecodable: it reads as absent.
   *
   * @param index the argument
   */
  public void setInvalid(int index) {
    argKinds[index] = ArgKind.INVALID;
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
  @Override public int argCount() { return argCount; }

  @Override
  public CharSequence argName(int index) {
    checkIndex(index);
    return argNames[index];
  }

  @Override
  public CharSequence argType(int index) {
    checkIndex(index);
    return argTypes[index];
  }

  @Override
  public ArgKind argKind(int index) {
    checkIndex(index);
    return argKinds[index];
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= argCount) {
      throw new IndexOutOfBoundsException("argument " + index + " outside [0, " + argCount + ")");
    }
  }

  @Override
  public int argIndex(ArgKey key) {
    int id = key.id();
    for (int i = 0; i < argCount; i++) {
      int argId = argKeyIds[i];
      // An argument decoded before its key existed has no id: compare its name (length first).
      if (argId == id || (argId < 0 && Text.contentEquals(argNames[i], key.name()))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the key id an argument's name resolved to when decoded.
   *
   * @param index the argument
   * @return the id, or -1 when no key had that name then
   */
  public int argKeyId(int index) {
    checkIndex(index);
    return argKeyIds[index];
  }

  @Override
  public @Nullable CharSequence rawJson(int index) {
    checkIndex(index);
    return argKinds[index] == ArgKind.JSON ? argTexts[index] : null;
  }

  @Override
  public @Nullable CharSequence stringAt(int index) {
    checkIndex(index);
    return argKinds[index] == ArgKind.STRING ? argTexts[index] : null;
  }

  @Override
  public @Nullable ByteView bytesAt(int index) {
    checkIndex(index);
    return argKinds[index] == ArgKind.BYTES ? argBytes[index] : null;
  }

  @Override
  public long longAt(int index, long absent) {
    checkIndex(index);
    return argKinds[index] == ArgKind.LONG ? argLongs[index] : absent;
  }

  @Override
  public boolean boolAt(int index, boolean absent) {
    checkIndex(index);
    ArgKind kind = argKinds[index];
    return kind == ArgKind.BOOL || kind == ArgKind.LONG ? argLongs[index] != 0 : absent;
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, String name) {
    JsonFields fields = parsedFields(index);
    return fields == null ? null : fields.field(name);
  }

  @Override
  public int elementCountAt(int index) {
    checkIndex(index);
    if (argKinds[index] == ArgKind.STRINGS) {
      return argLists[index].size();
    }
    JsonFields fields = parsedFields(index);
    return fields == null ? -1 : fields.elementCount();
  }

  @Override
  public @Nullable CharSequence fieldAt(int index, int element, String name) {
    JsonFields fields = parsedFields(index);
    return fields == null ? null : fields.field(element, name);
  }

  // Parsed on first use: most structured arguments are never asked for a field.
  private @Nullable JsonFields parsedFields(int index) {
    checkIndex(index);
    if (argKinds[index] != ArgKind.JSON) {
      return null;
    }
    if (!fieldsParsed[index]) {
      if (argFields[index] == null) {
        argFields[index] = new JsonFields();
      }
      argFields[index].parse(argTexts[index]);
      fieldsParsed[index] = true;
    }
    return argFields[index];
  }

  @Override
  public @Nullable StringList stringsAt(int index) {
    checkIndex(index);
    return argKinds[index] == ArgKind.STRINGS ? argLists[index] : null;
  }

  @Override
  public String toString() {
    return "MutableEvent[" + eventName + " @" + timestamp + ", " + argCount + " args]";
  }
}
