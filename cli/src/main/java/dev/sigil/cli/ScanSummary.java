package dev.sigil.cli;

import dev.sigil.core.EngineStats;
import dev.sigil.core.tracee.ReaderStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scan did, for the summary at its end.
 *
 * @param input the input's name
 * @param complete whether the input was read to its end (not stopped, no read or write failure)
 * @param events events read and evaluated
 * @param rejected input lines rejected
 * @param findings findings written
 * @param suppressed findings deduplication suppressed
 * @param signatureErrors times a signature threw
 * @param skipped input lines left undecoded because no signature selects their event (none with
 *     {@code --strict})
 * @param dataProblems events a signature could not use (missing or undecodable arguments)
 * @param argProblems arguments the reader could not decode (they read as absent)
 * @param linesRead lines read, blank ones included
 * @param blankLines blank lines (skipped)
 * @param bytesRead bytes read
 * @param elapsedNanos how long the scan took
 * @param findingsBySignature findings written per signature id (a variant's own id), in the
 *     order the ids first fired
 */
record ScanSummary(
    String input,
    boolean complete,
    long events,
    long rejected,
    long findings,
    long suppressed,
    long signatureErrors,
    long skipped,
    long dataProblems,
    long argProblems,
    long linesRead,
    long blankLines,
    long bytesRead,
    long elapsedNanos,
    Map<String, Long> findingsBySignature) {

  ScanSummary {
    findingsBySignature = Collections.unmodifiableMap(new LinkedHashMap<>(findingsBySignature));
  }

  static ScanSummary of(String input, boolean complete, ReaderStats reader, EngineStats engine,
      Map<String, Long> findingsBySignature, long elapsedNanos) {
    return new ScanSummary(input, complete, reader.events(), reader.rejected(), engine.findings(),
        engine.suppressed(), engine.errors(), reader.skipped(), engine.dataProblems(), reader.argProblems(),
        reader.linesRead(), reader.blankLines(), reader.bytesRead(), elapsedNanos,
        findingsBySignature);
  }

  long eventsPerSecond() {
    return elapsedNanos > 0 ? Math.round(events * 1e9 / elapsedNanos) : 0;
  }
}
