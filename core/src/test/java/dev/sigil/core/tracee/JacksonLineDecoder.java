package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sigil.core.ArgKind;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.event.StringListSlot;
import dev.sigil.core.internal.Base64Decoding;
import dev.sigil.core.internal.TextSlot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one line of Tracee JSON into a re-used {@link MutableEvent}.
 *
 * <p>One blocking jackson parser ({@code UTF8StreamJsonParser}) lives across lines. It reads a
 * {@link LineInput} that serves one line at a time and then reports the end of input, so the
 * parser can never join a truncated line with the next. Once the line's object is decoded, the
 * parser's unread bytes are released (which tells where the object ended) and the rest of the
 * line must be whitespace, so a line with trailing content is rejected whole. A rejected line
 * leaves the parser in an unknown state (or at its end of input); it is replaced (allocating,
 * but only then). Field names are matched through jackson's
 * canonicalised names, text is copied from the parser's character buffer into the event's
 * slots, integers are parsed in place and base64 is decoded into the event's byte slot, so that
 * a steady stream of good lines allocates nothing. Tracee writes an event's fields, and an
 * argument's, always in the same order: each field name is first compared, as bytes, with the one
 * that follows the previous field in that order, and only looked up by name when it differs.
 */
final class JacksonLineDecoder {
  static final String NOT_AN_OBJECT = "not a JSON object";
  static final String TRUNCATED = "truncated JSON (the line ends inside a value)";
  static final String TRAILING = "content after the JSON object";

  /** The context fields in the order Tracee writes them, then older or rarer ones. */
  private static final String[] EVENT_FIELDS = {
      "timestamp", "threadStartTime", "processorId", "processId", "cgroupId", "threadId",
      "parentProcessId", "hostProcessId", "hostThreadId", "hostParentProcessId", "userId",
      "mountNamespace", "pidNamespace", "processName", "executable", "hostName", "containerId",
      "container", "kubernetes", "eventId", "eventName", "matchedPolicies", "argsNum",
      "returnValue", "syscall", "stackAddresses", "contextFlags", "threadEntityId",
      "processEntityId", "parentEntityId", "args",
      "containerImage", "containerImageDigest", "containerName", "podName", "podNamespace",
      "podUID", "podSandbox", "matchedScopes", "metadata"};
  private static final SerializedString[] EVENT_NAMES = serialized(EVENT_FIELDS);
  /** An argument's fields, and those of the nested context objects, in Tracee's order. */
  private static final String[] ARG_FIELDS = {"name", "type", "value"};
  private static final SerializedString[] ARG_NAMES = serialized(ARG_FIELDS);
  private static final String[] EXECUTABLE_FIELDS = {"path"};
  private static final SerializedString[] EXECUTABLE_NAMES = serialized(EXECUTABLE_FIELDS);
  private static final String[] CONTAINER_FIELDS = {"id", "name", "image", "imageDigest"};
  private static final SerializedString[] CONTAINER_NAMES = serialized(CONTAINER_FIELDS);
  private static final String[] KUBERNETES_FIELDS = {"podName", "podNamespace", "podUID", "podSandbox"};
  private static final SerializedString[] KUBERNETES_NAMES = serialized(KUBERNETES_FIELDS);
  private static final String[] CONTEXT_FLAGS_FIELDS = {"containerStarted", "isCompat"};
  private static final SerializedString[] CONTEXT_FLAGS_NAMES = serialized(CONTEXT_FLAGS_FIELDS);

  /** Receives the bytes the parser had read past a line's object; they are checked in place. */
  private static final OutputStream DISCARD = OutputStream.nullOutputStream();

  private final JsonFactory factory;
  private final int maxArgs;
  private final int maxStringChars;
  private final int maxDepth;
  private final MutableEvent event = new MutableEvent();
  private final boolean[] firstInContainer;

  private final LineInput input = new LineInput();
  private JsonParser parser;
  private boolean parserDirty;
  private long lineBase;
  private int lineArgProblems;
  private long argProblems;
  private boolean numberOutOfRange;

  private TextSlot raw;
  private boolean rawOverflow;
  private boolean afterName;

  JacksonLineDecoder(JsonFactory factory, int maxArgs, int maxStringChars, int maxDepth) {
    this.factory = factory;
    this.maxArgs = maxArgs;
    this.maxStringChars = maxStringChars;
    this.maxDepth = maxDepth;
    this.firstInContainer = new boolean[maxDepth + 2];
    this.raw = new TextSlot(1);
    newParser();
  }

  private static SerializedString[] serialized(String[] names) {
    SerializedString[] serialized = new SerializedString[names.length];
    for (int i = 0; i < names.length; i++) {
      serialized[i] = new SerializedString(names[i]);
    }
    return serialized;
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
    lineBase = input.served();
    input.line(buffer, start, newlineFollows ? end + 1 : end);
    try {
      decodeEvent();
      expectNothingMore(buffer, end);
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
      input.prime();
      parser = factory.createParser(input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON parser", e);
    }
    parserDirty = false;
  }

  // ---- tokens ------------------------------------------------------------------------------

  private JsonToken next() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw new LineRejected(TRUNCATED);
    }
    return t;
  }

  /** Requires the rest of the line, after the object just decoded, to be whitespace. */
  private void expectNothingMore(byte[] buffer, int end) throws IOException {
    int unread = parser.releaseBuffered(DISCARD);
    if (unread < 0) {
      throw new IllegalStateException("the parser cannot release its unread bytes"); // not UTF-8's parser
    }
    for (int i = input.position() - unread; i < end; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        throw new LineRejected(TRAILING);
      }
    }
  }

  /**
   * Reads the next field name of the current object, comparing it first with
   * {@code fields[expected]} (the one Tracee writes next).
   *
   * @return the field's name ({@code fields[expected]} itself when it matched), or null at the
   *     end of the object
   */
  private @Nullable String nextField(String[] fields, SerializedString[] names, int expected) throws IOException {
    JsonToken t;
    if (expected < names.length) {
      if (parser.nextFieldName(names[expected])) {
        return fields[expected];
      }
      t = parser.currentToken();
    } else {
      t = parser.nextToken();
    }
    if (t == null) {
      throw new LineRejected(TRUNCATED);
    }
    return t == JsonToken.FIELD_NAME ? parser.currentName() : null;
  }

  /** Returns which field Tracee writes after {@code field}: its index in {@code fields} plus one. */
  private static int following(String[] fields, int expected, String field) {
    if (expected < fields.length && fields[expected] == field) {
      return expected + 1;
    }
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].equals(field)) {
        return i + 1;
      }
    }
    return expected;
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
    int expected = 0;
    String field;
    while ((field = nextField(EVENT_FIELDS, EVENT_NAMES, expected)) != null) {
      expected = following(EVENT_FIELDS, expected, field);
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
    int expected = 0;
    String name;
    while ((name = nextField(EXECUTABLE_FIELDS, EXECUTABLE_NAMES, expected)) != null) {
      expected = following(EXECUTABLE_FIELDS, expected, name);
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
    int expected = 0;
    String name;
    while ((name = nextField(CONTAINER_FIELDS, CONTAINER_NAMES, expected)) != null) {
      expected = following(CONTAINER_FIELDS, expected, name);
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
    int expected = 0;
    String name;
    while ((name = nextField(KUBERNETES_FIELDS, KUBERNETES_NAMES, expected)) != null) {
      expected = following(KUBERNETES_FIELDS, expected, name);
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
    int expected = 0;
    String name;
    while ((name = nextField(CONTEXT_FLAGS_FIELDS, CONTEXT_FLAGS_NAMES, expected)) != null) {
      expected = following(CONTEXT_FLAGS_FIELDS, expected, name);
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
    int expected = 0;
    String field;
    while ((field = nextField(ARG_FIELDS, ARG_NAMES, expected)) != null) {
      expected = following(ARG_FIELDS, expected, field);
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
          // The canonical name, read without copying the name's characters.
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
          rawAppend(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
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
