package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sigil.core.Event;
import dev.sigil.core.internal.LineScan;
import dev.sigil.core.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads Tracee's {@code --output json} stream: one {@code trace.Event} JSON object per line,
 * decoding each line into one re-used {@link Event} handed to a sink (typically
 * {@code engine::accept}).
 *
 * <pre>{@code
 * TraceeReader reader = TraceeReader.builder()
 *     .onRejection(r -> System.err.println(r))
 *     .build();
 * reader.read(System.in, engine::accept);
 * }</pre>
 *
 * <p><b>Lines.</b> A line ends at {@code \n} ({@code \r\n} works too); the last line of an input
 * needs no newline. Blank lines are skipped silently. Every other line either becomes exactly one
 * event or is <em>rejected</em>: reported to the {@link RejectionListener} with its 1-based line
 * number, the byte offset of its start and a short reason (never its content), and skipped.
 * Reading always resumes at the next line; no exception escapes for bad input. A line is rejected
 * when it is not a JSON object, is truncated, holds anything after the object (two values,
 * trailing garbage), nests deeper than {@link Builder#maxDepth(int)}, is longer than
 * {@link Builder#maxLineBytes(int)} (skipped without being buffered), has more than
 * {@link Builder#maxArgs(int)} arguments, is not valid UTF-8, holds a known field with a value
 * of the wrong type (e.g. {@code "timestamp":"yesterday"}), or is no Tracee event: an object
 * without an {@code eventName} or a (non-zero) {@code timestamp}, such as a container log
 * wrapper or {@code {}}, is rejected as {@code not a Tracee event: no eventName} (or
 * {@code no timestamp}). The sink sees a line's event only after the whole line proved valid.
 *
 * <p><b>Arguments</b> are decoded by their JSON value, whichever vocabulary their declared
 * {@code type} uses: strings, integers, booleans, null, arrays of strings (a list), other arrays
 * and objects (kept as compact raw JSON). A string declared {@code []byte} or {@code bytes} is
 * base64 and reads as bytes. A value that cannot be decoded (invalid base64, an integer beyond
 * 64 bits, a string or raw JSON value longer than {@link Builder#maxStringChars(int)}) reads as
 * absent ({@link dev.sigil.core.ArgKind#INVALID}), as does nothing else in the line; such
 * arguments, and values contradicting their declared type, are counted in
 * {@link ReaderStats#argProblems()}.
 *
 * <p><b>Allocation.</b> Once warm, decoding a line allocates nothing: the event, its storage and
 * the parser are re-used. Rejected lines allocate (the report, a fresh parser).
 *
 * <p><b>Threads.</b> A reader is used by one thread at a time; {@link #stop()} may be called
 * from any thread. Line numbers and byte offsets count from the start of each {@code read} call;
 * {@link #stats()} accumulates over all calls.
 */
public final class TraceeReader {
  private static final int INITIAL_STREAM_BUFFER = 64 * 1024;
  private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;
  static final String NO_EVENT_NAME = "not a Tracee event: no eventName";
  static final String NO_TIMESTAMP = "not a Tracee event: no timestamp";

  private final int maxLineBytes;
  private final boolean requireEventFields;
  private final RejectionListener rejectionListener;
  private final TraceeLineDecoder decoder;
  private volatile boolean stopRequested;

  private byte[] streamBuffer = new byte[0];

  private long linesRead;
  private long blankLines;
  private long events;
  private long rejected;
  private long bytesRead;

  private TraceeReader(Builder builder) {
    this.maxLineBytes = builder.maxLineBytes;
    this.requireEventFields = builder.requireEventFields;
    this.rejectionListener = builder.rejectionListener;
    JsonFactory factory = JsonFactory.builder()
        // Field names stay canonicalised (matched without allocating) but are not String.intern()ed:
        // hostile input must not flood the JVM's string table.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(builder.maxDepth)
            .maxStringLength(builder.maxLineBytes)
            .build())
        .build();
    this.decoder = new TraceeLineDecoder(factory, builder.maxArgs, builder.maxStringChars, builder.maxDepth);
  }

  /**
   * Starts configuring a reader.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads lines until the end of the stream (or {@link #stop()}), handing each decoded event
   * to the sink. The event is a flyweight, valid only during the sink's call. Memory stays
   * bounded by about {@link Builder#maxLineBytes(int)} whatever the input.
   *
   * @param in the input; not closed
   * @param sink receives each event, e.g. {@code engine::accept}
   * @throws IOException when reading the stream fails (bad lines are rejected, not thrown)
   */
  public void read(InputStream in, Consumer<? super Event> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    if (streamBuffer.length == 0) {
      streamBuffer = new byte[(int) Math.min(INITIAL_STREAM_BUFFER, (long) maxLineBytes + 1)];
    }
    byte[] buf = streamBuffer;
    int start = 0; // first byte of the current line
    int scan = 0; // where the newline search resumes
    int end = 0; // one past the last byte read
    boolean nonAscii = false; // whether the current line's bytes scanned so far include non-ASCII
    long lineNumber = 0;
    long lineOffset = 0; // stream offset of buf[start]
    boolean eof = false;
    while (true) {
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      long scanned = LineScan.scan(buf, scan, end);
      nonAscii |= scanned < 0;
      int newline = (int) scanned;
      if (newline < end) {
        lineNumber++;
        line(buf, start, newline, true, nonAscii, lineNumber, lineOffset, sink);
        lineOffset += newline + 1 - start;
        start = newline + 1;
        scan = start;
        nonAscii = false;
        continue;
      }
      scan = end;
      if (end - start > maxLineBytes) {
        // Too long to keep: discard up to the next newline, keeping what follows it.
        lineNumber++;
        long length = end - start;
        boolean blank = isBlank(buf, start, end);
        int rest = -1;
        while (rest < 0 && !eof) {
          int n = in.read(buf, 0, buf.length);
          if (n < 0) {
            eof = true;
            break;
          }
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              blank = blank && isBlank(buf, 0, i);
              rest = n - i - 1;
              length += i + 1;
              System.arraycopy(buf, i + 1, buf, 0, rest);
              break;
            }
          }
          if (rest < 0) {
            blank = blank && isBlank(buf, 0, n);
            length += n;
          }
        }
        linesRead++;
        bytesRead += length;
        if (blank) {
          blankLines++;
        } else {
          reject(lineNumber, lineOffset, "line longer than " + maxLineBytes + " bytes");
        }
        lineOffset += length;
        start = 0;
        scan = 0;
        end = Math.max(rest, 0);
        nonAscii = false;
        continue;
      }
      if (eof) {
        if (start < end) {
          lineNumber++;
          line(buf, start, end, false, nonAscii, lineNumber, lineOffset, sink);
        }
        return;
      }
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          scan -= start;
          start = 0;
        } else {
          buf = Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER, Math.min((long) maxLineBytes + 1, 2L * buf.length)));
          streamBuffer = buf;
        }
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }
  }

  /**
   * Reads the lines in a byte range (a last line without newline counts).
   *
   * @param buffer the bytes
   * @param offset where to start
   * @param length how many bytes
   * @param sink receives each event
   * @throws IndexOutOfBoundsException when the range is outside the buffer
   */
  public void read(byte[] buffer, int offset, int length, Consumer<? super Event> sink) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    Objects.requireNonNull(sink, "sink");
    int limit = offset + length;
    int start = offset;
    long lineNumber = 0;
    while (start < limit) {
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      long scanned = LineScan.scan(buffer, start, limit);
      int end = (int) scanned;
      boolean newlineFollows = end < limit;
      lineNumber++;
      line(buffer, start, end, newlineFollows, scanned < 0, lineNumber, start - offset, sink);
      start = newlineFollows ? end + 1 : end;
    }
  }

  private void line(byte[] buf, int start, int end, boolean newlineFollows, boolean nonAscii,
      long lineNumber, long lineOffset, Consumer<? super Event> sink) {
    linesRead++;
    bytesRead += end - start + (newlineFollows ? 1 : 0);
    if (isBlank(buf, start, end)) {
      blankLines++;
      return;
    }
    if (end - start > maxLineBytes) {
      reject(lineNumber, lineOffset, "line longer than " + maxLineBytes + " bytes");
      return;
    }
    if (nonAscii && !Utf8.isValid(buf, start, end)) {
      reject(lineNumber, lineOffset, "invalid UTF-8");
      return;
    }
    String reason = decoder.decode(buf, start, end, newlineFollows);
    if (reason == null && requireEventFields) {
      reason = notTracee(decoder.event());
    }
    if (reason != null) {
      reject(lineNumber, lineOffset, reason);
      return;
    }
    events++;
    sink.accept(decoder.event());
  }

  /**
   * Tells why a well-formed JSON object is no Tracee event: every event Tracee prints has an
   * event name and a timestamp, and an object without them is some other JSON (a container log
   * wrapper, another tool's output, {@code {}}) that must not pass for an event nobody selects.
   * A timestamp of 0 counts as none: Tracee stamps events with the boot-relative or epoch time,
   * never 0.
   */
  static @Nullable String notTracee(Event event) {
    if (event.eventName().length() == 0) {
      return NO_EVENT_NAME;
    }
    if (event.timestamp() == 0) {
      return NO_TIMESTAMP;
    }
    return null;
  }

  private static boolean isBlank(byte[] buf, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private void reject(long lineNumber, long lineOffset, String reason) {
    rejected++;
    rejectionListener.onRejection(new Rejection(lineNumber, lineOffset, reason));
  }

  /**
   * Asks a running {@code read} (or, when none is running, the next one) to return after the
   * current line; callable from any thread. Each request ends one {@code read}. A stream read
   * that stops discards what it had read past that line; a read blocked waiting for input
   * returns once input arrives.
   */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Returns the counters so far, accumulated over every {@code read}. Exact when called on the
   * reading thread (from the sink, or between reads); from another thread, a recent view.
   *
   * @return the counters
   */
  public ReaderStats stats() {
    return new ReaderStats(linesRead, blankLines, events, rejected, decoder.argProblems(), bytesRead);
  }

  /** Configures a {@link TraceeReader}. */
  public static final class Builder {
    private int maxLineBytes = 1 << 20;
    private int maxArgs = 64;
    private int maxStringChars = 4096;
    private int maxDepth = 32;
    private boolean requireEventFields = true;
    private RejectionListener rejectionListener = rejection -> { };

    private Builder() {}

    /**
     * Sets the longest line accepted; longer lines are rejected. Default 1 MiB.
     *
     * @param bytes the limit, at most 1 GiB
     * @return this builder
     * @throws IllegalArgumentException when not positive or above 1 GiB
     */
    public Builder maxLineBytes(int bytes) {
      if (bytes > 1 << 30) {
        throw new IllegalArgumentException("maxLineBytes must be at most 1 GiB, got " + bytes);
      }
      maxLineBytes = positive("maxLineBytes", bytes);
      return this;
    }

    /**
     * Sets the most arguments an event may have; more reject the line. Default 64.
     *
     * @param count the limit
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxArgs(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("maxArgs must not be negative, got " + count);
      }
      maxArgs = count;
      return this;
    }

    /**
     * Sets the longest string argument kept (and the longest raw JSON text of a structured
     * argument); longer ones read as absent. Default 4096.
     *
     * @param chars the limit
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxStringChars(int chars) {
      maxStringChars = positive("maxStringChars", chars);
      return this;
    }

    /**
     * Sets the deepest nesting accepted; deeper lines are rejected. Default 32.
     *
     * @param depth the limit
     * @return this builder
     * @throws IllegalArgumentException when below 3 (an event with arguments nests 3 deep)
     */
    public Builder maxDepth(int depth) {
      if (depth < 3) {
        throw new IllegalArgumentException("maxDepth must be at least 3, got " + depth);
      }
      maxDepth = depth;
      return this;
    }

    /**
     * Sets whether an object without an {@code eventName} or a non-zero {@code timestamp} is
     * rejected as no Tracee event (the default), or decoded like any other object (for decoding
     * fragments in tests and tools).
     *
     * @param required whether both fields are required
     * @return this builder
     */
    public Builder requireEventFields(boolean required) {
      requireEventFields = required;
      return this;
    }

    /**
     * Sets where rejected lines are reported; by default they are only counted.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onRejection(RejectionListener listener) {
      rejectionListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public TraceeReader build() {
      return new TraceeReader(this);
    }

    private static int positive(String what, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive, got " + value);
      }
      return value;
    }
  }
}
