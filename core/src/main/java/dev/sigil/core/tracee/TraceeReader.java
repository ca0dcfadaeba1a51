package dev.sigil.core.tracee;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.internal.LineScan;
import dev.sigil.core.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
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
 * event, is skipped unread (see Skipping below, only when asked for), or is <em>rejected</em>:
 * reported to the {@link RejectionListener} with its 1-based line
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
 * <p><b>Skipping.</b> Given the event types to decode ({@link Builder#decodeOnly},
 * {@link Builder#decodeOnlySelectedBy}: typically those some signature selects), a line of
 * another type is skipped as soon as its top-level {@code eventName} is read: neither decoded nor
 * checked, only counted ({@link ReaderStats#skipped()}). A line is never skipped when it could
 * hold an event of a decoded type, whatever the order of its keys, their nesting or escapes; a
 * line that decoding would reject may be skipped instead. Always
 * {@code events + rejected + skipped == linesRead - blankLines}.
 *
 * <p><b>Decoding.</b> The reader decodes the line's UTF-8 bytes itself, relying on what Tracee
 * writes (its key order, ASCII keys, integers, base64) to be fast, and decoding anything else as
 * any JSON reader would. Text is not converted: the event's strings are views of the line's ASCII
 * bytes, decoded to UTF-16 only when escapes or non-ASCII characters make it necessary.
 *
 * <p><b>Allocation.</b> Once warm, decoding a line allocates nothing: the event, its storage and
 * what the decoder remembers of earlier lines are re-used. Rejected lines allocate (the report).
 *
 * <p><b>Threads.</b> A reader is used by one thread at a time; {@link #stop()} may be called
 * from any thread. Line numbers and byte offsets count from the start of each {@code read} call;
 * {@link #stats()} accumulates over all calls. With {@link Builder#threads(int)} above one, a
 * {@code read} decodes on that many threads of its own and still hands every event and rejection
 * on in input order, on the thread that called it: the sink sees exactly what one thread would
 * hand it.
 */
public final class TraceeReader {
  /** Large enough that reads (of what is free in it) mostly bypass a caller's 64 KiB buffering. */
  private static final int INITIAL_STREAM_BUFFER = 256 * 1024;
  private static final int MAX_BUFFER = Integer.MAX_VALUE - 64;
  /**
   * Bytes kept free after the data in every buffer the reader owns: the decoder reads up to 24
   * bytes past a position eight at a time, and with this slack it never nears an array's end,
   * whose byte-wise fallback would, taken once in a long run, make the JIT throw away and
   * recompile the whole compiled decoder.
   */
  static final int SLACK = 32;
  static final String NO_EVENT_NAME = "not a Tracee event: no eventName";
  static final String NO_TIMESTAMP = "not a Tracee event: no timestamp";

  private final int maxLineBytes;
  private final String tooLong;
  private final RejectionListener rejectionListener;
  private final LineDiscipline lines;
  private final MutableEvent event = new MutableEvent();
  private final @Nullable ParallelReading parallel;
  private volatile boolean stopRequested;

  private byte[] streamBuffer = new byte[0];
  /** The last line of an input that does not end in a newline, copied with one. */
  private byte[] lastLine = new byte[0];

  private long linesRead;
  private long blankLines;
  private long events;
  private long rejected;
  private long skipped;
  private long argProblems;
  private long bytesRead;

  private TraceeReader(Builder builder) {
    this.maxLineBytes = builder.maxLineBytes;
    this.tooLong = LineDiscipline.tooLongReason(builder.maxLineBytes);
    this.rejectionListener = builder.rejectionListener;
    boolean[] decoded = builder.decodedTypes();
    this.lines = new LineDiscipline(builder.maxLineBytes, builder.requireEventFields,
        new TraceeLineDecoder(builder.maxArgs, builder.maxStringChars, builder.maxDepth, decoded));
    if (builder.threads > 1) {
      LineDiscipline[] workers = new LineDiscipline[builder.threads - 1];
      for (int i = 0; i < workers.length; i++) {
        workers[i] = new LineDiscipline(builder.maxLineBytes, builder.requireEventFields,
            new TraceeLineDecoder(builder.maxArgs, builder.maxStringChars, builder.maxDepth, decoded));
      }
      this.parallel = new ParallelReading(this, lines, workers, builder.batchBytes,
          builder.maxLineBytes, builder.measureDecodingThreads);
    } else {
      this.parallel = null;
    }
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
    if (parallel != null) {
      parallel.read(in, sink);
      return;
    }
    if (streamBuffer.length == 0) {
      streamBuffer = new byte[(int) Math.min(INITIAL_STREAM_BUFFER, (long) maxLineBytes + 1) + SLACK];
    }
    byte[] buf = streamBuffer;
    int capacity = buf.length - SLACK; // data goes up to here, the slack stays free
    int start = 0; // first byte of the current line
    int searched = 0; // where the newline search resumes: nothing from start to here is one
    int end = 0; // one past the last byte read
    long lineNumber = 0;
    long lineOffset = 0; // stream offset of buf[start]
    boolean eof = false;
    while (true) {
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      // Every complete line in the buffer, each ending in its newline.
      int last = lastNewline(buf, searched, end);
      while (start <= last) {
        if (stopRequested) {
          stopRequested = false;
          return;
        }
        lineNumber++;
        int next = line(buf, start, true, lineNumber, lineOffset, sink);
        lineOffset += next - start;
        start = next;
      }
      searched = end;
      if (end - start > maxLineBytes) {
        // Too long to keep: discard up to the next newline, keeping what follows it.
        lineNumber++;
        long length = end - start;
        boolean blank = isBlank(buf, start, end);
        int rest = -1;
        while (rest < 0 && !eof) {
          int n = in.read(buf, 0, capacity);
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
        accountLongLine(length, blank, lineNumber, lineOffset);
        lineOffset += length;
        start = 0;
        searched = 0;
        end = Math.max(rest, 0);
        continue;
      }
      if (eof) {
        if (start < end) {
          lineNumber++;
          lastLine(buf, start, end, lineNumber, lineOffset, sink);
        }
        return;
      }
      if (end == capacity || (start > 0 && capacity - end < capacity >>> 2)) {
        if (start > 0) {
          // Keep reads large: move the partial line to the front.
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          searched -= start;
          start = 0;
        } else {
          capacity = (int) Math.min(MAX_BUFFER, Math.min((long) maxLineBytes + 1, 2L * capacity));
          buf = Arrays.copyOf(buf, capacity + SLACK);
          streamBuffer = buf;
        }
      }
      int n = in.read(buf, end, capacity - end);
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
   * @param buffer the bytes; not changed
   * @param offset where to start
   * @param length how many bytes
   * @param sink receives each event
   * @throws IndexOutOfBoundsException when the range is outside the buffer
   */
  public void read(byte[] buffer, int offset, int length, Consumer<? super Event> sink) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    Objects.requireNonNull(sink, "sink");
    if (parallel != null && parallel.worthIt(length)) {
      parallel.read(buffer, offset, length, sink);
      return;
    }
    int limit = offset + length;
    int last = lastNewline(buffer, offset, limit);
    int start = offset;
    long lineNumber = 0;
    while (start <= last) {
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      lineNumber++;
      start = line(buffer, start, true, lineNumber, start - offset, sink);
    }
    if (start < limit) {
      if (stopRequested) {
        stopRequested = false;
        return;
      }
      lineNumber++;
      lastLine(buffer, start, limit, lineNumber, start - offset, sink);
    }
  }

  /** Returns the index of the last newline in {@code [from, to)}, or -1. */
  static int lastNewline(byte[] bytes, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Handles a last line without a newline: decodes a copy that has one. */
  private void lastLine(byte[] bytes, int start, int end, long lineNumber, long lineOffset,
      Consumer<? super Event> sink) {
    int length = end - start;
    if (lastLine.length < length + 1 + SLACK) {
      lastLine = new byte[Math.max(length + 1 + SLACK, Math.min(2 * lastLine.length, MAX_BUFFER))];
    }
    System.arraycopy(bytes, start, lastLine, 0, length);
    lastLine[length] = '\n';
    line(lastLine, 0, false, lineNumber, lineOffset, sink);
  }

  /**
   * Handles one line: decodes it, counts it, and hands on its event or its rejection.
   *
   * @param bytes the bytes, holding a newline after the line
   * @param start the line's first byte
   * @param newlineFollows whether that newline belongs to the input (false for a copied last line)
   * @return the index after the line's newline
   */
  private int line(byte[] bytes, int start, boolean newlineFollows, long lineNumber, long lineOffset,
      Consumer<? super Event> sink) {
    int outcome = lines.line(bytes, start, event);
    int end = lines.end();
    account(outcome, end - start + (newlineFollows ? 1 : 0), lineNumber, lineOffset, lines.reason(),
        lines.argProblems(), event, sink);
    return end + 1;
  }

  /**
   * Counts a decoded line and hands on its event or its rejection; on the reading thread, in
   * input order (the parallel reading's batches come through here too).
   */
  void account(int outcome, long length, long lineNumber, long lineOffset, String reason,
      int lineArgProblems, Event lineEvent, Consumer<? super Event> sink) {
    linesRead++;
    bytesRead += length;
    switch (outcome) {
      case TraceeLineDecoder.BLANK:
        blankLines++;
        break;
      case TraceeLineDecoder.SKIPPED:
        skipped++;
        break;
      case TraceeLineDecoder.REJECTED:
        reject(lineNumber, lineOffset, reason);
        break;
      default:
        events++;
        argProblems += lineArgProblems;
        sink.accept(lineEvent);
    }
  }

  /** Counts a line too long to keep, skipped while reading a stream. */
  void accountLongLine(long length, boolean blank, long lineNumber, long lineOffset) {
    linesRead++;
    bytesRead += length;
    if (blank) {
      blankLines++;
    } else {
      reject(lineNumber, lineOffset, tooLong);
    }
  }

  /**
   * Bytes the decoding threads of {@link Builder#threads(int)} allocated so far, when built with
   * {@link Builder#measureDecodingThreads()} (else 0); for tests.
   */
  long decodingThreadAllocations() {
    return parallel == null ? 0 : parallel.workerAllocatedBytes();
  }

  /** Takes a pending {@link #stop()} request: true when reading should return now. */
  boolean stopping() {
    if (stopRequested) {
      stopRequested = false;
      return true;
    }
    return false;
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

  static boolean isBlank(byte[] buf, int start, int end) {
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
    return new ReaderStats(linesRead, blankLines, events, rejected, skipped, argProblems, bytesRead);
  }

  /** Configures a {@link TraceeReader}. */
  public static final class Builder {
    private int maxLineBytes = 1 << 20;
    private int maxArgs = 64;
    private int maxStringChars = 4096;
    private int maxDepth = 32;
    private boolean requireEventFields = true;
    private RejectionListener rejectionListener = rejection -> { };
    private @Nullable Set<EventType> decodeOnly;
    private int threads = 1;
    private int batchBytes = ParallelReading.DEFAULT_BATCH_BYTES;
    private boolean measureDecodingThreads;

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
     * Decodes only the lines whose {@code eventName} is one of these types: any other line is
     * skipped once its event name is found, without being decoded or checked, and counted in
     * {@link ReaderStats#skipped()}. A line is never skipped when it could be of one of these
     * types (whatever the order of its keys, their nesting or escapes); a line that would be
     * rejected may be skipped instead. Lines without an event name are decoded.
     *
     * @param types the types to decode
     * @return this builder
     */
    public Builder decodeOnly(Collection<EventType> types) {
      decodeOnly = Set.copyOf(types);
      return this;
    }

    /**
     * Decodes only the lines some signature of the engine selects by event name (see
     * {@link #decodeOnly}); every line when a signature selects events of any name.
     *
     * @param engine the engine the events go to
     * @return this builder
     */
    public Builder decodeOnlySelectedBy(Engine engine) {
      Set<EventType> selected = engine.selectedEventTypes();
      decodeOnly = selected == null ? null : Set.copyOf(selected);
      return this;
    }

    /**
     * Sets how many threads decode (default 1: the reading thread itself). With more, the input
     * is cut into batches of whole lines that that many threads decode into batches of events
     * (the reading thread and {@code count - 1} threads of the read's own); the sink still gets
     * every event on the thread that called {@code read}, in input order, one at a time, and
     * rejections reach the listener there too, in order: whatever consumes the events (one
     * {@link Engine}) sees exactly what one thread would hand it. Memory then
     * holds a few batches per thread (each about 64 KiB of input and its events). A
     * {@code read} of a byte range shorter than a few batches decodes on the calling thread.
     *
     * @param count the threads, from 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder threads(int count) {
      threads = positive("threads", count);
      return this;
    }

    /** Sets the input per batch of parallel decoding; for tests that cut the input finely. */
    Builder batchBytes(int bytes) {
      batchBytes = positive("batchBytes", bytes);
      return this;
    }

    /**
     * Makes the decoding threads of {@link #threads(int)} measure what they allocate, for
     * {@link TraceeReader#decodingThreadAllocations()}; for allocation tests.
     */
    Builder measureDecodingThreads() {
      measureDecodingThreads = true;
      return this;
    }

    /**
     * Decodes and checks every line (the default), undoing {@link #decodeOnly}.
     *
     * @return this builder
     */
    public Builder decodeAll() {
      decodeOnly = null;
      return this;
    }

    /** By type id, whether lines of that type are decoded; null for every line. */
    boolean @Nullable [] decodedTypes() {
      Set<EventType> types = decodeOnly;
      if (types == null) {
        return null;
      }
      int max = -1;
      for (EventType type : types) {
        max = Math.max(max, type.id());
      }
      boolean[] decoded = new boolean[max + 1];
      for (EventType type : types) {
        if (type.id() >= 0) {
          decoded[type.id()] = true;
        }
      }
      return decoded;
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
