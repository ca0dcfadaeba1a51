package dev.sigil.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads JSON-like trees (maps, lists, strings, numbers, booleans, null) with
 * jackson-core, for state documents; no data binding needed.
 */
public final class JsonTree {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxStringLength(1 << 20)
          .build())
      .build();

  private JsonTree() {}

  /**
   * Writes a tree as one JSON document.
   *
   * @param tree the tree
   * @param out where to write; left open
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when the tree holds an unsupported value
   */
  public static void write(@Nullable Object tree, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      write(g, tree);
    }
  }

  /**
   * Writes a tree value with a generator.
   *
   * @param g the generator
   * @param value the value
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when the tree holds an unsupported value
   */
  public static void write(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable) {
      g.writeStartArray();
      for (Object item : (Iterable<?>) value) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof CharSequence) {
      g.writeString(value.toString());
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  /**
   * Reads one JSON document as a tree.
   *
   * @param in the input; left open
   * @return the tree
   * @throws IOException when reading fails or the input is not one JSON document
   */
  public static @Nullable Object read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IOException("empty document");
      }
      Object tree = read(p);
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the JSON document at "
            + p.currentLocation().getCharOffset());
      }
      return tree;
    }
  }

  /**
   * Reads the value at the parser's current token.
   *
   * @param p a parser positioned on the value's first token
   * @return the value
   * @throws IOException when reading fails
   */
  public static @Nullable Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }
}
