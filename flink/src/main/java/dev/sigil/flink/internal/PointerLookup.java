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
 * Tracee event a shipper wrapped. Single-threaded; allocates per lookup (only the wrapper modes
 * use it).
 */
public final class PointerLookup {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private final JsonPointer pointer;

  /**
   * Compiles a pointer.
   *
   * @param pointer e.g. {@code /kubernetes/host}
   */
  public PointerLookup(String pointer) {
    this.pointer = parse(pointer);
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
    try (JsonParser parser = FACTORY.createParser(json)) {
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
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = locate(parser);
      if (token == JsonToken.VALUE_STRING) {
        return parser.getText().getBytes(StandardCharsets.UTF_8);
      }
      if (token != JsonToken.START_OBJECT) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
      try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        generator.copyCurrentStructure(parser);
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
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
