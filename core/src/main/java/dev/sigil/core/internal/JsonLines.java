package dev.sigil.core.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines onto a stream the caller owns: the line discipline and the one value writer that
 * both finding writers share.
 *
 * <p>Each line is generated into a buffer first and reaches the stream only when it is complete,
 * so a line that fails half-way (an unwritable value, a bug) leaves nothing behind and the next
 * line starts clean. Each line has its own generator, so no root-value separator ever appears
 * between lines. The stream is never closed: {@link #close()} flushes it.
 *
 * <p>Every method is synchronised: lines written from several threads never interleave.
 */
public final class JsonLines {
  /** Writes one JSON value: the body of one line. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the value.
     *
     * @param json the line's generator
     * @throws IOException when writing fails
     */
    void write(JsonGenerator json) throws IOException;
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();

  /** Pending lines are written through once this many bytes wait (when not flushing per line). */
  private static final int WRITE_THROUGH_BYTES = 8192;

  /** A buffer that grew past this for one huge line is dropped rather than kept forever. */
  private static final int KEEP_BUFFER_BYTES = 1 << 20;

  private final OutputStream out;
  private final boolean flushEachLine;
  private LineBuffer pending = new LineBuffer();
  private boolean closed;

  /**
   * Starts writing lines.
   *
   * @param out where the lines go; flushed, never closed
   * @param flushEachLine whether to flush {@code out} after every line
   */
  public JsonLines(OutputStream out, boolean flushEachLine) {
    this.out = out;
    this.flushEachLine = flushEachLine;
  }

  /**
   * Writes one line: the body's value and a newline, whole or not at all.
   *
   * @param body writes the value
   * @param what names the line in a failure message, e.g. {@code "a finding of TRC-1022"}
   * @throws UncheckedIOException when the stream fails ("cannot write " + what)
   * @throws IllegalStateException when closed
   */
  public synchronized void write(Body body, String what) {
    if (closed) {
      throw new IllegalStateException("cannot write " + what + ": the finding writer is closed");
    }
    int start = pending.size();
    try (JsonGenerator json =
        new WellFormedStrings(FACTORY.createGenerator(pending, JsonEncoding.UTF8))) {
      body.write(json);
    } catch (IOException e) {
      pending.truncate(start);
      throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      pending.truncate(start);
      throw e;
    }
    pending.write('\n');
    if (flushEachLine || pending.size() >= WRITE_THROUGH_BYTES) {
      try {
        writeThrough();
        if (flushEachLine) {
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the pending lines to the stream and flushes it.
   *
   * @throws UncheckedIOException when the stream fails
   */
  public synchronized void flush() {
    try {
      writeThrough();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the findings output: " + e.getMessage(), e);
    }
  }

  /**
   * Flushes, and refuses further lines; the stream stays open. Idempotent.
   *
   * @throws UncheckedIOException when the final flush fails (the writer is closed all the same)
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    flush();
  }

  /** Hands the pending lines to the stream; they are dropped if it fails, never written twice. */
  private void writeThrough() throws IOException {
    if (pending.size() == 0) {
      return;
    }
    try {
      pending.writeTo(out);
    } finally {
      if (pending.capacity() > KEEP_BUFFER_BYTES) {
        pending = new LineBuffer();
      } else {
        pending.reset();
      }
    }
  }

  /**
   * Writes what findings carry, so that both formats print a value the same way: strings,
   * integers (a {@link BigInteger} exactly), finite floating-point numbers (NaN and the infinities
   * as their names, which JSON has no number for), booleans, bytes as standard base64, maps as
   * objects (keys by {@link String#valueOf}), lists and other iterables as arrays, null; anything
   * else as its {@code toString()}, never failing the line.
   *
   * @param json the generator
   * @param value the value
   * @param sortKeys whether to write map keys in byte order, as Go's encoding/json does, instead
   *     of the map's own order
   * @throws IOException when writing fails
   */
  public static void value(JsonGenerator json, @Nullable Object value, boolean sortKeys)
      throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof CharSequence) {
      json.writeString(value.toString());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      json.writeNumber((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      json.writeNumber((BigDecimal) value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeString(Double.toString(d));
      }
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof byte[]) {
      json.writeString(Base64.getEncoder().encodeToString((byte[]) value));
    } else if (value instanceof Map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : entries((Map<?, ?>) value, sortKeys)) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(json, entry.getValue(), sortKeys);
      }
      json.writeEndObject();
    } else if (value instanceof Iterable) {
      json.writeStartArray();
      for (Object item : (Iterable<?>) value) {
        value(json, item, sortKeys);
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }

  private static Iterable<? extends Map.Entry<?, ?>> entries(Map<?, ?> map, boolean sortKeys) {
    if (!sortKeys || map.size() < 2) {
      return map.entrySet();
    }
    List<Map.Entry<?, ?>> sorted = new ArrayList<>(map.entrySet());
    sorted.sort(Comparator.comparing(entry -> String.valueOf(entry.getKey()), JsonLines::compareUtf8));
    return sorted;
  }

  /**
   * Compares strings by their UTF-8 bytes, as Go compares strings (Java's own order differs only
   * where a surrogate pair meets a character from U+E000 up).
   *
   * @param a one string
   * @param b another
   * @return negative, zero or positive
   */
  public static int compareUtf8(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) != Character.isSurrogate(y) && (x >= 0xE000 || y >= 0xE000)) {
          return Character.isSurrogate(x) ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** A byte buffer that can drop a partly written line. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    LineBuffer() {
      super(1024);
    }

    void truncate(int size) {
      count = size;
    }

    int capacity() {
      return buf.length;
    }
  }
}
