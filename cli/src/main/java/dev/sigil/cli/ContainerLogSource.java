package dev.sigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sigil.core.Event;
import dev.sigil.core.tracee.Rejection;
import dev.sigil.core.tracee.RejectionListener;
import dev.sigil.core.tracee.TraceeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Tracee's JSON lines inside container log lines ({@link InputFormat#DOCKER_JSON},
 * {@link InputFormat#CRI}): each log line is unwrapped, partial lines are joined, lines of the
 * standard error stream (Tracee's own logs) are skipped and counted, and the Tracee line is
 * decoded as usual. Rejections carry the number of the log line that completed the Tracee
 * line, so that they point into the file as it is.
 */
final class ContainerLogSource implements EventSource {
  /** The longest log line read; the runtimes split lines at 16 KiB, so this is generous. */
  static final int MAX_LOG_LINE_BYTES = 4 << 20;
  /** The longest joined Tracee line, as the reader's own limit. */
  static final int MAX_EVENT_BYTES = 1 << 20;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(32).maxStringLength(MAX_LOG_LINE_BYTES).build())
      .build();

  private final InputStream in;
  private final InputFormat format;
  private final RejectionListener rejections;
  private final TraceeReader reader;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private volatile boolean stopRequested;
  private boolean partialTooLong;
  private long lineNumber;
  private long lineOffset;
  private long linesRead;
  private long blankLines;
  private long rejected;
  private long bytesRead;
  private long partialLines;
  private long stderrLines;

  /**
   * Creates the source.
   *
   * @param in the input
   * @param format the container log format
   * @param rejections where rejected lines go
   * @param decoding the reader's configuration (lines to skip); it decodes one line at a time
   */
  ContainerLogSource(InputStream in, InputFormat format, RejectionListener rejections,
      TraceeReader.Builder decoding) {
    if (format != InputFormat.DOCKER_JSON && format != InputFormat.CRI) {
      throw new IllegalArgumentException("not a container log format: " + format);
    }
    this.in = in;
    this.format = format;
    this.rejections = rejections;
    this.reader = decoding.threads(1).maxLineBytes(MAX_EVENT_BYTES)
        .onRejection(r -> reject(r.reason()))
        .build();
  }

  @Override
  public void read(Consumer<? super Event> sink) throws IOException {
    byte[] buf = new byte[64 * 1024];
    int start = 0;
    int end = 0;
    int scan = 0;
    boolean skipping = false; // discarding the rest of an overlong line
    while (!stopRequested) {
      int newline = -1;
      for (int i = scan; i < end; i++) {
        if (buf[i] == '\n') {
          newline = i;
          break;
        }
      }
      if (newline >= 0) {
        if (skipping) {
          bytesRead += newline + 1 - start;
          lineOffset += newline + 1 - start;
          skipping = false;
        } else {
          logLine(buf, start, newline, newline + 1 - start, sink);
        }
        start = newline + 1;
        scan = start;
        continue;
      }
      scan = end;
      if (end - start > MAX_LOG_LINE_BYTES) {
        lineNumber++;
        linesRead++;
        reject("log line longer than " + MAX_LOG_LINE_BYTES + " bytes");
        bytesRead += end - start;
        lineOffset += end - start;
        start = end;
        scan = end;
        skipping = true;
      }
      if (start > 0 && (end == buf.length || start == end)) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        scan -= start;
        start = 0;
      }
      if (end == buf.length) {
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LOG_LINE_BYTES + 2));
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        if (end > start && !skipping) {
          logLine(buf, start, end, end - start, sink);
        } else if (skipping) {
          bytesRead += end - start;
        }
        if (partial.size() > 0 || partialTooLong) {
          // The input ended inside a split line: what there is of it is still a line.
          tracee(new byte[0], 0, 0, sink);
        }
        return;
      }
      end += n;
    }
  }

  private void logLine(byte[] buf, int start, int end, int length, Consumer<? super Event> sink) {
    lineNumber++;
    linesRead++;
    bytesRead += length;
    try {
      if (isBlank(buf, start, end)) {
        blankLines++;
        return;
      }
      if (format == InputFormat.DOCKER_JSON) {
        dockerLine(buf, start, end, sink);
      } else {
        criLine(buf, start, end, sink);
      }
    } finally {
      lineOffset += length;
    }
  }

  private void dockerLine(byte[] buf, int start, int end, Consumer<? super Event> sink) {
    String log = null;
    String stream = null;
    try (JsonParser parser = JSON.createParser(buf, start, end - start)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        reject("not a Docker json-file log line: not a JSON object");
        return;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("log") && value == JsonToken.VALUE_STRING) {
          log = parser.getText();
        } else if (name.equals("stream") && value == JsonToken.VALUE_STRING) {
          stream = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        reject("not a Docker json-file log line: content after the JSON object");
        return;
      }
    } catch (IOException e) {
      reject("not a Docker json-file log line: malformed JSON");
      return;
    }
    if (log == null) {
      reject("not a Docker json-file log line: no \"log\" string");
      return;
    }
    if ("stderr".equals(stream)) {
      stderrLines++;
      return;
    }
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      part(bytes, 0, bytes.length);
      return;
    }
    tracee(bytes, 0, bytes.length - 1, sink);
  }

  private void criLine(byte[] buf, int start, int end, Consumer<? super Event> sink) {
    if (end > start && buf[end - 1] == '\r') {
      end--;
    }
    int time = indexOf(buf, start, end, (byte) ' ');
    int stream = time < 0 ? -1 : indexOf(buf, time + 1, end, (byte) ' ');
    if (time <= start || stream < 0 || !(buf[start] >= '0' && buf[start] <= '9')) {
      reject("not a CRI log line: no '<time> <stream> <tag> ' prefix");
      return;
    }
    int tag = indexOf(buf, stream + 1, end, (byte) ' ');
    int tagEnd = tag < 0 ? end : tag;
    if (tagEnd == stream + 1) {
      reject("not a CRI log line: no tag");
      return;
    }
    int content = tag < 0 ? end : tag + 1;
    if (regionEquals(buf, time + 1, stream, "stderr")) {
      stderrLines++;
      return;
    }
    if (!regionEquals(buf, time + 1, stream, "stdout")) {
      reject("not a CRI log line: stream is neither stdout nor stderr");
      return;
    }
    if (buf[stream + 1] == 'P') {
      part(buf, content, end);
      return;
    }
    tracee(buf, content, end, sink);
  }

  /** Keeps the first part of a split line for the line that completes it. */
  private void part(byte[] bytes, int from, int to) {
    partialLines++;
    if (partialTooLong || partial.size() + (to - from) > MAX_EVENT_BYTES) {
      partialTooLong = true;
      partial.reset();
      return;
    }
    partial.write(bytes, from, to - from);
  }

  /** Decodes one whole Tracee line, joined with the parts before it. */
  private void tracee(byte[] bytes, int from, int to, Consumer<? super Event> sink) {
    if (partialTooLong) {
      partialTooLong = false;
      partial.reset();
      reject("line longer than " + MAX_EVENT_BYTES + " bytes");
      return;
    }
    if (partial.size() > 0) {
      partial.write(bytes, from, to - from);
      byte[] joined = partial.toByteArray();
      partial.reset();
      readOne(joined, 0, joined.length, sink);
      return;
    }
    readOne(bytes, from, to, sink);
  }

  private void readOne(byte[] bytes, int from, int to, Consumer<? super Event> sink) {
    if (isBlank(bytes, from, to)) {
      blankLines++;
      return;
    }
    reader.read(bytes, from, to - from, sink);
  }

  private void reject(String reason) {
    rejected++;
    rejections.onRejection(new Rejection(lineNumber, lineOffset, reason));
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public SourceStats stats() {
    return new SourceStats(linesRead, blankLines, reader.stats().events(), rejected,
        reader.stats().skipped(), reader.stats().argProblems(), bytesRead, partialLines, stderrLines);
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionEquals(byte[] buf, int from, int to, String ascii) {
    if (to - from != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (buf[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
