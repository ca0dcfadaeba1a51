package dev.sigil.examples.agent;

import dev.sigil.core.EngineStats;
import dev.sigil.core.SignatureStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the statistics of several engines (a partition's, one per node): every figure is
 * summed, per signature and per counter too, keeping the order in which ids and counters first
 * appear.
 */
final class EngineStatsSum {
  /** No engine at all. */
  static final EngineStats ZERO = new EngineStats(0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

  private EngineStatsSum() {}

  static EngineStats of(EngineStats a, EngineStats b) {
    Map<String, SignatureStats> signatures = new LinkedHashMap<>(a.signatures());
    b.signatures().forEach((id, s) -> signatures.merge(id, s, EngineStatsSum::of));
    Map<String, Long> findingsById = new LinkedHashMap<>(a.findingsById());
    b.findingsById().forEach((id, n) -> findingsById.merge(id, n, Long::sum));
    return new EngineStats(a.events() + b.events(), a.findings() + b.findings(),
        a.suppressed() + b.suppressed(), a.errors() + b.errors(),
        a.dataProblems() + b.dataProblems(), a.dedupKeys() + b.dedupKeys(),
        a.dedupEvictions() + b.dedupEvictions(), signatures, findingsById);
  }

  private static SignatureStats of(SignatureStats a, SignatureStats b) {
    Map<String, Long> counters = new LinkedHashMap<>(a.counters());
    b.counters().forEach((name, n) -> counters.merge(name, n, Long::sum));
    return new SignatureStats(a.id(), a.events() + b.events(), a.findings() + b.findings(),
        a.suppressed() + b.suppressed(), a.errors() + b.errors(),
        a.dataProblems() + b.dataProblems(), counters);
  }
}
