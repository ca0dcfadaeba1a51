package dev.sigil.flink.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Finds a value in a record's JSON by an RFC 6901 pointer, streaming: it reads only up to the
 * value, skipping what lies elsewhere. Used for the node key a shipper added and for the
 * Tracee event a shipper wrapped. Single-threaded. A node key in the first member(s) of the
 * record, as shippers usually add it, is read without a parser.
 */
public final class PointerLookup {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private final JsonPointer pointer;
  /** The pointer's names as UTF-8, for the fast path; null when one needs escaping in JSON. */
  private final byte @Nullable [][] names;
  private byte[] lastValue = new byte[0];
  private String lastText = "";

  /**
   * Compiles a pointer.
   *
   * @param pointer e.g. {@code /kubernetes/host}
   */
  public PointerLookup(String pointer) {
    this.pointer = parse(pointer);
    java.util.List<byte[]> list = new java.util.ArrayList<>();
    boolean plain = true;
    for (JsonPointer p = this.pointer; !p.matches(); p = p.tail()) {
      String name = p.getMatchingProperty();
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) {
        plain &= b >= 0x20 && b != '"' && b != '\\';
      }
      list.add(bytes);
    }
    this.names = plain ? list.toArray(new byte[0][]) : null;
  }

  /**
   * Validates and compiles a pointer.
   *
   * @param pointer the text
   * @return the compiled pointer
   * @throws IllegalArgumentException when empty or malformed
   */
  public static JsonPointer parse(String pointer) {
    if (pointer.isEmpty() || pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("a JSON pointer starts with '/', e.g. /kubernetes/host: '"
          + pointer + "'");
    }
    return JsonPointer.compile(pointer);
  }

  /**
   * Returns the text of the scalar (string, number or boolean) at the pointer.
   *
   * @param json the record's bytes
   * @return the text, or null when the record is not JSON, lacks the pointer, or holds an
   *     object, array or null there
   */
  public @Nullable String text(byte[] json) {
    return text(json, 0, json.length);
  }

  /**
   * Returns the text of the scalar (string, number or boolean) at the pointer.
   *
   * @param json the bytes holding the record
   * @param offset where the record starts
   * @param length its length
   * @return the text, or null when the record is not JSON, lacks the pointer, or holds an
   *     object, array or null there
   */
  public @Nullable String text(byte[] json, int offset, int length) {
    String fast = firstMembers(json, offset, offset + length);
    if (fast != null) {
      return fast;
    }
    try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
      JsonToken token = locate(parser);
      if (token == null || token.isStructStart() || token == JsonToken.VALUE_NULL) {
        return null;
      }
      return parser.getText();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns the bytes of the Tracee event at the pointer: a string's UTF-8 text (a log line as
   * Docker's json-file and most shippers keep it), or an object re-serialized compactly.
   *
   * @param json the record's bytes
   * @return the event's bytes, or null when the record is not JSON or lacks it
   */
  public byte @Nullable [] event(byte[] json) {
    return event(json, 0, json.length);
  }

  /**
   * Returns the bytes of the Tracee event at the pointer, as {@link #event(byte[])}.
   *
   * @param json the bytes holding the record
   * @param offset where the record starts
   * @param length its length
   * @return the event's bytes, or null when the record is not JSON or lacks it
   */
  public byte @Nullable [] event(byte[] json, int offset, int length) {
    try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
      JsonToken token = locate(parser);
      if (token == JsonToken.VALUE_STRING) {
        return parser.getText().getBytes(StandardCharsets.UTF_8);
      }
      if (token != JsonToken.START_OBJECT) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        generator.copyCurrentStructure(parser);
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The fast path, for a shipper's field that comes first ({@code {"node":"n1",...}} or
   * {@code {"kubernetes":{"host":"n1",...},...}}): when each of the pointer's names is the first
   * member of its object and the value a string of printable ASCII without escapes, returns it
   * (the same instance as last time when it is the same text) without a parser; else null, and
   * the caller parses. What it returns is what the parser would.
   */
  private @Nullable String firstMembers(byte[] b, int i, int end) {
    byte[][] path = names;
    if (path == null) {
      return null;
    }
    for (byte[] name : path) {
      i = skipSpace(b, i, end);
      if (i >= end || b[i] != '{') {
        return null;
      }
      i = skipSpace(b, i + 1, end);
      if (i + name.length + 2 > end || b[i] != '"' || b[i + name.length + 1] != '"'
          || !java.util.Arrays.equals(b, i + 1, i + 1 + name.length, name, 0, name.length)) {
        return null;
      }
      i = skipSpace(b, i + name.length + 2, end);
      if (i >= end || b[i] != ':') {
        return null;
      }
      i++;
    }
    i = skipSpace(b, i, end);
    if (i >= end || b[i] != '"') {
      return null;
    }
    int start = ++i;
    for (; i < end && b[i] != '"'; i++) {
      if (b[i] < 0x20 || b[i] == '\\') { // control, escape or non-ASCII (negative)
        return null;
      }
    }
    if (i >= end) {
      return null;
    }
    if (!java.util.Arrays.equals(b, start, i, lastValue, 0, lastValue.length)) {
      lastValue = java.util.Arrays.copyOfRange(b, start, i);
      lastText = new String(lastValue, StandardCharsets.US_ASCII);
    }
    return lastText;
  }

  private static int skipSpace(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    return i;
  }

  /** Moves the parser onto the value at the pointer; returns its first token, or null. */
  private @Nullable JsonToken locate(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    JsonPointer rest = pointer;
    while (token != null && !rest.matches()) {
      if (token == JsonToken.START_OBJECT) {
        String property = rest.getMatchingProperty();
        token = null;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          boolean match = parser.currentName().equals(property);
          JsonToken value = parser.nextToken();
          if (match) {
            token = value;
            break;
          }
          parser.skipChildren();
        }
      } else if (token == JsonToken.START_ARRAY && rest.mayMatchElement()) {
        int index = rest.getMatchingIndex();
        token = null;
        JsonToken t;
        for (int i = 0; (t = parser.nextToken()) != JsonToken.END_ARRAY && t != null; i++) {
          if (i == index) {
            token = t;
            break;
          }
          parser.skipChildren();
        }
      } else {
        return null;
      }
      rest = rest.tail();
    }
    return token;
  }
}
