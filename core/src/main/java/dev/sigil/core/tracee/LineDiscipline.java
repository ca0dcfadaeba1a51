package dev.sigil.core.tracee;

import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.internal.LineScan;
import dev.sigil.core.internal.Utf8;

/**
 * What becomes of one line: blank, an event, skipped, or rejected and why. Wraps the field
 * decoder with the rules that hold for a line as a whole: a blank line is only counted, a line
 * longer than the limit is rejected as such (whatever else is wrong with it), then a line that is
 * not UTF-8, then whatever the decoder found, then (when required) an object that is no Tracee
 * event ({@link TraceeReader#notTracee}). One per thread that decodes.
 */
final class LineDiscipline {
  private final int maxLineBytes;
  private final boolean requireEventFields;
  private final String tooLong;
  private final TraceeLineDecoder decoder;

  private int end;
  private String reason = "";

  LineDiscipline(int maxLineBytes, boolean requireEventFields, TraceeLineDecoder decoder) {
    this.maxLineBytes = maxLineBytes;
    this.requireEventFields = requireEventFields;
    this.tooLong = tooLongReason(maxLineBytes);
    this.decoder = decoder;
  }

  static String tooLongReason(int maxLineBytes) {
    return "line longer than " + maxLineBytes + " bytes";
  }

  /**
   * Decodes the line at {@code start}.
   *
   * @param bytes the bytes; a {@code '\n'} must follow the line in them
   * @param start the line's first byte
   * @param into receives the line's event
   * @return {@link TraceeLineDecoder#EVENT}, {@code SKIPPED}, {@code BLANK} or {@code REJECTED}
   *     ({@link #reason()})
   */
  int line(byte[] bytes, int start, MutableEvent into) {
    int outcome = decoder.decode(bytes, start, into);
    if (outcome == TraceeLineDecoder.REJECTED) {
      long scanned = LineScan.scan(bytes, start, bytes.length);
      end = (int) scanned;
      if (end - start > maxLineBytes) {
        reason = tooLong;
      } else if (scanned < 0 && !Utf8.isValid(bytes, start, end)) {
        reason = "invalid UTF-8";
      } else {
        reason = decoder.reason();
      }
      return outcome;
    }
    end = decoder.lineEnd();
    if (outcome != TraceeLineDecoder.BLANK && end - start > maxLineBytes) {
      reason = tooLong;
      return TraceeLineDecoder.REJECTED;
    }
    if (outcome == TraceeLineDecoder.EVENT && requireEventFields) {
      String notTracee = TraceeReader.notTracee(into);
      if (notTracee != null) {
        reason = notTracee;
        return TraceeLineDecoder.REJECTED;
      }
    }
    return outcome;
  }

  /** The index of the last line's {@code '\n'}. */
  int end() {
    return end;
  }

  /** Why the last line was rejected. */
  String reason() {
    return reason;
  }

  /** Arguments of the last event that read as absent or contradicted their declared type. */
  int argProblems() {
    return decoder.lineArgProblems();
  }
}
