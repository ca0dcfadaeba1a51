package dev.sigil.cli;

import dev.sigil.core.SignatureError;
import dev.sigil.core.tracee.Rejection;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scan says on standard error, in order: rejected lines, signature errors and
 * messages as they happen (each on its own line, the progress line erased first), then the
 * summary, which is always the last line(s): nothing is printed after it.
 *
 * <p>Called from the reading thread and, on SIGINT/SIGTERM, from the stop thread; hence
 * synchronized.
 */
final class Diagnostics {
  /** A signature failing on every event must not drown the rejected lines; the rest is counted. */
  static final int MAX_ERROR_LINES_PER_SIGNATURE = 100;

  private final PrintStream err;
  private final @Nullable ProgressLine progress;
  private final Map<String, Integer> errorLines = new HashMap<>();
  private boolean summarised;

  Diagnostics(PrintStream err, @Nullable ProgressLine progress) {
    this.err = err;
    this.progress = progress;
  }

  synchronized void rejected(Rejection rejection) {
    line(rejection.toString());
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

  /** Prints the summary, last; later lines (from a reader still running) are dropped. */
  synchronized void summary(String text) {
    line(text);
    summarised = true;
  }

  private void line(String text) {
    if (summarised) {
      return;
    }
    if (progress != null) {
      progress.clear();
    }
    err.println(text);
  }
}
