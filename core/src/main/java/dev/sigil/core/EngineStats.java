package dev.sigil.core;

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
 */
public record EngineStats(
    long events,
    long findings,
    long suppressed,
    long errors,
    long dataProblems,
    long dedupKeys,
    long dedupEvictions,
    Map<String, SignatureStats> signatures) {}
