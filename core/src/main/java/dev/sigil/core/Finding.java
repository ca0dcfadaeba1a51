package dev.sigil.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a signature found: immutable and self-contained, safe to keep and to hand to other
 * threads.
 *
 * @param metadata the metadata it was reported under (the signature's, or a variant's)
 * @param severity the severity actually reported
 * @param event a snapshot of the triggering event
 * @param data what the finding says: an unmodifiable map that iterates in the order the
 *     signature put the entries (as a {@link LinkedHashMap} does); when deduplication suppressed
 *     earlier repeats, it ends with {@code suppressedCount} (long) and {@code lastSuppressedAt}
 *     (event time of the last suppressed repeat, nanoseconds since the epoch)
 * @param detectedAt when the engine made the finding (wall clock)
 */
public record Finding(
    SignatureMetadata metadata,
    Severity severity,
    EventSnapshot event,
    Map<String, Object> data,
    Instant detectedAt) {

  /**
   * Copies the data, keeping its order, into an unmodifiable map.
   *
   * @param metadata the metadata it was reported under
   * @param severity the severity actually reported
   * @param event a snapshot of the triggering event
   * @param data what the finding says, in the order to keep; no null keys or values
   * @param detectedAt when the engine made the finding
   * @throws NullPointerException when a key or value of the data is null, naming the key
   */
  public Finding {
    data = copyOf(data);
  }

  private static Map<String, Object> copyOf(Map<String, ?> data) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, data.size() * 2));
    for (Map.Entry<String, ?> entry : data.entrySet()) {
      String key = Objects.requireNonNull(entry.getKey(), "a finding's data has a null key");
      copy.put(key, Objects.requireNonNull(entry.getValue(),
          () -> "a finding's data has a null value for '" + key + "'"));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the event time of the triggering event.
   *
   * @return nanoseconds since the epoch
   */
  public long eventTime() {
    return event.timestamp();
  }
}
