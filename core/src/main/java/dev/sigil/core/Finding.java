package dev.sigil.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
 * @param node the node whose events the engine read ({@link Engine.Builder#node(String)}),
 *     empty for a single-node engine; part of the finding's {@link #id()}
 */
public record Finding(
    SignatureMetadata metadata,
    Severity severity,
    EventSnapshot event,
    Map<String, Object> data,
    Instant detectedAt,
    String node) {

  /**
   * Copies the data, keeping its order, into an unmodifiable map.
   *
   * @param metadata the metadata it was reported under
   * @param severity the severity actually reported
   * @param event a snapshot of the triggering event
   * @param data what the finding says, in the order to keep; no null keys or values
   * @param detectedAt when the engine made the finding
   * @param node the node, empty for a single-node engine
   * @throws NullPointerException when a key or value of the data is null, naming the key
   */
  public Finding {
    data = copyOf(data);
    Objects.requireNonNull(node, "node");
  }

  /**
   * Creates a finding of a single-node engine (node empty).
   *
   * @param metadata the metadata it was reported under
   * @param severity the severity actually reported
   * @param event a snapshot of the triggering event
   * @param data what the finding says, in the order to keep
   * @param detectedAt when the engine made the finding
   */
  public Finding(SignatureMetadata metadata, Severity severity, EventSnapshot event,
      Map<String, Object> data, Instant detectedAt) {
    this(metadata, severity, event, data, detectedAt, "");
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
   * Returns the finding's deterministic id: the same finding made again from the same events
   * (a replay after a failure, a re-run over the same file) has the same id, so a sink or SIEM
   * can drop the copy. It is a name-based (version 3) UUID, {@link UUID#nameUUIDFromBytes}, of
   * the UTF-8 text {@code sigil-finding-1}, the reported signature id, the node, and the
   * triggering event's timestamp, thread, process and parent entity ids in decimal, separated
   * by NUL characters. Two findings differ in id when their signature, node or triggering event
   * differs; a signature reporting twice on one event reports one id twice.
   *
   * @return the id
   */
  public UUID id() {
    String name = "sigil-finding-1\u0000" + metadata.id() + '\u0000' + node + '\u0000'
        + event.timestamp() + '\u0000' + event.threadEntityId() + '\u0000'
        + event.processEntityId() + '\u0000' + event.parentEntityId();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
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
