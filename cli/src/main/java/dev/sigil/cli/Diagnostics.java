package dev.sigil.cli;

import dev.sigil.core.SignatureError;
import dev.sigil.core.tracee.Rejection;
import java.io.PrintStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scan says on standard error, in order: rejected lines, signature errors and
 * messages as they happen (each on its own line, the progress line erased first), then the
 * summary, which is always the last line(s): nothing is printed after it.
 *
 * <p>Nothing from the input reaches the terminal raw: every line is escaped
 * ({@link Terminal#escape}). Rejected lines and each signature's errors are printed for the
 * first {@value #MAX_REJECTION_LINES} and {@value #MAX_ERROR_LINES_PER_SIGNATURE} only and then
 * counted, so that a file of garbage cannot fill a disk or a journal through standard error;
 * rejections are counted by reason for the summary.
 *
 * <p>Called from the reading thread, the finding writer and, on SIGINT/SIGTERM, the stop
 * thread; hence synchronized.
 */
final class Diagnostics {
  /** A signature failing on every event must not drown the rejected lines; the rest is counted. */
  static final int MAX_ERROR_LINES_PER_SIGNATURE = 100;
  /** Rejected lines printed one by one; the rest are counted by reason. */
  static final int MAX_REJECTION_LINES = 100;
  /** Distinct rejection reasons counted apart; further ones count as {@link #OTHER_REASONS}. */
  static final int MAX_REASONS = 64;
  static final String OTHER_REASONS = "other reasons";
  private static final Pattern POSITION = Pattern.compile("\\b(byte|offset|column|line|index) \\d+");

  private final PrintStream err;
  private final @Nullable ProgressLine progress;
  private final Map<String, Integer> errorLines = new HashMap<>();
  private final Map<String, Long> rejectedByReason = new LinkedHashMap<>();
  private long rejections;
  private boolean summarised;

  Diagnostics(PrintStream err, @Nullable ProgressLine progress) {
    this.err = err;
    this.progress = progress;
  }

  synchronized void rejected(Rejection rejection) {
    rejections++;
    // A position in the reason (malformed JSON near byte 4) would make every line a reason of its own.
    String reason = POSITION.matcher(rejection.reason()).replaceAll("$1 N");
    if (!rejectedByReason.containsKey(reason) && rejectedByReason.size() >= MAX_REASONS) {
      reason = OTHER_REASONS;
    }
    rejectedByReason.merge(reason, 1L, Long::sum);
    if (rejections <= MAX_REJECTION_LINES) {
      line(rejection.toString());
    }
    if (rejections == MAX_REJECTION_LINES) {
      line("sigil scan: further rejected lines are only counted, by reason, in the summary");
    }
  }

  /** Rejected lines so far by reason, in the order the reasons first appeared. */
  synchronized Map<String, Long> rejectedByReason() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
  }

  synchronized void signatureError(SignatureError error) {
    int count = errorLines.merge(error.signatureId(), 1, Integer::sum);
    if (count <= MAX_ERROR_LINES_PER_SIGNATURE) {
      line(error.toString());
    }
    if (count == MAX_ERROR_LINES_PER_SIGNATURE) {
      line("signature " + error.signatureId() + ": further errors are only counted in the summary");
    }
  }

  synchronized void message(String text) {
    line(text);
  }

  synchronized void progress(long bytesRead, long events) {
    if (progress != null && !summarised) {
      progress.update(bytesRead, events);
    }
  }

  /**
   * Runs a write to standard output with the progress line erased and held off until the write
   * is done, for when both streams are the same terminal: a finding never shares a line with
   * the progress line.
   *
   * @param write the write
   */
  synchronized void clearProgressDuring(Runnable write) {
    if (progress != null) {
      progress.clear();
    }
    write.run();
  }

  /** Prints the summary, last; later lines (from a reader still running) are dropped. */
  synchronized void summary(String text) {
    for (String summaryLine : text.split("\\R", -1)) {
      line(summaryLine);
    }
    summarised = true;
  }

  private void line(String text) {
    if (summarised) {
      return;
    }
    if (progress != null) {
      progress.clear();
    }
    err.println(Terminal.escape(text));
  }
}
