package dev.sigil.core;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;

/**
 * What a signature found: immutable and self-contained, safe to keep and to hand to other
 * threads.
 *
 * @param metadata the metadata it was reported under (the signature's, or a variant's)
 * @param severity the severity actually reported
 * @param event a snapshot of the triggering event
 * @param data what the finding says, in insertion order; when deduplication suppressed earlier
 *     repeats, it ends with {@code suppressedCount} (long) and {@code lastSuppressedAt} (event
 *     time of the last suppressed repeat, nanoseconds since the epoch)
 * @param detectedAt when the engine made the finding (wall clock)
 */
public record Finding(
    SignatureMetadata metadata,
    Severity severity,
    EventSnapshot event,
    ImmutableMap<String, Object> data,
    Instant detectedAt) {

  /**
   * Returns the event time of the triggering event.
   *
   * @return nanoseconds since the epoch
   */
  public long eventTime() {
    return event.timestamp();
  }
}
