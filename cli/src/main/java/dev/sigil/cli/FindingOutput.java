package dev.sigil.cli;

import dev.sigil.core.FindingListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a scan's findings go: the listener the engine reports to, and how to finish it (flush,
 * close) at the end.
 *
 * @param listener receives each finding; writes and flushes it
 * @param closer flushes and closes the output at the end
 */
record FindingOutput(FindingListener listener, Closeable closer) {
  /**
   * Flushes and closes.
   *
   * @throws UncheckedIOException when that fails
   */
  void close() {
    try {
      closer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
