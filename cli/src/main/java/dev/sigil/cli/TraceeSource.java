package dev.sigil.cli;

import dev.sigil.core.Event;
import dev.sigil.core.tracee.ReaderStats;
import dev.sigil.core.tracee.RejectionListener;
import dev.sigil.core.tracee.TraceeReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Tracee's JSON lines, straight into the reader: the fast path. */
final class TraceeSource implements EventSource {
  private final InputStream in;
  private final TraceeReader reader;

  /**
   * Creates the source.
   *
   * @param in the input
   * @param rejections where rejected lines go
   * @param decoding the reader's configuration: threads, lines to skip
   */
  TraceeSource(InputStream in, RejectionListener rejections, TraceeReader.Builder decoding) {
    this.in = in;
    this.reader = decoding.onRejection(rejections).build();
  }

  @Override
  public void read(Consumer<? super Event> sink) throws IOException {
    reader.read(in, sink);
  }

  @Override
  public void stop() {
    reader.stop();
  }

  @Override
  public SourceStats stats() {
    ReaderStats s = reader.stats();
    return new SourceStats(s.linesRead(), s.blankLines(), s.events(), s.rejected(), s.skipped(),
        s.argProblems(), s.bytesRead(), 0, 0);
  }
}
