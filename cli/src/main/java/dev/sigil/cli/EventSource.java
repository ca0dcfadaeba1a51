package dev.sigil.cli;

import dev.sigil.core.Event;
import java.io.IOException;
import java.util.function.Consumer;

/** Where a scan's events come from: Tracee's JSON lines, bare or inside container log lines. */
interface EventSource {
  /**
   * Reads to the end of the input, or until {@link #stop()}, handing each event to the sink.
   *
   * @param sink receives each event, a view valid during the call
   * @throws IOException when reading fails
   */
  void read(Consumer<? super Event> sink) throws IOException;

  /** Asks {@link #read} to return after the current line; callable from any thread. */
  void stop();

  /**
   * Returns the counts so far.
   *
   * @return the counts
   */
  SourceStats stats();

  /**
   * What a source read.
   *
   * @param linesRead lines of the input, blank ones included
   * @param blankLines blank lines (skipped)
   * @param events events handed on
   * @param rejected lines rejected
   * @param skipped lines left undecoded because no signature selects their event
   * @param argProblems arguments that read as absent
   * @param bytesRead bytes of the input consumed
   * @param partialLines container-log lines that were the first parts of a longer line, joined
   *     into the line that completed it
   * @param stderrLines container-log lines of the standard error stream (Tracee's own logs), skipped
   */
  record SourceStats(long linesRead, long blankLines, long events, long rejected, long skipped,
      long argProblems, long bytesRead, long partialLines, long stderrLines) {}
}
