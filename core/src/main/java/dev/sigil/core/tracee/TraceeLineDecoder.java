package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.sigil.core.ArgKind;
import dev.sigil.core.internal.Base64Decoding;
import dev.sigil.core.internal.MutableEvent;
import dev.sigil.core.internal.StringListSlot;
import dev.sigil.core.internal.TextSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one line of Tracee JSON into a re-used {@link MutableEvent}.
 *
 * <p>One non-blocking jackson parser lives across lines: each line is fed to it whole, decoded
 * token by token, and then checked to hold nothing but whitespace after the object, so a line
 * with trailing content is rejected whole. A rejected line leaves the parser in an unknown state;
 * it is replaced (allocating, but only then). Field names are matched through jackson's
 * canonicalised names, text is copied from the parser's character buffer into the event's
 * slots, integers are parsed in place and base64 is decoded into the event's byte slot, so that
 * a steady stream of good lines allocates nothing.
 */
final class TraceeLineDecoder {
  static final String NOT_AN_OBJECT = "not a JSON object";
  static final String TRUNCATED = "truncated JSON (the line ends inside a value)";
  static final String TRAILING = "content after the JSON object";

  private static final byte[] NEWLINE = {'\n'};

  private final JsonFactory factory;
  private final int maxArgs;
  private final int maxStringChars;
  private final int maxDepth;
  private final MutableEvent event = new MutableEvent();
  private final boolean[] firstInContainer;

  private JsonParser parser;
  private ByteArrayFeeder feeder;
  private boolean parserDirty;
  private long parserBytesFed;
  private long lineBase;
  private boolean terminatorFed;
  private int lineArgProblems;
  private long argProblems;
  private boolean numberOutOfRange;

  private TextSlot raw;
  private boolean rawOverflow;
  private boolean afterName;

  TraceeLineDecoder(JsonFactory factory, int maxArgs, int maxStringChars, int maxDepth) {
    this.factory = factory;
    this.maxArgs = maxArgs;
    this.maxStringChars = maxStringChars;
    this.maxDepth = maxDepth;
    this.firstInContainer = new boolean[maxDepth + 2];
    this.raw = new TextSlot(1);
    newParser();
  }

  MutableEvent event() {
    return event;
  }

  long argProblems() {
    return argProblems;
  }

  /**
   * Decodes a line.
   *
   * @param buffer the bytes
   * @param start the line's first byte
   * @param end one past its last byte (its newline excluded)
   * @param newlineFollows whether {@code buffer[end]} is the line's newline
   * @return null when {@link #event()} now holds the line's event, else why the line is rejected
   */
  @Nullable String decode(byte[] buffer, int start, int end, boolean newlineFollows) {
    if (parserDirty) {
      newParser();
    }
    event.reset();
    lineArgProblems = 0;
    lineBase = parserBytesFed;
    try {
      int fedEnd = newlineFollows ? end + 1 : end;
      feeder.feedInput(buffer, start, fedEnd);
      parserBytesFed += fedEnd - start;
      terminatorFed = newlineFollows;
      decodeEvent();
      expectNothingMore();
      argProblems += lineArgProblems;
      return null;
    } catch (LineRejected e) {
      parserDirty = true;
      return e.reason;
    } catch (StreamConstraintsException e) {
      parserDirty = true;
      String message = String.valueOf(e.getOriginalMessage());
      return message.contains("nesting") ? "nesting deeper than " + maxDepth : "a value exceeds a size limit";
    } catch (IOException e) {
      parserDirty = true;
      int contentEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
      return malformed(e, contentEnd - start);
    } catch (RuntimeException e) {
      // A parser bug must cost one line, never the stream.
      parserDirty = true;
      return "undecodable JSON (" + e.getClass().getSimpleName() + ")";
    }
  }

  private String malformed(IOException e, int lineLength) {
    if (e instanceof JsonProcessingException) {
      JsonLocation location = ((JsonProcessingException) e).getLocation();
      if (location != null && location.getByteOffset() >= 0) {
        long at = Math.max(0, Math.min(lineLength, location.getByteOffset() - lineBase));
        if (at >= lineLength) {
          return TRUNCATED; // the error is at the newline that ended the line
        }
        return "malformed JSON near byte " + at + " of the line";
      }
    }
    return "malformed JSON";
  }

  private void newParser() {
    try {
      if (parser != null) {
        parser.close();
      }
      parser = factory.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON parser", e);
    }
    feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    parserBytesFed = 0;
    parserDirty = false;
  }

  // ---- tokens ------------------------------------------------------------------------------

  private JsonToken next() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.NOT_AVAILABLE && !terminatorFed) {
      // The last line of an input without a final newline: the newline ends a number.
      terminatorFed = true;
      feeder.feedInput(NEWLINE, 0, 1);
      parserBytesFed++;
      t = parser.nextToken();
    }
    if (t == JsonToken.NOT_AVAILABLE || t == null) {
      throw new LineRejected(TRUNCATED);
    }
    return t;
  }

  private void expectNothingMore() throws IOException {
    JsonToken t;
    try {
      t = parser.nextToken();
      if (t == JsonToken.NOT_AVAILABLE && !terminatorFed) {
        terminatorFed = true;
        feeder.feedInput(NEWLINE, 0, 1);
        parserBytesFed++;
        t = parser.nextToken();
      }
    } catch (JsonProcessingException e) {
      throw new LineRejected(TRAILING);
    }
    if (t != JsonToken.NOT_AVAILABLE) {
      throw new LineRejected(TRAILING);
    }
  }

  private void skip(JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      JsonToken inner = next();
      if (inner == JsonToken.START_OBJECT || inner == JsonToken.START_ARRAY) {
        depth++;
      } else if (inner == JsonToken.END_OBJECT || inner == JsonToken.END_ARRAY) {
        depth--;
      }
    }
  }

  // ---- the event -----------------------------------------------------------------------------

  private void decodeEvent() throws IOException {
    if (next() != JsonToken.START_OBJECT) {
      throw new LineRejected(NOT_AN_OBJECT);
    }
    while (next() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken t = next();
      if (t == JsonToken.VALUE_NULL) {
        continue; // as Go's encoding/json: null leaves a field unset
      }
      switch (field) {
        case "timestamp":
          event.timestamp(integer(field, t));
          break;
        case "threadStartTime":
          event.threadStartTime(integer(field, t));
          break;
        case "processorId":
          event.processorId((int) integer(field, t));
          break;
        case "processId":
          event.processId((int) integer(field, t));
          break;
        case "cgroupId":
          event.cgroupId(integer(field, t));
          break;
        case "threadId":
          event.threadId((int) integer(field, t));
          break;
        case "parentProcessId":
          event.parentProcessId((int) integer(field, t));
          break;
        case "hostProcessId":
          event.hostProcessId((int) integer(field, t));
          break;
        case "hostThreadId":
          event.hostThreadId((int) integer(field, t));
          break;
        case "hostParentProcessId":
          event.hostParentProcessId((int) integer(field, t));
          break;
        case "userId":
          event.userId(integer(field, t));
          break;
        case "mountNamespace":
          event.mountNamespace(integer(field, t));
          break;
        case "pidNamespace":
          event.pidNamespace(integer(field, t));
          break;
        case "processName":
          text(field, t, event.processNameSlot());
          break;
        case "executable":
          decodeExecutable(field, t);
          break;
        case "hostName":
          text(field, t, event.hostNameSlot());
          break;
        case "containerId":
          containerId(field, t);
          break;
        case "container":
          decodeContainer(field, t);
          break;
        case "kubernetes":
          decodeKubernetes(field, t);
          break;
        case "containerImage":
          text(field, t, event.containerImageSlot());
          break;
        case "containerImageDigest":
          text(field, t, event.containerImageDigestSlot());
          break;
        case "containerName":
          text(field, t, event.containerNameSlot());
          break;
        case "podName":
          text(field, t, event.podNameSlot());
          break;
        case "podNamespace":
          text(field, t, event.podNamespaceSlot());
          break;
        case "podUID":
          text(field, t, event.podUidSlot());
          break;
        case "podSandbox":
          event.podSandbox(bool(field, t));
          break;
        case "eventId":
          event.eventId(eventId(t));
          break;
        case "eventName":
          requireString(field, t);
          event.eventName(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          break;
        case "argsNum":
          integer(field, t);
          break;
        case "returnValue":
          event.returnValue(integer(field, t));
          break;
        case "syscall":
          text(field, t, event.syscallSlot());
          break;
        case "contextFlags":
          decodeContextFlags(field, t);
          break;
        case "threadEntityId":
          event.threadEntityId(integer(field, t));
          break;
        case "processEntityId":
          event.processEntityId(integer(field, t));
          break;
        case "parentEntityId":
          event.parentEntityId(integer(field, t));
          break;
        case "args":
          decodeArgs(t);
          break;
        default:
          skip(t); // matchedPolicies, matchedScopes, stackAddresses, metadata, unknown keys
      }
    }
  }

  private void decodeExecutable(String field, JsonToken t) throws IOException {
    requireObject(field, t);
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      if (name.equals("path")) {
        text("executable.path", value, event.executablePathSlot());
      } else {
        skip(value);
      }
    }
  }

  private void decodeContainer(String field, JsonToken t) throws IOException {
    requireObject(field, t);
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "id":
          containerId("container.id", value);
          break;
        case "name":
          text("container.name", value, event.containerNameSlot());
          break;
        case "image":
          text("container.image", value, event.containerImageSlot());
          break;
        case "imageDigest":
          text("container.imageDigest", value, event.containerImageDigestSlot());
          break;
        default:
          skip(value);
      }
    }
  }

  private void decodeKubernetes(String field, JsonToken t) throws IOException {
    requireObject(field, t);
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "podName":
          text("kubernetes.podName", value, event.podNameSlot());
          break;
        case "podNamespace":
          text("kubernetes.podNamespace", value, event.podNamespaceSlot());
          break;
        case "podUID":
          text("kubernetes.podUID", value, event.podUidSlot());
          break;
        case "podSandbox":
          event.podSandbox(bool("kubernetes.podSandbox", value));
          break;
        default:
          skip(value);
      }
    }
  }

  private void decodeContextFlags(String field, JsonToken t) throws IOException {
    requireObject(field, t);
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "containerStarted":
          event.containerStarted(bool("contextFlags.containerStarted", value));
          break;
        case "isCompat":
          event.isCompat(bool("contextFlags.isCompat", value));
          break;
        default:
          skip(value);
      }
    }
  }

  /** Takes the container id from {@code containerId} or {@code container.id}, whichever is non-empty. */
  private void containerId(String field, JsonToken t) throws IOException {
    requireString(field, t);
    if (parser.getTextLength() > 0) {
      event.containerIdSlot().set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
  }

  private int eventId(JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      long value = integerToken();
      if (!numberOutOfRange && value >= Integer.MIN_VALUE && value <= 0xffffffffL) {
        return (int) value;
      }
    } else if (t == JsonToken.VALUE_STRING) {
      char[] chars = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      int length = parser.getTextLength();
      if (isInteger(chars, offset, length)) {
        long value = parseInteger(chars, offset, length);
        if (!numberOutOfRange && value >= Integer.MIN_VALUE && value <= 0xffffffffL) {
          return (int) value;
        }
      }
    }
    throw new LineRejected("'eventId' is not an integer");
  }

  // ---- arguments -----------------------------------------------------------------------------

  private void decodeArgs(JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new LineRejected("'args' is not an array");
    }
    JsonToken element;
    while ((element = next()) != JsonToken.END_ARRAY) {
      if (element != JsonToken.START_OBJECT) {
        throw new LineRejected("an element of 'args' is not an object");
      }
      if (event.argCount() >= maxArgs) {
        throw new LineRejected("more than " + maxArgs + " args");
      }
      decodeArg();
    }
  }

  private void decodeArg() throws IOException {
    int index = event.addUnnamedArg();
    int declared = DeclaredType.UNKNOWN;
    boolean valueSeen = false;
    boolean typeAfterValue = false;
    while (next() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken t = next();
      switch (field) {
        case "name":
          if (t != JsonToken.VALUE_NULL) {
            requireString("an arg's name", t);
            event.argNameIfKnown(index, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          }
          break;
        case "type":
          if (t != JsonToken.VALUE_NULL) {
            requireString("an arg's type", t);
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            event.argTypeSlot(index).set(chars, offset, length);
            declared = DeclaredType.classify(chars, offset, length);
            typeAfterValue = valueSeen;
          }
          break;
        case "value":
          decodeValue(index, t, declared);
          valueSeen = true;
          typeAfterValue = false;
          break;
        default:
          skip(t);
      }
    }
    ArgKind kind = event.argKind(index);
    if (typeAfterValue && declared == DeclaredType.BYTES && kind == ArgKind.STRING) {
      TextSlot text = event.argTextSlot(index);
      if (!Base64Decoding.decode(text.array(), 0, text.length(), event.setBytes(index))) {
        invalid(index);
      }
    } else if (DeclaredType.contradicts(declared, kind)) {
      lineArgProblems++;
    }
  }

  private void decodeValue(int index, JsonToken t, int declared) throws IOException {
    switch (t) {
      case VALUE_STRING: {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length > maxStringChars) {
          invalid(index);
        } else if (declared == DeclaredType.BYTES) {
          if (!Base64Decoding.decode(chars, offset, length, event.setBytes(index))) {
            invalid(index);
          }
        } else {
          event.setString(index).set(chars, offset, length);
        }
        break;
      }
      case VALUE_NUMBER_INT: {
        long value = integerToken();
        if (numberOutOfRange) {
          invalid(index);
        } else {
          event.setLong(index, value);
        }
        break;
      }
      case VALUE_NUMBER_FLOAT:
        event.setRawJson(index).set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        break;
      case VALUE_TRUE:
        event.setBool(index, true);
        break;
      case VALUE_FALSE:
        event.setBool(index, false);
        break;
      case VALUE_NULL:
        event.setNull(index);
        break;
      case START_ARRAY:
        decodeArray(index);
        break;
      case START_OBJECT:
        startRaw(event.setRawJson(index));
        writeRaw(t, 0);
        if (rawOverflow) {
          invalid(index);
        }
        break;
      default:
        throw new LineRejected("unexpected JSON token in an arg's value");
    }
  }

  /** A list of strings stays a list; anything else in the array turns it into raw JSON. */
  private void decodeArray(int index) throws IOException {
    StringListSlot list = event.setStrings(index);
    boolean tooLong = false;
    JsonToken t;
    while ((t = next()) == JsonToken.VALUE_STRING) {
      int length = parser.getTextLength();
      if (length > maxStringChars) {
        tooLong = true;
      } else if (!tooLong) {
        list.add().set(parser.getTextCharacters(), parser.getTextOffset(), length);
      }
    }
    if (t == JsonToken.END_ARRAY) {
      if (tooLong) {
        invalid(index);
      }
      return;
    }
    startRaw(event.setRawJson(index));
    rawAppend('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        rawAppend(',');
      }
      rawQuoted(list.get(i));
    }
    rawOverflow |= tooLong;
    firstInContainer[1] = list.size() == 0;
    writeRaw(t, 1);
    if (rawOverflow) {
      invalid(index);
    }
  }

  private void invalid(int index) {
    event.setInvalid(index);
    lineArgProblems++;
  }

  // ---- raw JSON ------------------------------------------------------------------------------

  private void startRaw(TextSlot slot) {
    raw = slot;
    rawOverflow = false;
    afterName = false;
  }

  /** Copies a value as compact JSON, starting at token {@code t} inside {@code depth} open containers. */
  private void writeRaw(JsonToken t, int depth) throws IOException {
    while (true) {
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          valuePrefix(depth);
          rawAppend(t == JsonToken.START_OBJECT ? '{' : '[');
          depth++;
          if (depth < firstInContainer.length) {
            firstInContainer[depth] = true;
          } else {
            rawOverflow = true; // cannot happen: the parser enforces maxDepth
          }
          break;
        case END_OBJECT:
        case END_ARRAY:
          rawAppend(t == JsonToken.END_OBJECT ? '}' : ']');
          depth--;
          break;
        case FIELD_NAME:
          separator(depth);
          // The canonical name: the non-blocking parser's getTextCharacters() can be stale for names.
          rawQuoted(parser.currentName());
          rawAppend(':');
          afterName = true;
          break;
        case VALUE_STRING:
          valuePrefix(depth);
          rawQuoted(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          break;
        case VALUE_NUMBER_INT:
          valuePrefix(depth);
          if (parser.getTextLength() <= 2) {
            rawAppendSmall(parser.getIntValue());
          } else {
            rawAppend(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          }
          break;
        case VALUE_NUMBER_FLOAT:
          valuePrefix(depth);
          rawAppend(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          break;
        case VALUE_TRUE:
          valuePrefix(depth);
          rawAppend("true");
          break;
        case VALUE_FALSE:
          valuePrefix(depth);
          rawAppend("false");
          break;
        case VALUE_NULL:
          valuePrefix(depth);
          rawAppend("null");
          break;
        default:
          throw new LineRejected("unexpected JSON token in an arg's value");
      }
      if (depth == 0) {
        return;
      }
      t = next();
    }
  }

  private void valuePrefix(int depth) {
    if (afterName) {
      afterName = false;
    } else if (depth > 0) {
      separator(depth);
    }
  }

  private void separator(int depth) {
    if (depth < firstInContainer.length) {
      if (!firstInContainer[depth]) {
        rawAppend(',');
      }
      firstInContainer[depth] = false;
    }
  }

  private void rawAppend(char c) {
    if (rawOverflow) {
      return;
    }
    if (raw.length() >= maxStringChars) {
      rawOverflow = true;
      return;
    }
    raw.append(c);
  }

  /** Appends an integer of at most two characters (see {@link #integerToken()}). */
  private void rawAppendSmall(int value) {
    if (value < 0) {
      rawAppend('-');
      value = -value;
    }
    if (value >= 10) {
      rawAppend((char) ('0' + value / 10));
    }
    rawAppend((char) ('0' + value % 10));
  }

  private void rawAppend(String s) {
    for (int i = 0; i < s.length(); i++) {
      rawAppend(s.charAt(i));
    }
  }

  private void rawAppend(char[] chars, int offset, int length) {
    if (rawOverflow) {
      return;
    }
    if (raw.length() + length > maxStringChars) {
      rawOverflow = true;
      return;
    }
    raw.append(chars, offset, length);
  }

  private void rawQuoted(char[] chars, int offset, int length) {
    rawAppend('"');
    for (int i = offset; i < offset + length; i++) {
      rawEscaped(chars[i]);
    }
    rawAppend('"');
  }

  private void rawQuoted(CharSequence text) {
    rawAppend('"');
    for (int i = 0; i < text.length(); i++) {
      rawEscaped(text.charAt(i));
    }
    rawAppend('"');
  }

  private void rawEscaped(char c) {
    if (c == '"' || c == '\\') {
      rawAppend('\\');
      rawAppend(c);
    } else if (c < 0x20) {
      rawAppend('\\');
      switch (c) {
        case '\n':
          rawAppend('n');
          break;
        case '\r':
          rawAppend('r');
          break;
        case '\t':
          rawAppend('t');
          break;
        default:
          rawAppend("u00");
          rawAppend(Character.forDigit(c >> 4, 16));
          rawAppend(Character.forDigit(c & 0xf, 16));
      }
    } else {
      rawAppend(c);
    }
  }

  // ---- context values ------------------------------------------------------------------------

  private long integer(String field, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw new LineRejected("'" + field + "' is not an integer");
    }
    long value = integerToken();
    if (numberOutOfRange) {
      throw new LineRejected("'" + field + "' is out of range");
    }
    return value;
  }

  private boolean bool(String field, JsonToken t) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw new LineRejected("'" + field + "' is not a boolean");
  }

  private void text(String field, JsonToken t, TextSlot slot) throws IOException {
    requireString(field, t);
    slot.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  private static void requireString(String field, JsonToken t) {
    if (t != JsonToken.VALUE_STRING) {
      throw new LineRejected("'" + field + "' is not a string");
    }
  }

  private static void requireObject(String field, JsonToken t) {
    if (t != JsonToken.START_OBJECT) {
      throw new LineRejected("'" + field + "' is not an object");
    }
  }

  /**
   * Returns the current integer token's value, parsed in place from the parser's characters.
   * Jackson completes very short literals such as {@code 0} as a String whose characters it
   * would copy; their value is ready as an int, so it is taken instead.
   */
  private long integerToken() throws IOException {
    if (parser.getTextLength() <= 2) {
      numberOutOfRange = false;
      return parser.getIntValue();
    }
    return parseInteger(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }

  private static boolean isInteger(char[] chars, int offset, int length) {
    int i = offset;
    int end = offset + length;
    if (i < end && chars[i] == '-') {
      i++;
    }
    if (i == end) {
      return false;
    }
    for (; i < end; i++) {
      if (chars[i] < '0' || chars[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a JSON integer in place: int64, or uint64 above {@link Long#MAX_VALUE} kept as its
   * two's-complement bits (as Tracee prints inodes and namespace ids); sets
   * {@link #numberOutOfRange} when it fits neither.
   */
  private long parseInteger(char[] chars, int offset, int length) {
    numberOutOfRange = false;
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && chars[i] == '-';
    if (negative) {
      i++;
    }
    long value = 0;
    if (end - i <= 18) {
      for (; i < end; i++) {
        value = value * 10 + (chars[i] - '0'); // 18 digits cannot overflow
      }
      return negative ? -value : value;
    }
    for (; i < end; i++) {
      int digit = chars[i] - '0';
      // 2^64 - 1 = 18446744073709551615
      if (Long.compareUnsigned(value, 1844674407370955161L) > 0
          || (value == 1844674407370955161L && digit > 5)) {
        numberOutOfRange = true;
        return 0;
      }
      value = value * 10 + digit;
    }
    if (negative) {
      if (Long.compareUnsigned(value, Long.MIN_VALUE) > 0) {
        numberOutOfRange = true;
        return 0;
      }
      return -value;
    }
    return value;
  }

  /** Rejects the line being decoded; carries no stack trace. */
  private static final class LineRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String reason;

    LineRejected(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
