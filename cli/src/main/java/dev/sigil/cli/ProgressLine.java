package dev.sigil.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line for people watching a file being scanned: bytes read of the total, events
 * and events per second, redrawn in place ({@code \r}) at most four times a second, and
 * cleared before anything else is printed. Only for a terminal and a file of known size
 * ({@link #wanted}): a pipe has no total, and a log file must not fill with carriage returns.
 */
final class ProgressLine {
  static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final PrintStream err;
  private final long totalBytes;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private long lastDrawn;
  private int shownWidth;

  ProgressLine(PrintStream err, long totalBytes, LongSupplier nanoTime) {
    this.err = err;
    this.totalBytes = totalBytes;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastDrawn = startNanos;
  }

  /**
   * Decides whether a scan shows progress.
   *
   * @param stderrIsTerminal whether standard error is a terminal
   * @param inputIsRegularFile whether the input is a regular file (not standard input, not a pipe)
   * @return true only when both hold
   */
  static boolean wanted(boolean stderrIsTerminal, boolean inputIsRegularFile) {
    return stderrIsTerminal && inputIsRegularFile;
  }

  /** Redraws the line if the last drawing is at least {@link #INTERVAL_NANOS} old. */
  void update(long bytesRead, long events) {
    long now = nanoTime.getAsLong();
    if (now - lastDrawn < INTERVAL_NANOS) {
      return;
    }
    lastDrawn = now;
    String line = format(bytesRead, totalBytes, events, now - startNanos);
    StringBuilder draw = new StringBuilder(line.length() + shownWidth + 1).append('\r').append(line);
    for (int i = line.length(); i < shownWidth; i++) {
      draw.append(' ');
    }
    err.print(draw);
    err.flush();
    shownWidth = line.length();
  }

  /** Erases the line, if one is shown, leaving the cursor at the start of an empty line. */
  void clear() {
    if (shownWidth == 0) {
      return;
    }
    err.print("\r" + " ".repeat(shownWidth) + "\r");
    err.flush();
    shownWidth = 0;
  }

  static String format(long bytesRead, long totalBytes, long events, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    long rate = seconds > 0 ? Math.round(events / seconds) : 0;
    String percent = totalBytes > 0
        ? String.format(Locale.ROOT, " (%.0f%%)", Math.min(100.0, 100.0 * bytesRead / totalBytes))
        : "";
    return String.format(Locale.ROOT, "%s / %s%s  %,d events  %,d events/s",
        bytes(bytesRead), bytes(totalBytes), percent, events, rate);
  }

  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = count;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s",
        value, units[unit]);
  }
}
