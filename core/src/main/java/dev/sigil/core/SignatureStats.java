package dev.sigil.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One signature's statistics.
 *
 * @param id the signature's id
 * @param events events dispatched to it
 * @param findings findings it made that reached the listener
 * @param suppressed findings deduplication suppressed
 * @param errors times it threw
 * @param dataProblems events it could not judge because of missing or malformed data
 * @param counters its own counters (see {@link SignatureContext#counter(String)}), in the order
 *     it made them
 */
public record SignatureStats(
    String id,
    long events,
    long findings,
    long suppressed,
    long errors,
    long dataProblems,
    Map<String, Long> counters) {

  /** Freezes the counters, keeping the order in which the signature made them.
   *
   * @param id see the record component
   * @param events see the record component
   * @param findings see the record component
   * @param suppressed see the record component
   * @param errors see the record component
   * @param dataProblems see the record component
   * @param counters see the record component
   */
  public SignatureStats {
    counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
  }
}
