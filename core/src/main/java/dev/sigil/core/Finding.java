package dev.sigil.core;

import com.google.common.collect.ImmutableMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

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
 * @param node the node whose events the engine read ({@link Engine.Builder#node(String)}),
 *     empty for a single-node engine; part of the finding's {@link #id()}
 */
public record Finding(
    SignatureMetadata metadata,
    Severity severity,
    EventSnapshot event,
    ImmutableMap<String, Object> data,
    Instant detectedAt,
    String node) {

  /**
   * Checks the node.
   *
   * @param metadata the metadata it was reported under
   * @param severity the severity actually reported
   * @param event a snapshot of the triggering event
   * @param data what the finding says
   * @param detectedAt when the engine made the finding
   * @param node the node, empty for a single-node engine
   */
  public Finding {
    Objects.requireNonNull(node, "node");
  }

  /**
   * Creates a finding of a single-node engine (node empty).
   *
   * @param metadata the metadata it was reported under
   * @param severity the severity actually reported
   * @param event a snapshot of the triggering event
   * @param data what the finding says
   * @param detectedAt when the engine made the finding
   */
  public Finding(SignatureMetadata metadata, Severity severity, EventSnapshot event,
      ImmutableMap<String, Object> data, Instant detectedAt) {
    this(metadata, severity, event, data, detectedAt, "");
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
