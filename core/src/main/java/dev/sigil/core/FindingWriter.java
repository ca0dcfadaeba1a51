package dev.sigil.core;

import java.io.Closeable;
import java.io.Flushable;

/**
 * A {@link FindingListener} that writes each finding to an output stream as one line of JSON
 * (JSON Lines: one value per line, each ending with a newline, nothing between them).
 *
 * <p>Sigil's writers are {@code dev.sigil.core.tracee.TraceeFindingWriter} (Tracee's finding
 * events) and {@code dev.sigil.core.ocsf.OcsfFindingWriter} (OCSF Detection Findings);
 * {@code dev.sigil.core.output.FindingFormat} picks one by name.
 *
 * <p><b>The stream stays yours.</b> A writer never closes the stream it was given:
 * {@link #close()} writes what is pending and flushes the stream, and the caller closes what it
 * opened. So wrapping {@code System.out} is safe.
 *
 * <p><b>Lines are whole.</b> A line reaches the stream only once it is complete; a finding that
 * cannot be written leaves nothing behind, and the next line starts clean.
 *
 * <p><b>Threading.</b> Every method may be called from any thread: each call completes on its
 * own, so several engines on several threads may share one writer and their lines never
 * interleave (their order across engines is the order the calls were made).
 *
 * <p><b>Failures.</b> A stream that fails makes {@link #onFinding} throw
 * {@link java.io.UncheckedIOException} naming the signature; an engine hands that to its caller
 * as a {@link FindingDeliveryException}.
 */
public interface FindingWriter extends FindingListener, Closeable, Flushable {
  /**
   * Writes one finding as one line.
   *
   * @param finding the finding
   * @throws java.io.UncheckedIOException when the stream fails
   * @throws IllegalStateException when the writer is closed
   */
  @Override
  void onFinding(Finding finding);

  /**
   * Writes the pending lines and flushes the stream.
   *
   * @throws java.io.UncheckedIOException when the stream fails
   */
  @Override
  void flush();

  /**
   * Writes the pending lines and flushes the stream, which stays open; later findings are
   * refused. Idempotent.
   *
   * @throws java.io.UncheckedIOException when the final flush fails (the writer is closed all
   *     the same)
   */
  @Override
  void close();
}
