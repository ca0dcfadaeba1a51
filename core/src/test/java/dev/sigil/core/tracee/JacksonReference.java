package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sigil.core.Event;
import dev.sigil.core.internal.LineScan;
import dev.sigil.core.internal.Utf8;
import java.util.function.Consumer;

/**
 * The reader as it was before its byte-level decoder: jackson-core's blocking parser under the
 * same line discipline ({@link JacksonLineDecoder}), objects without an event name or timestamp
 * rejected as no Tracee event. Kept as the reference the differential fuzz test holds the decoder
 * to.
 */
final class JacksonReference {
  private final int maxLineBytes;
  private final RejectionListener rejections;
  private final JacksonLineDecoder decoder;
  private long linesRead;
  private long blankLines;
  private long events;
  private long rejected;
  private long bytesRead;
  /** Argument problems of lines decoded, then rejected as no Tracee event: not counted. */
  private long argProblemsOfRejected;

  JacksonReference(int maxLineBytes, int maxArgs, int maxStringChars, int maxDepth, RejectionListener rejections) {
    this.maxLineBytes = maxLineBytes;
    this.rejections = rejections;
    JsonFactory factory = JsonFactory.builder()
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxStringLength(maxLineBytes)
            .build())
        .build();
    this.decoder = new JacksonLineDecoder(factory, maxArgs, maxStringChars, maxDepth);
  }

  void read(byte[] buffer, int offset, int length, Consumer<? super Event> sink) {
    int limit = offset + length;
    int start = offset;
    long lineNumber = 0;
    while (start < limit) {
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
    boolean blank = true;
    for (int i = start; i < end && blank; i++) {
      blank = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r';
    }
    if (blank) {
      blankLines++;
      return;
    }
    String reason = null;
    if (end - start > maxLineBytes) {
      reason = "line longer than " + maxLineBytes + " bytes";
    } else if (nonAscii && !Utf8.isValid(buf, start, end)) {
      reason = "invalid UTF-8";
    } else {
      long argProblemsBefore = decoder.argProblems();
      reason = decoder.decode(buf, start, end, newlineFollows);
      if (reason == null) {
        reason = TraceeReader.notTracee(decoder.event());
        if (reason != null) {
          argProblemsOfRejected += decoder.argProblems() - argProblemsBefore;
        }
      }
    }
    if (reason != null) {
      rejected++;
      rejections.onRejection(new Rejection(lineNumber, lineOffset, reason));
      return;
    }
    events++;
    sink.accept(decoder.event());
  }

  ReaderStats stats() {
    return new ReaderStats(linesRead, blankLines, events, rejected, 0,
        decoder.argProblems() - argProblemsOfRejected, bytesRead);
  }
}
