package dev.sigil.core.tracee;

import dev.sigil.core.ArgKind;
import dev.sigil.core.EventType;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.event.StringListSlot;
import dev.sigil.core.internal.Base64Decoding;
import dev.sigil.core.internal.JsonBytes;
import dev.sigil.core.internal.JsonNumbers;
import dev.sigil.core.internal.JsonStrings;
import dev.sigil.core.internal.LineScan;
import dev.sigil.core.internal.TextSlot;
import dev.sigil.core.tracee.LineShapes.Name;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one line of Tracee's {@code trace.Event} JSON, straight from its UTF-8 bytes, into a
 * {@link MutableEvent}: the field decoding of the reader (the line discipline is
 * {@link TraceeReader}'s, values it does not map are {@link RawJson}'s, numbers and characters
 * are {@code JsonNumbers}' and {@code JsonBytes}').
 *
 * <p><b>Fast where Tracee is predictable.</b> Tracee writes an event's keys, and an argument's, in
 * the same order every time, in ASCII: each key is first compared, eight bytes at a time, with the
 * one that follows the previous key in that order ({@link KeyTable}), and read and looked up only
 * when it differs. An argument's whole opening ({@code {"name":..,"type":..,"value":}) is compared
 * with the one remembered for its event name and position ({@link LineShapes}). Text without
 * escapes or non-ASCII bytes is not copied: the event's text is a view of the line's bytes
 * ({@link TextSlot#wrapAscii}). Integers are parsed eight digits at a time, base64 decoded from
 * the bytes.
 *
 * <p><b>Correct on anything else.</b> Keys in another order, unknown keys, escapes, whitespace,
 * nesting, both argument vocabularies and the old flat shape are decoded as any JSON reader would;
 * malformed JSON, a known field with a value of the wrong type, too many arguments or too deep a
 * nesting reject the line.
 *
 * <p><b>Skipping.</b> Given the event types to decode, a line whose {@code eventName} names
 * another type is left undecoded ({@link #SKIPPED}) once the rest of the line cannot name it
 * again: the prefix up to {@code eventName} is decoded (so the name is the top-level one, whatever
 * comes before it), and the rest must hold neither the bytes {@code "eventName"} nor a
 * <code>&#92;u</code> escape, which is the only way another key could spell that name.
 *
 * <p><b>The line.</b> A line starts at the offset given and ends at the first {@code '\n'} after
 * it, which must exist in the array: every scan stops there, so no bound is checked per byte.
 */
final class TraceeLineDecoder {
  /** The line held an event, now in the event given. */
  static final int EVENT = 0;
  /** The line's event is of a type not decoded. */
  static final int SKIPPED = 1;
  /** The line holds only spaces, tabs and carriage returns. */
  static final int BLANK = 2;
  /** The line is rejected; see {@link #reason()}. */
  static final int REJECTED = 3;

  static final String NOT_AN_OBJECT = "not a JSON object";
  static final String TRUNCATED = "truncated JSON (the line ends inside a value)";
  static final String TRAILING = "content after the JSON object";

  private static final int TIMESTAMP = 0;
  private static final int THREAD_START_TIME = 1;
  private static final int PROCESSOR_ID = 2;
  private static final int PROCESS_ID = 3;
  private static final int CGROUP_ID = 4;
  private static final int THREAD_ID = 5;
  private static final int PARENT_PROCESS_ID = 6;
  private static final int HOST_PROCESS_ID = 7;
  private static final int HOST_THREAD_ID = 8;
  private static final int HOST_PARENT_PROCESS_ID = 9;
  private static final int USER_ID = 10;
  private static final int MOUNT_NAMESPACE = 11;
  private static final int PID_NAMESPACE = 12;
  private static final int PROCESS_NAME = 13;
  private static final int EXECUTABLE = 14;
  private static final int HOST_NAME = 15;
  private static final int CONTAINER_ID = 16;
  private static final int CONTAINER = 17;
  private static final int KUBERNETES = 18;
  private static final int EVENT_ID = 19;
  private static final int EVENT_NAME = 20;
  private static final int ARGS_NUM = 22;
  private static final int RETURN_VALUE = 23;
  private static final int SYSCALL = 24;
  private static final int CONTEXT_FLAGS = 26;
  private static final int THREAD_ENTITY_ID = 27;
  private static final int PROCESS_ENTITY_ID = 28;
  private static final int PARENT_ENTITY_ID = 29;
  private static final int ARGS = 30;
  private static final int CONTAINER_IMAGE = 31;
  private static final int CONTAINER_IMAGE_DIGEST = 32;
  private static final int CONTAINER_NAME = 33;
  private static final int POD_NAME = 34;
  private static final int POD_NAMESPACE = 35;
  private static final int POD_UID = 36;
  private static final int POD_SANDBOX = 37;

  /** The context fields in the order Tracee writes them, then older or rarer ones. */
  private static final KeyTable EVENT_KEYS = new KeyTable(
      "timestamp", "threadStartTime", "processorId", "processId", "cgroupId", "threadId",
      "parentProcessId", "hostProcessId", "hostThreadId", "hostParentProcessId", "userId",
      "mountNamespace", "pidNamespace", "processName", "executable", "hostName", "containerId",
      "container", "kubernetes", "eventId", "eventName", "matchedPolicies", "argsNum",
      "returnValue", "syscall", "stackAddresses", "contextFlags", "threadEntityId",
      "processEntityId", "parentEntityId", "args",
      "containerImage", "containerImageDigest", "containerName", "podName", "podNamespace",
      "podUID", "podSandbox", "matchedScopes", "metadata");
  /** The context fields read as integers, as bits by field. */
  private static final long FIELD_NUMBERS = bits(TIMESTAMP, THREAD_START_TIME, PROCESSOR_ID,
      PROCESS_ID, CGROUP_ID, THREAD_ID, PARENT_PROCESS_ID, HOST_PROCESS_ID, HOST_THREAD_ID,
      HOST_PARENT_PROCESS_ID, USER_ID, MOUNT_NAMESPACE, PID_NAMESPACE, ARGS_NUM, RETURN_VALUE,
      THREAD_ENTITY_ID, PROCESS_ENTITY_ID, PARENT_ENTITY_ID);

  private static long bits(int... fields) {
    long bits = 0;
    for (int field : fields) {
      bits |= 1L << field;
    }
    return bits;
  }

  /** Stores a context number where its field goes; {@code argsNum} is checked, not kept. */
  private static void storeNumber(MutableEvent e, int field, long value) {
    switch (field) {
      case TIMESTAMP -> e.timestamp(value);
      case THREAD_START_TIME -> e.threadStartTime(value);
      case PROCESSOR_ID -> e.processorId((int) value);
      case PROCESS_ID -> e.processId((int) value);
      case CGROUP_ID -> e.cgroupId(value);
      case THREAD_ID -> e.threadId((int) value);
      case PARENT_PROCESS_ID -> e.parentProcessId((int) value);
      case HOST_PROCESS_ID -> e.hostProcessId((int) value);
      case HOST_THREAD_ID -> e.hostThreadId((int) value);
      case HOST_PARENT_PROCESS_ID -> e.hostParentProcessId((int) value);
      case USER_ID -> e.userId(value);
      case MOUNT_NAMESPACE -> e.mountNamespace(value);
      case PID_NAMESPACE -> e.pidNamespace(value);
      case RETURN_VALUE -> e.returnValue(value);
      case THREAD_ENTITY_ID -> e.threadEntityId(value);
      case PROCESS_ENTITY_ID -> e.processEntityId(value);
      case PARENT_ENTITY_ID -> e.parentEntityId(value);
      default -> { }
    }
  }

  /** The slot of a context field read as a plain string, or null for any other field. */
  private static @Nullable TextSlot textSlot(MutableEvent e, int field) {
    return switch (field) {
      case PROCESS_NAME -> e.processNameSlot();
      case HOST_NAME -> e.hostNameSlot();
      case SYSCALL -> e.syscallSlot();
      case CONTAINER_IMAGE -> e.containerImageSlot();
      case CONTAINER_IMAGE_DIGEST -> e.containerImageDigestSlot();
      case CONTAINER_NAME -> e.containerNameSlot();
      case POD_NAME -> e.podNameSlot();
      case POD_NAMESPACE -> e.podNamespaceSlot();
      case POD_UID -> e.podUidSlot();
      default -> null;
    };
  }

  private static final KeyTable EXECUTABLE_KEYS = new KeyTable("path");
  private static final KeyTable CONTAINER_KEYS = new KeyTable("id", "name", "image", "imageDigest");
  private static final KeyTable KUBERNETES_KEYS =
      new KeyTable("podName", "podNamespace", "podUID", "podSandbox");
  private static final KeyTable CONTEXT_FLAGS_KEYS = new KeyTable("containerStarted", "isCompat");
  private static final KeyTable ARG_KEYS = new KeyTable("name", "type", "value");
  private static final int ARG_NAME = 0;
  private static final int ARG_TYPE = 1;
  private static final int ARG_VALUE = 2;
  /** How many containers enclose an argument's value: the event, {@code args}, the argument. */
  private static final int ARG_VALUE_DEPTH = 3;

  private static final long CAPITAL_NS = 0x4e4e4e4e4e4e4e4eL;
  private static final long[] EVENT_NAME_KEY = JsonBytes.words(
      "\"eventName\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private final int maxArgs;
  private final int maxStringChars;
  private final String tooManyArgs;
  private final RawJson raw;
  /** By event type id: whether lines of that type are decoded; null when every line is. */
  private final boolean @Nullable [] decoded;
  private final LineShapes shapes = new LineShapes();
  private final TextSlot scratch = new TextSlot(64);

  /** What {@link #plainInteger()} read. */
  private long plainValue;
  /** Where {@link JsonNumbers#fastDigits} puts the end of the digits it parsed. */
  private final int[] digitsEnd = new int[1];

  // The line being decoded.
  private byte[] b = new byte[0];
  private int p;
  private int lineStart;
  private int lineEnd;
  private MutableEvent event = new MutableEvent();
  private @Nullable Name eventNameEntry;
  private int lineArgProblems;
  private String reason = "";

  // The argument being decoded: where its name and type are when they are views, else -1.
  private int argNameFrom;
  private int argNameLength;
  private int argKeyId;
  private int argTypeFrom;
  private int argTypeLength;

  /**
   * Creates a decoder.
   *
   * @param maxArgs the most arguments a line may have
   * @param maxStringChars the longest string (or structured value's JSON) an argument keeps
   * @param maxDepth the deepest nesting a line may have
   * @param decoded by event type id, whether lines of that type are decoded; null for all
   */
  TraceeLineDecoder(int maxArgs, int maxStringChars, int maxDepth, boolean @Nullable [] decoded) {
    this.maxArgs = maxArgs;
    this.maxStringChars = maxStringChars;
    this.tooManyArgs = "more than " + maxArgs + " args";
    this.raw = new RawJson(maxDepth);
    this.decoded = decoded;
  }

  /** Where the line just decoded ends: the index of its {@code '\n'} (not after a rejection). */
  int lineEnd() {
    return lineEnd;
  }

  /** Why the line just decoded was rejected. */
  String reason() {
    return reason;
  }

  /** How many of the last event's arguments read as absent or contradicted their type. */
  int lineArgProblems() {
    return lineArgProblems;
  }

  /**
   * Decodes a line.
   *
   * @param bytes the bytes; a {@code '\n'} must follow the line in them
   * @param start the line's first byte
   * @param into the event to fill (reset first, unless the line is blank)
   * @return {@link #EVENT}, {@link #SKIPPED}, {@link #BLANK} or {@link #REJECTED}
   */
  int decode(byte[] bytes, int start, MutableEvent into) {
    if (b != bytes) {
      b = bytes; // the same buffer line after line: no G1 barrier for a store that changes nothing
    }
    lineStart = start;
    int q = start;
    if (JsonBytes.isSpace(bytes[q])) {
      q = JsonBytes.skipSpace(bytes, q);
    }
    if (bytes[q] == '\n') {
      lineEnd = q;
      return BLANK;
    }
    if (event != into) {
      event = into;
    }
    into.reset();
    lineArgProblems = 0;
    eventNameEntry = null;
    try {
      if (bytes[q] != '{') {
        byte c = bytes[q];
        if (c == '-' || (c >= '0' && c <= '9')) {
          // A number at the top level must be followed by whitespace, as jackson-core requires.
          int end = RawJson.number(bytes, q);
          if (!JsonBytes.isSpace(bytes[end]) && bytes[end] != '\n') {
            throw LineRejected.malformedAt(end);
          }
        }
        throw wrongType(q, NOT_AN_OBJECT);
      }
      p = q;
      if (decodeEvent()) {
        return SKIPPED;
      }
      int t = p;
      if (bytes[t] != '\n') {
        t = JsonBytes.skipSpace(bytes, t);
        if (bytes[t] != '\n') {
          throw LineRejected.because(TRAILING);
        }
      }
      lineEnd = t;
      return EVENT;
    } catch (LineRejected e) {
      reason = e.reason != null ? e.reason : malformed(e.position);
      return REJECTED;
    } catch (RuntimeException e) {
      // A decoder bug must cost one line, never the stream.
      reason = "undecodable JSON (" + e.getClass().getSimpleName() + ")";
      return REJECTED;
    }
  }

  /** Words malformed JSON at a position: truncated when the position is the line's end. */
  private String malformed(int position) {
    int newline = (int) LineScan.scan(b, lineStart, b.length);
    int contentEnd = newline > lineStart && b[newline - 1] == '\r' ? newline - 1 : newline;
    if (position >= contentEnd) {
      return TRUNCATED;
    }
    return "malformed JSON near byte " + (position - lineStart) + " of the line";
  }

  // ---- objects and keys ---------------------------------------------------------------------

  /** At an object's '{': moves to its first key and returns true, or past its '}' and false. */
  private boolean openObject() {
    int q = p + 1;
    byte c = b[q];
    if (c == '"') {
      p = q;
      return true;
    }
    if (JsonBytes.isSpace(c)) {
      q = JsonBytes.skipSpace(b, q);
      c = b[q];
    }
    if (c == '}') {
      p = q + 1;
      return false;
    }
    if (c == '"') {
      p = q;
      return true;
    }
    throw LineRejected.malformedAt(q);
  }

  /** After a member's value: moves to the next key and returns true, or past '}' and false. */
  private boolean nextMember() {
    byte c = b[p];
    if (JsonBytes.isSpace(c)) {
      p = JsonBytes.skipSpace(b, p);
      c = b[p];
    }
    if (c == ',') {
      int q = p + 1;
      if (b[q] != '"') {
        q = JsonBytes.skipSpace(b, q);
        if (b[q] != '"') {
          throw LineRejected.malformedAt(q);
        }
      }
      p = q;
      return true;
    }
    if (c == '}') {
      p++;
      return false;
    }
    throw LineRejected.malformedAt(p);
  }

  /**
   * Reads the key at {@code p} (its opening quote) and moves to its value.
   *
   * @return the field in {@code table}, or {@link KeyTable#UNKNOWN}
   */
  private int key(KeyTable table, int expected) {
    int matched = table.match(b, p, expected);
    if (matched > 0) {
      p += matched;
      if (JsonBytes.isSpace(b[p])) {
        p = JsonBytes.skipSpace(b, p);
      }
      return expected;
    }
    int from = p + 1;
    int stop = JsonBytes.stringStop(b, from);
    int field;
    int q;
    if (b[stop] == '"') {
      field = table.find(b, from, stop - from);
      q = stop + 1;
    } else {
      scratch.clear();
      q = decodeEscaped(from, scratch);
      field = table.find(scratch);
    }
    if (b[q] != ':') {
      q = JsonBytes.skipSpace(b, q);
      if (b[q] != ':') {
        throw LineRejected.malformedAt(q);
      }
    }
    q++;
    if (JsonBytes.isSpace(b[q])) {
      q = JsonBytes.skipSpace(b, q);
    }
    p = q;
    return field;
  }

  /**
   * Decodes a string that is not a plain ASCII view of the line (it holds escapes or UTF-8) into
   * a cleared slot.
   *
   * @param from the first byte after the opening quote
   * @param into the slot, cleared
   * @return one past the closing quote
   * @throws LineRejected where the string went wrong
   */
  private int decodeEscaped(int from, TextSlot into) {
    int end = JsonStrings.decode(b, from, into);
    if (end < 0) {
      throw LineRejected.malformedAt(~end);
    }
    return end;
  }

  /** Steps over a {@code null} at {@code p}; true when there was one. */
  private boolean isNull() {
    if (b[p] == 'n') {
      p = RawJson.literal(b, p, "null");
      return true;
    }
    return false;
  }

  /**
   * The rejection for a value of the wrong type at {@code at}. As a streaming JSON reader would,
   * a literal or number is checked first (malformed wins), a string or container is not.
   */
  private LineRejected wrongType(int at, String why) {
    byte c = b[at];
    if (c == 't') {
      RawJson.literal(b, at, "true");
    } else if (c == 'f') {
      RawJson.literal(b, at, "false");
    } else if (c == 'n') {
      RawJson.literal(b, at, "null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      RawJson.number(b, at);
    } else if (c != '"' && c != '{' && c != '[') {
      return LineRejected.malformedAt(at);
    }
    return LineRejected.because(why);
  }

  // ---- the event ----------------------------------------------------------------------------

  /** Decodes the event object at {@code p}; true when the line is to be skipped. */
  private boolean decodeEvent() {
    if (!openObject()) {
      return false;
    }
    MutableEvent e = event;
    int expected = 0;
    do {
      int field = key(EVENT_KEYS, expected);
      expected = KeyTable.following(expected, field);
      if (isNull()) {
        continue; // as Go's encoding/json: null leaves a field unset
      }
      // One reader for every number and one for every string, not one inlined copy per field:
      // the compiled decoder stays small, which the JIT compiles sooner and the CPU caches keep.
      if ((FIELD_NUMBERS & (1L << field)) != 0) {
        storeNumber(e, field, integer(EVENT_KEYS.name(field)));
        continue;
      }
      TextSlot slot = textSlot(e, field);
      if (slot != null) {
        text(EVENT_KEYS.name(field), slot);
        continue;
      }
      switch (field) {
        case EXECUTABLE:
          smallObject(EXECUTABLE, EXECUTABLE_KEYS);
          break;
        case CONTAINER_ID:
          containerId("containerId");
          break;
        case CONTAINER:
          smallObject(CONTAINER, CONTAINER_KEYS);
          break;
        case KUBERNETES:
          smallObject(KUBERNETES, KUBERNETES_KEYS);
          break;
        case EVENT_ID:
          e.eventId(eventId());
          break;
        case EVENT_NAME:
          if (eventName()) {
            return true;
          }
          break;
        case CONTEXT_FLAGS:
          smallObject(CONTEXT_FLAGS, CONTEXT_FLAGS_KEYS);
          break;
        case ARGS:
          args();
          break;
        case POD_SANDBOX:
          e.podSandbox(bool("podSandbox"));
          break;
        default:
          // matchedPolicies, matchedScopes, stackAddresses, metadata, unknown keys
          p = raw.skip(b, p, 1);
      }
    } while (nextMember());
    return false;
  }

  /**
   * Decodes one of the event's small objects ({@code executable}, {@code container},
   * {@code kubernetes}, {@code contextFlags}) member by member; unknown members are skipped.
   */
  private void smallObject(int object, KeyTable keys) {
    if (b[p] != '{') {
      throw wrongType(p, "'" + EVENT_KEYS.name(object) + "' is not an object");
    }
    if (!openObject()) {
      return;
    }
    int expected = 0;
    do {
      int field = key(keys, expected);
      expected = KeyTable.following(expected, field);
      if (isNull()) {
        continue;
      }
      if (!smallObjectMember(object, field)) {
        p = raw.skip(b, p, 2);
      }
    } while (nextMember());
  }

  /** Decodes a known member of a small object; false for one to skip (an unknown key is -1). */
  private boolean smallObjectMember(int object, int field) {
    MutableEvent e = event;
    switch (object) {
      case EXECUTABLE:
        if (field != 0) {
          return false;
        }
        text("executable.path", e.executablePathSlot());
        return true;
      case CONTAINER:
        switch (field) {
          case 0 -> containerId("container.id");
          case 1 -> text("container.name", e.containerNameSlot());
          case 2 -> text("container.image", e.containerImageSlot());
          case 3 -> text("container.imageDigest", e.containerImageDigestSlot());
          default -> {
            return false;
          }
        }
        return true;
      case KUBERNETES:
        switch (field) {
          case 0 -> text("kubernetes.podName", e.podNameSlot());
          case 1 -> text("kubernetes.podNamespace", e.podNamespaceSlot());
          case 2 -> text("kubernetes.podUID", e.podUidSlot());
          case 3 -> e.podSandbox(bool("kubernetes.podSandbox"));
          default -> {
            return false;
          }
        }
        return true;
      default: // CONTEXT_FLAGS
        switch (field) {
          case 0 -> e.containerStarted(bool("contextFlags.containerStarted"));
          case 1 -> e.isCompat(bool("contextFlags.isCompat"));
          default -> {
            return false;
          }
        }
        return true;
    }
  }

  // ---- context values -----------------------------------------------------------------------

  /**
   * Reads the plain integer at {@code p} in one pass, as Tracee prints them (no fraction,
   * exponent or leading zero, at most 18 digits after a minus, 19 without) into
   * {@link #plainValue}, moving {@code p} past it; false, {@code p} unchanged, for anything else,
   * which the caller checks the slow way.
   */
  private boolean plainInteger() {
    int at = p;
    boolean negative = b[at] == '-';
    int digits = negative ? at + 1 : at;
    long fast = JsonNumbers.fastDigits(b, digits, negative ? 18 : 19, digitsEnd);
    int end = digitsEnd[0];
    if (end > 0 && (b[digits] != '0' || end == digits + 1)) {
      byte next = b[end];
      if (next != '.' && next != 'e' && next != 'E') {
        plainValue = negative ? -fast : fast;
        p = end;
        return true;
      }
    }
    return false;
  }

  /** Reads an integer field: a plain one in one pass, anything else checked. */
  private long integer(String field) {
    if (plainInteger()) {
      return plainValue;
    }
    int at = p;
    byte sign = b[at];
    boolean negative = sign == '-';
    int digits = negative ? at + 1 : at;
    if (!negative && (sign < '0' || sign > '9')) {
      throw wrongType(at, "'" + field + "' is not an integer");
    }
    int end = RawJson.number(b, at);
    if (JsonNumbers.digitsEnd(b, digits) != end) {
      throw LineRejected.because("'" + field + "' is not an integer"); // a fraction or exponent
    }
    if (!JsonNumbers.fitsInteger(b, digits, end, sign == '-')) {
      throw LineRejected.because("'" + field + "' is out of range");
    }
    long value = JsonNumbers.parseDigits(b, digits, end);
    p = end;
    return sign == '-' ? -value : value;
  }

  private boolean bool(String field) {
    byte c = b[p];
    if (c == 't') {
      p = RawJson.literal(b, p, "true");
      return true;
    }
    if (c == 'f') {
      p = RawJson.literal(b, p, "false");
      return false;
    }
    throw wrongType(p, "'" + field + "' is not a boolean");
  }

  /** Reads a string field into a slot: a view of the line when plain, else decoded. */
  private void text(String field, TextSlot slot) {
    int at = p;
    if (b[at] != '"') {
      throw wrongType(at, "'" + field + "' is not a string");
    }
    int from = at + 1;
    int stop = JsonBytes.stringStop(b, from);
    if (b[stop] == '"') {
      slot.wrapAscii(b, from, stop - from);
      p = stop + 1;
      return;
    }
    slot.clear();
    p = decodeEscaped(from, slot);
  }

  /** Takes the container id from {@code containerId} or {@code container.id}, whichever is non-empty. */
  private void containerId(String field) {
    int at = p;
    if (b[at] != '"') {
      throw wrongType(at, "'" + field + "' is not a string");
    }
    int from = at + 1;
    int stop = JsonBytes.stringStop(b, from);
    if (b[stop] == '"') {
      if (stop > from) {
        event.containerIdSlot().wrapAscii(b, from, stop - from);
      }
      p = stop + 1;
      return;
    }
    scratch.clear();
    int end = decodeEscaped(from, scratch);
    if (scratch.length() > 0) {
      event.containerIdSlot().set(scratch.array(), 0, scratch.length());
    }
    p = end;
  }

  /** Reads {@code eventId}: an integer, or (as Tracee writes it) a string holding one. */
  private int eventId() {
    int at = p;
    byte c = b[at];
    if (c == '"') {
      int from = at + 1;
      int stop = JsonBytes.stringStop(b, from);
      if (b[stop] == '"') {
        p = stop + 1;
        return quotedEventId(b, from, stop);
      }
      scratch.clear();
      p = decodeEscaped(from, scratch);
      // Written with escapes: its characters, when ASCII, are read as bytes.
      int length = scratch.length();
      byte[] ascii = new byte[length + 1];
      for (int i = 0; i < length; i++) {
        char ch = scratch.charAt(i);
        ascii[i] = ch < 0x80 ? (byte) ch : (byte) 'x';
      }
      return quotedEventId(ascii, 0, length);
    }
    if (c != '-' && (c < '0' || c > '9')) {
      throw wrongType(at, "'eventId' is not an integer");
    }
    int end = RawJson.number(b, at);
    int digits = c == '-' ? at + 1 : at;
    p = end;
    return eventIdValue(b, digits, end, c == '-');
  }

  private static int quotedEventId(byte[] bytes, int from, int to) {
    boolean negative = to > from && bytes[from] == '-';
    int digits = negative ? from + 1 : from;
    if (to == digits || JsonNumbers.digitsEnd(bytes, digits) < to) {
      throw LineRejected.because("'eventId' is not an integer");
    }
    return eventIdValue(bytes, digits, to, negative);
  }

  private static int eventIdValue(byte[] bytes, int digits, int end, boolean negative) {
    if (JsonNumbers.digitsEnd(bytes, digits) >= end && JsonNumbers.fitsInteger(bytes, digits, end, negative)) {
      long value = JsonNumbers.parseDigits(bytes, digits, end);
      value = negative ? -value : value;
      if (value >= Integer.MIN_VALUE && value <= 0xffffffffL) {
        return (int) value;
      }
    }
    throw LineRejected.because("'eventId' is not an integer");
  }

  /** Reads {@code eventName}; true when the line is to be skipped. */
  private boolean eventName() {
    int at = p;
    if (b[at] != '"') {
      throw wrongType(at, "'eventName' is not a string");
    }
    int from = at + 1;
    int stop = JsonBytes.stringStop(b, from);
    EventType type;
    if (b[stop] == '"') {
      int length = stop - from;
      LineShapes.Name entry = shapes.name(b, from, length);
      type = entry != null ? entry.type : RegisteredNames.eventType(b, from, length);
      eventNameEntry = entry;
      event.eventName(b, from, length, type);
      p = stop + 1;
    } else {
      scratch.clear();
      int end = decodeEscaped(from, scratch);
      event.eventName(scratch.array(), 0, scratch.length());
      type = event.type();
      eventNameEntry = null;
      p = end;
    }
    boolean[] wanted = decoded;
    if (wanted == null) {
      return false;
    }
    int id = type.id();
    return (id < 0 || id >= wanted.length || !wanted[id]) && restCannotRename(p);
  }

  /**
   * Tells whether the rest of the line, from {@code from}, cannot hold another top-level
   * {@code eventName}: it holds neither the bytes {@code "eventName"} nor a <code>&#92;u</code> escape
   * (a key can spell that name only so). Finds the line's end meanwhile.
   */
  private boolean restCannotRename(int from) {
    byte[] bytes = b;
    int i = from;
    // Sixteen bytes a round: the three tests of two words are independent, so they overlap.
    int wideEnd = bytes.length - 16;
    while (i <= wideEnd) {
      long lowFlags = restCandidates(JsonBytes.longAt(bytes, i));
      long highFlags = restCandidates(JsonBytes.longAt(bytes, i + 8));
      if ((lowFlags | highFlags) != 0) {
        int verdict = restFlags(bytes, i, lowFlags);
        if (verdict < 0) {
          verdict = restFlags(bytes, i + 8, highFlags);
        }
        if (verdict >= 0) {
          return verdict > 0;
        }
      }
      i += 16;
    }
    for (; i < bytes.length; i++) {
      int verdict = restByte(bytes, i);
      if (verdict >= 0) {
        return verdict > 0;
      }
    }
    return false;
  }

  /**
   * Flags the bytes of a word that may be {@code '\n'}, {@code 'N'} or a backslash, in one test:
   * {@code (b ^ 'N') & 0xa9} is zero for those three, and for only thirteen other bytes (among
   * them {@code H J L X Z ^} and control characters), which {@link #restByte} then dismisses.
   */
  private static long restCandidates(long word) {
    long x = (word ^ CAPITAL_NS) & 0xa9a9a9a9a9a9a9a9L;
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  /** Looks at the flagged bytes of a word, in order: as {@link #restByte}, or -1 for none. */
  private int restFlags(byte[] bytes, int at, long flags) {
    while (flags != 0) {
      int verdict = restByte(bytes, at + (Long.numberOfTrailingZeros(flags) >>> 3));
      if (verdict >= 0) {
        return verdict;
      }
      flags &= flags - 1;
    }
    return -1;
  }

  /** For {@link #restCannotRename}: 1 at the line's end, 0 at a possible renaming, else -1. */
  private int restByte(byte[] bytes, int k) {
    byte c = bytes[k];
    if (c == '\n') {
      lineEnd = k;
      return 1;
    }
    if (c == '\\' && bytes[k + 1] == 'u') {
      return 0;
    }
    if (c == 'N' && k >= 6 && JsonBytes.matches(bytes, k - 6, EVENT_NAME_KEY, 11)) {
      return 0;
    }
    return -1;
  }

  // ---- arguments ----------------------------------------------------------------------------

  private void args() {
    if (b[p] != '[') {
      throw wrongType(p, "'args' is not an array");
    }
    int q = firstElement(p);
    int position = 0;
    while (q >= 0) {
      if (b[q] != '{') {
        throw wrongType(q, "an element of 'args' is not an object");
      }
      if (event.argCount() >= maxArgs) {
        throw LineRejected.because(tooManyArgs);
      }
      p = q;
      arg(position++);
      q = nextElement(p);
    }
    p = ~q;
  }

  /**
   * Returns where the first element of the array opening at {@code at} starts, or, for an empty
   * array, the complement of the index past its {@code ]}.
   */
  private int firstElement(int at) {
    int q = at + 1;
    if (JsonBytes.isSpace(b[q])) {
      q = JsonBytes.skipSpace(b, q);
    }
    return b[q] == ']' ? ~(q + 1) : q;
  }

  /**
   * After an array element ending at {@code q}: returns where the next element starts (past the
   * comma and spaces), or, where the array closes, the complement of the index past its
   * {@code ]}.
   */
  private int nextElement(int q) {
    byte c = b[q];
    if (JsonBytes.isSpace(c)) {
      q = JsonBytes.skipSpace(b, q);
      c = b[q];
    }
    if (c == ',') {
      q++;
      if (JsonBytes.isSpace(b[q])) {
        q = JsonBytes.skipSpace(b, q);
      }
      return q;
    }
    if (c == ']') {
      return ~(q + 1);
    }
    throw LineRejected.malformedAt(q);
  }

  /** Decodes the argument object at {@code p}, the {@code position}-th of the line. */
  private void arg(int position) {
    MutableEvent e = event;
    int index = e.addUnnamedArg();
    int argStart = p;
    int declared = DeclaredType.UNKNOWN;
    boolean valueSeen = false;
    boolean typeAfterValue = false;
    int expected = 0;
    LineShapes.Name entry = eventNameEntry;
    LineShapes.Arg shape = entry == null ? null : LineShapes.arg(entry, position);
    boolean more;
    if (shape != null && shape.matches(b, argStart)) {
      // The opening seen at this position before: its name, type and key are known.
      e.argName(index, b, argStart + shape.nameOffset, shape.nameLength, shape.keyId(b, argStart));
      e.argTypeSlot(index).wrapAscii(b, argStart + shape.typeOffset, shape.typeLength);
      declared = shape.declared;
      p = argStart + shape.length;
      value(index, declared);
      valueSeen = true;
      expected = ARG_VALUE + 1;
      more = nextMember();
    } else {
      argNameFrom = -1;
      argTypeFrom = -1;
      more = openObject();
    }
    while (more) {
      int field = key(ARG_KEYS, expected);
      expected = KeyTable.following(expected, field);
      switch (field) {
        case ARG_NAME:
          if (!isNull()) {
            argName(index);
          }
          break;
        case ARG_TYPE:
          if (!isNull()) {
            declared = argType(index);
            typeAfterValue = valueSeen;
          }
          break;
        case ARG_VALUE:
          if (!valueSeen && entry != null && argNameFrom >= 0 && argTypeFrom >= 0) {
            LineShapes.remember(entry, position, b, argStart, p, argNameFrom - argStart, argNameLength,
                argTypeFrom - argStart, argTypeLength, argKeyId, declared);
          }
          value(index, declared);
          valueSeen = true;
          typeAfterValue = false;
          break;
        default:
          p = raw.skip(b, p, ARG_VALUE_DEPTH);
      }
      more = nextMember();
    }
    ArgKind kind = e.argKind(index);
    if (typeAfterValue && declared == DeclaredType.BYTES && kind == ArgKind.STRING) {
      TextSlot text = e.argTextSlot(index);
      boolean decodedOk = text.isView()
          ? Base64Decoding.decode(text.viewBytes(), text.viewOffset(), text.length(), e.setBytes(index))
          : Base64Decoding.decode(text.array(), 0, text.length(), e.setBytes(index));
      if (!decodedOk) {
        invalid(index);
      }
    } else if (DeclaredType.contradicts(declared, kind)) {
      lineArgProblems++;
    }
  }

  private void argName(int index) {
    int at = p;
    if (b[at] != '"') {
      throw wrongType(at, "'an arg's name' is not a string");
    }
    int from = at + 1;
    int stop = JsonBytes.stringStop(b, from);
    if (b[stop] == '"') {
      int length = stop - from;
      int keyId = RegisteredNames.argKeyId(b, from, length);
      event.argName(index, b, from, length, keyId);
      argNameFrom = from;
      argNameLength = length;
      argKeyId = keyId;
      p = stop + 1;
      return;
    }
    scratch.clear();
    int end = decodeEscaped(from, scratch);
    event.argNameIfKnown(index, scratch.array(), 0, scratch.length());
    argNameFrom = -1;
    p = end;
  }

  private int argType(int index) {
    int at = p;
    if (b[at] != '"') {
      throw wrongType(at, "'an arg's type' is not a string");
    }
    int from = at + 1;
    int stop = JsonBytes.stringStop(b, from);
    TextSlot slot = event.argTypeSlot(index);
    if (b[stop] == '"') {
      int length = stop - from;
      slot.wrapAscii(b, from, length);
      argTypeFrom = from;
      argTypeLength = length;
      p = stop + 1;
      return DeclaredType.classify(b, from, length);
    }
    slot.clear();
    int end = decodeEscaped(from, slot);
    argTypeFrom = -1;
    p = end;
    return DeclaredType.classify(slot.array(), 0, slot.length());
  }

  /** Decodes an argument's value by its JSON token, the declared type telling base64 apart. */
  private void value(int index, int declared) {
    byte c = b[p];
    if (c == '"') {
      stringValue(index, declared);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      numberValue(index);
    } else if (c == 't') {
      p = RawJson.literal(b, p, "true");
      event.setBool(index, true);
    } else if (c == 'f') {
      p = RawJson.literal(b, p, "false");
      event.setBool(index, false);
    } else if (c == 'n') {
      p = RawJson.literal(b, p, "null");
      event.setNull(index);
    } else if (c == '[') {
      arrayValue(index);
    } else if (c == '{') {
      rawValue(index);
    } else {
      throw LineRejected.malformedAt(p);
    }
  }

  private void stringValue(int index, int declared) {
    int from = p + 1;
    int stop = JsonBytes.stringStop(b, from);
    if (b[stop] == '"') {
      int length = stop - from;
      p = stop + 1;
      if (length > maxStringChars) {
        invalid(index);
      } else if (declared == DeclaredType.BYTES) {
        if (!Base64Decoding.decode(b, from, length, event.setBytes(index))) {
          invalid(index);
        }
      } else {
        event.setString(index).wrapAscii(b, from, length);
      }
      return;
    }
    TextSlot text = event.setString(index);
    p = decodeEscaped(from, text);
    int length = text.length();
    if (length > maxStringChars) {
      invalid(index);
    } else if (declared == DeclaredType.BYTES) {
      if (!Base64Decoding.decode(text.array(), 0, length, event.setBytes(index))) {
        invalid(index);
      }
    }
  }

  private void numberValue(int index) {
    if (plainInteger()) {
      event.setLong(index, plainValue);
      return;
    }
    int at = p;
    byte sign = b[at];
    int digits = sign == '-' ? at + 1 : at;
    int end = RawJson.number(b, at);
    p = end;
    if (JsonNumbers.digitsEnd(b, digits) == end) {
      if (JsonNumbers.fitsInteger(b, digits, end, sign == '-')) {
        long value = JsonNumbers.parseDigits(b, digits, end);
        event.setLong(index, sign == '-' ? -value : value);
      } else {
        invalid(index); // beyond 64 bits
      }
    } else {
      event.setRawJson(index).wrapAscii(b, at, end - at); // a fraction or exponent: its JSON text
    }
  }

  /** An array of strings is a list; any other element makes the whole array raw JSON. */
  private void arrayValue(int index) {
    int at = p;
    if (ARG_VALUE_DEPTH + 1 > raw.maxDepth()) {
      throw raw.tooDeep();
    }
    StringListSlot list = event.setStrings(index);
    boolean tooLong = false;
    int q = firstElement(at);
    if (q < 0) {
      p = ~q;
      return;
    }
    while (b[q] == '"') {
      int from = q + 1;
      int stop = JsonBytes.stringStop(b, from);
      if (b[stop] == '"') {
        int length = stop - from;
        if (length > maxStringChars) {
          tooLong = true;
        } else if (!tooLong) {
          list.add().wrapAscii(b, from, length);
        }
        q = stop + 1;
      } else {
        TextSlot element = list.add();
        int end = decodeEscaped(from, element);
        tooLong |= element.length() > maxStringChars;
        q = end;
      }
      q = nextElement(q);
      if (q < 0) {
        p = ~q;
        if (tooLong) {
          invalid(index);
        }
        return;
      }
    }
    p = at;
    rawValue(index);
  }

  /** Keeps a structured value as compact JSON: a view when the line holds it so, else rewritten. */
  private void rawValue(int index) {
    int at = p;
    int end = raw.skip(b, at, ARG_VALUE_DEPTH);
    p = end;
    if (raw.plain()) {
      if (end - at > maxStringChars) {
        invalid(index);
      } else {
        event.setRawJson(index).wrapAscii(b, at, end - at);
      }
    } else if (!raw.copy(b, at, end, event.setRawJson(index), maxStringChars)) {
      invalid(index);
    }
  }

  private void invalid(int index) {
    event.setInvalid(index);
    lineArgProblems++;
  }
}
