package dev.sigil.flink;

/**
 * A finding as the detector emits it: rendered once, on the subtask that made it, ready for a
 * sink.
 *
 * @param node the node key of the engine that made it (a good Kafka record key for findings)
 * @param id the finding's deterministic id: the same finding replayed after a failure carries
 *     the same id, so a sink or SIEM can drop the copy
 * @param signatureId the id it was reported under (SGL-1002 apart from SGL-1001)
 * @param json the finding as one JSON object, without a newline, in the detector's
 *     {@link dev.sigil.core.output.FindingFormat}
 */
public record DetectedFinding(String node, String id, String signatureId, String json) {}
