package dev.sigil.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An engine's statistics at one moment.
 *
 * @param events events accepted
 * @param findings findings delivered to the listener
 * @param suppressed findings deduplication suppressed
 * @param errors signature failures
 * @param dataProblems signature-level data problems
 * @param dedupKeys keys the deduplicator holds now
 * @param dedupEvictions keys the deduplicator evicted (least recently used) to stay in bounds
 * @param signatures per-signature statistics, by id, in registration order
 * @param findingsById findings delivered to the listener by the id they were reported under, so
 *     a variant (SGL-1002) counts apart from its signature (SGL-1001): every registered
 *     signature's id and declared {@link Signature#variants() variant} id in registration order
 *     (zero until one is made), then ids of undeclared variants as they were first reported
 */
public record EngineStats(
    long events,
    long findings,
    long suppressed,
    long errors,
    long dataProblems,
    long dedupKeys,
    long dedupEvictions,
    Map<String, SignatureStats> signatures,
    Map<String, Long> findingsById) {

  /**
   * Freezes the maps, keeping their order.
   *
   * @param events events accepted
   * @param findings findings delivered to the listener
   * @param suppressed findings deduplication suppressed
   * @param errors signature failures
   * @param dataProblems signature-level data problems
   * @param dedupKeys keys the deduplicator holds now
   * @param dedupEvictions keys the deduplicator evicted
   * @param signatures per-signature statistics, by id
   * @param findingsById findings by the id they were reported under
   */
  public EngineStats {
    signatures = Collections.unmodifiableMap(new LinkedHashMap<>(signatures));
    findingsById = Collections.unmodifiableMap(new LinkedHashMap<>(findingsById));
  }
}
