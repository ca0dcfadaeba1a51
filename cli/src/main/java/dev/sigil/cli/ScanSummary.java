package dev.sigil.cli;

import dev.sigil.core.EngineStats;
import dev.sigil.core.SignatureStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a scan did, for the summary at its end.
 *
 * @param input the input's name
 * @param inputFormat how the input was read ({@code tracee}, {@code docker-json}, {@code cri})
 * @param complete whether the input was read to its end and every finding written (not
 *     stopped, no read or write failure)
 * @param events events read and evaluated
 * @param rejected input lines rejected
 * @param findings findings written
 * @param findingsNotWritten findings the signatures reported that could not be written (a
 *     closed or blocked standard output)
 * @param suppressed findings deduplication suppressed
 * @param signatureErrors times a signature threw
 * @param dataProblems events a signature could not use (missing or undecodable arguments)
 * @param argProblems arguments the reader could not decode (they read as absent)
 * @param linesRead lines read, blank ones included
 * @param blankLines blank lines (skipped)
 * @param partialLines container-log lines joined into a later line
 * @param stderrLines container-log lines of the standard error stream, skipped
 * @param bytesRead bytes read
 * @param elapsedNanos how long the scan took
 * @param findingsBySignature findings written per signature id (a variant's own id), in the
 *     order the ids were first written; adds up to {@code findings}
 * @param rejectedByReason rejected lines per reason, adds up to {@code rejected}
 * @param countersBySignature every signature's own counters (what it holds, what it evicted,
 *     what it silenced), by signature id in registration order, for the signatures that have
 *     any
 */
record ScanSummary(
    String input,
    String inputFormat,
    boolean complete,
    long events,
    long rejected,
    long findings,
    long findingsNotWritten,
    long suppressed,
    long signatureErrors,
    long dataProblems,
    long argProblems,
    long linesRead,
    long blankLines,
    long partialLines,
    long stderrLines,
    long bytesRead,
    long elapsedNanos,
    Map<String, Long> findingsBySignature,
    Map<String, Long> rejectedByReason,
    Map<String, Map<String, Long>> countersBySignature) {

  ScanSummary {
    findingsBySignature = Collections.unmodifiableMap(new LinkedHashMap<>(findingsBySignature));
    rejectedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason));
    Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    countersBySignature.forEach((id, values) ->
        counters.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
    countersBySignature = Collections.unmodifiableMap(counters);
  }

  static ScanSummary of(String input, String inputFormat, boolean complete,
      EventSource.SourceStats source, EngineStats engine, long written, long notWritten,
      Map<String, Long> findingsBySignature, Map<String, Long> rejectedByReason, long elapsedNanos) {
    return new ScanSummary(input, inputFormat, complete, source.events(), source.rejected(), written,
        notWritten, engine.suppressed(), engine.errors(), engine.dataProblems(), source.argProblems(),
        source.linesRead(), source.blankLines(), source.partialLines(), source.stderrLines(),
        source.bytesRead(), elapsedNanos, findingsBySignature, rejectedByReason, counters(engine));
  }

  private static Map<String, Map<String, Long>> counters(EngineStats engine) {
    Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    for (SignatureStats signature : engine.signatures().values()) {
      if (!signature.counters().isEmpty()) {
        counters.put(signature.id(), signature.counters());
      }
    }
    return counters;
  }

  long eventsPerSecond() {
    return elapsedNanos > 0 ? Math.round(events * 1e9 / elapsedNanos) : 0;
  }

  /**
   * Says what probably went wrong when most lines were rejected (at least 10, and more
   * rejected lines than events): an input that is mostly not Tracee's must not read like a
   * clean scan.
   *
   * @return the hint, or null when the input looks right
   */
  @Nullable String hint() {
    if (rejected < 10 || rejected <= events) {
      return null;
    }
    String top = "";
    long topCount = -1;
    for (Map.Entry<String, Long> e : rejectedByReason.entrySet()) {
      if (e.getValue() > topCount) {
        top = e.getKey();
        topCount = e.getValue();
      }
    }
    String why;
    if (top.startsWith("not a Tracee event")) {
      why = "the lines are JSON but not Tracee events: is this Tracee's own output"
          + " (tracee --output json)? For container logs use --input-format docker-json or cri"
          + " (or auto); Sigil's own findings are no input";
    } else if (top.startsWith("not a Docker") || top.startsWith("not a CRI")) {
      why = "the lines are not in the --input-format given: try --input-format auto";
    } else if (top.contains("UTF-8") || top.contains("malformed") || top.contains("not a JSON")
        || top.contains("truncated")) {
      why = "the input is not JSON lines: is it Tracee's --output json (not its table output,"
          + " a compressed or binary file)? A container log needs --input-format auto, docker-json"
          + " or cri";
    } else {
      why = "check that this is Tracee's --output json";
    }
    return "most lines were rejected (" + rejected + " of " + (rejected + events) + ", mostly '"
        + top + "'): " + why;
  }
}
