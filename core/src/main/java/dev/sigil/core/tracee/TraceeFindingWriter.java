package dev.sigil.core.tracee;

import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import java.io.Closeable;
import java.io.OutputStream;

/**
 * Writes findings as JSON lines in Tracee's finding-event shape. SKELETON: implemented by issue #3.
 */
public final class TraceeFindingWriter implements FindingListener, Closeable {
  /**
   * Creates a writer.
   *
   * @param out where to write; closed by {@link #close()}
   * @param flushEachLine whether to flush after each finding (for pipes and live alerting)
   */
  public TraceeFindingWriter(OutputStream out, boolean flushEachLine) {}

  /**
   * Writes one finding as one line.
   *
   * @param finding the finding
   * @throws java.io.UncheckedIOException when writing fails
   */
  @Override
  public void onFinding(Finding finding) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Flushes and closes the output. */
  @Override
  public void close() {}
}
