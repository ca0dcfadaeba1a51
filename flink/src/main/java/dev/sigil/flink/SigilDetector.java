package dev.sigil.flink;

import dev.sigil.core.output.FindingFormat;
import dev.sigil.flink.internal.NodeBatch;
import dev.sigil.flink.internal.NodeBatchSerializer;
import dev.sigil.flink.internal.NodeBatcher;
import dev.sigil.flink.internal.PointerLookup;
import dev.sigil.flink.internal.SigilOperator;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Sigil's detector for Apache Flink: Tracee events in, findings out, one engine per node, each
 * node's state in Flink's checkpoints.
 *
 * <pre>{@code
 * DataStream<InputRecord> records = env.fromSource(kafkaSource, noWatermarks(), "tracee");
 * SigilDetector.Result result = SigilDetector.builder()
 *     .signatures(SignatureSet.builtIn())
 *     .nodeKey(NodeKey.recordKey())
 *     .format(FindingFormat.OCSF)
 *     .build()
 *     .apply(records);
 * result.findings().sinkTo(kafkaSink);              // DetectedFinding: node, id, signature, json
 * result.rejected().print();                        // RejectedRecord: where and why, no content
 * }</pre>
 *
 * <p><b>Topology.</b> A routing function, chained to the source, gives each record its node key
 * ({@link NodeKey}), unwraps the event from a shipper's wrapper, and appends the record to its
 * node's pending batch ({@link Builder#batching(int, Duration)}); the stream of batches is keyed
 * by node; a keyed operator decodes each record with a Tracee reader and feeds the node's own
 * engine, in the order the node's records arrive (a Kafka partition's order when the shipper
 * keys records by node). Batching makes one element of Flink's keyed exchange carry tens of
 * events, so that serialization, key-group routing and the keyed operator's per-element work
 * are paid once per batch, not once per event; a batch waits at most 50 ms by default, and
 * every pending batch is sent before each checkpoint barrier. Findings are rendered on the
 * detector's subtask with core's writers: the bytes {@code sigil scan} prints.
 *
 * <p><b>State.</b> Each node's engine state (deduplication, learned profiles, first-seen times,
 * the inode index, per-container tables) is keyed state under the node key, written at each
 * checkpoint for the engines that changed; restores, failovers and rescaling hand every node its
 * own state. At most {@link Builder#maxEnginesPerSubtask(int)} engines stay in memory per subtask
 * (least recently used ones are saved and dropped, and restored when their node sends again).
 *
 * <p><b>Replays.</b> After a failure Flink replays from the last checkpoint, so findings are
 * at-least-once; each carries a deterministic {@link DetectedFinding#id()}, the same on every
 * replay, for a sink or SIEM to drop copies (or use a transactional sink).
 *
 * <p><b>Metrics</b> per subtask, in the keyed operator's group: {@code events},
 * {@code rejected}, {@code skipped} (lines of events no signature selects, not decoded, as
 * {@code sigil scan} skips them), {@code findings}, {@code suppressed}, {@code signatureErrors},
 * {@code engineRestores}, {@code engineEvictions}; the routing function counts {@code rejected}
 * records it could not route. The same totals are job accumulators ({@link #EVENTS} and so on).
 */
public final class SigilDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The side output of rejected records and lines. */
  public static final OutputTag<RejectedRecord> REJECTED =
      new OutputTag<>("sigil-rejected", TypeInformation.of(RejectedRecord.class));

  /** Accumulator: events decoded and matched. */
  public static final String EVENTS = "sigil.events";
  /** Accumulator: lines the Tracee reader rejected. */
  public static final String REJECTED_LINES = "sigil.rejected";
  /** Accumulator: lines skipped undecoded because no signature selects their event. */
  public static final String SKIPPED = "sigil.skipped";
  /** Accumulator: records the routing function rejected (no node key, no event). */
  public static final String UNROUTED = "sigil.unrouted";
  /** Accumulator: findings emitted. */
  public static final String FINDINGS = "sigil.findings";
  /** Accumulator: findings deduplication suppressed. */
  public static final String SUPPRESSED = "sigil.suppressed";
  /** Accumulator: signature failures (isolated, counted). */
  public static final String SIGNATURE_ERRORS = "sigil.signatureErrors";

  /** A node's batch is sent at this many records, whatever its size. */
  private static final int BATCH_RECORDS = 1024;
  /** All pending batches together: beyond, every one is sent. */
  private static final long BUFFERED_BYTES = 4L << 20;

  private final SignatureSet signatures;
  private final EngineConfigurer configurer;
  private final NodeKey nodeKey;
  private final @Nullable String eventAt;
  private final FindingFormat format;
  private final int maxEngines;
  private final int maxLineBytes;
  private final int batchBytes;
  private final Duration maxDelay;
  private final String uidPrefix;

  private SigilDetector(Builder b) {
    this.signatures = b.signatures;
    this.configurer = b.configurer;
    this.nodeKey = b.nodeKey;
    this.eventAt = b.eventAt;
    this.format = b.format;
    this.maxEngines = b.maxEngines;
    this.maxLineBytes = b.maxLineBytes;
    this.batchBytes = b.batchBytes;
    this.maxDelay = b.maxDelay;
    this.uidPrefix = b.uidPrefix;
  }

  /**
   * Starts configuring a detector.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds the detector to a pipeline.
   *
   * @param records the records, one Tracee event each (or several lines, or a wrapper)
   * @return the findings stream and the rejected-records stream
   */
  public Result apply(DataStream<InputRecord> records) {
    // At the input's parallelism, so that it chains to the source: one reader's records reach
    // one routing function in their order (at another parallelism Flink would deal them out
    // round-robin, and a node's records from two routing subtasks could overtake each other on
    // their way to its engine), and no record is serialized before it is batched.
    SingleOutputStreamOperator<NodeBatch> routed = records
        .transform("Sigil: node key", NodeBatchSerializer.TYPE, new NodeBatcher(nodeKey, eventAt,
            REJECTED, batchBytes, BATCH_RECORDS, BUFFERED_BYTES, maxDelay.toMillis()))
        .setParallelism(records.getParallelism())
        .uid(uidPrefix + "-route");
    SingleOutputStreamOperator<DetectedFinding> findings = routed
        .keyBy(new ByNode(), Types.STRING)
        .transform("Sigil: detect", TypeInformation.of(DetectedFinding.class),
            new SigilOperator(signatures, configurer, format, REJECTED, maxEngines, maxLineBytes))
        .uid(uidPrefix + "-detect");
    DataStream<RejectedRecord> rejected =
        routed.getSideOutput(REJECTED).union(findings.getSideOutput(REJECTED));
    return new Result(findings, rejected);
  }

  /**
   * What {@link #apply(DataStream)} adds.
   *
   * @param findings the findings, one per element
   * @param rejected the records and lines that were rejected: no node key, no event, not a
   *     Tracee event (reason and position, never content)
   */
  public record Result(SingleOutputStreamOperator<DetectedFinding> findings,
      DataStream<RejectedRecord> rejected) {}

  /** The key selector: the node key the routing function set. */
  private static final class ByNode implements KeySelector<NodeBatch, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(NodeBatch batch) {
      return batch.node();
    }
  }

  /** Configures a {@link SigilDetector}. */
  public static final class Builder {
    private SignatureSet signatures = SignatureSet.builtIn();
    private EngineConfigurer configurer = EngineConfigurer.defaults();
    private NodeKey nodeKey = NodeKey.recordKey();
    private @Nullable String eventAt;
    private FindingFormat format = FindingFormat.TRACEE;
    private int maxEngines = 1024;
    private int maxLineBytes = 1 << 20;
    private int batchBytes = 32 << 10;
    private Duration maxDelay = Duration.ofMillis(50);
    private String uidPrefix = "sigil";

    private Builder() {}

    /**
     * Sets the signatures each node's engine runs; by default every built-in one.
     *
     * @param value makes a fresh set per engine
     * @return this builder
     */
    public Builder signatures(SignatureSet value) {
      this.signatures = Objects.requireNonNull(value, "signatures");
      return this;
    }

    /**
     * Configures each engine (e.g. {@code b -> b.dedupWindow(Duration.ofHours(12))}).
     *
     * @param value the configurer
     * @return this builder
     */
    public Builder engine(EngineConfigurer value) {
      this.configurer = Objects.requireNonNull(value, "engine");
      return this;
    }

    /**
     * Sets where each record's node comes from; by default the record key.
     *
     * @param value the node key
     * @return this builder
     */
    public Builder nodeKey(NodeKey value) {
      this.nodeKey = Objects.requireNonNull(value, "nodeKey");
      return this;
    }

    /**
     * Says where the Tracee event is inside a shipper's JSON wrapper: an RFC 6901 pointer to a
     * string holding the event's JSON line (Docker's json-file {@code /log}) or to the event as
     * an object. By default the record is the event.
     *
     * @param pointer e.g. {@code /log}
     * @return this builder
     * @throws IllegalArgumentException when the pointer is malformed
     */
    public Builder eventAt(String pointer) {
      PointerLookup.parse(pointer);
      this.eventAt = pointer;
      return this;
    }

    /**
     * Sets how findings are rendered, with core's writers; Tracee's finding events by default.
     *
     * @param value the format
     * @return this builder
     */
    public Builder format(FindingFormat value) {
      this.format = Objects.requireNonNull(value, "format");
      return this;
    }

    /**
     * Sets how many node engines each subtask keeps in memory (1,024 by default); beyond that,
     * the least recently used is saved to keyed state and dropped until its node sends again.
     * Set it above the number of nodes a subtask serves: an evicted engine costs a save and a
     * restore of its state.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxEnginesPerSubtask(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxEnginesPerSubtask must be at least 1: " + value);
      }
      this.maxEngines = value;
      return this;
    }

    /**
     * Sets the longest Tracee line decoded (1 MiB by default); longer ones are rejected.
     *
     * @param value the limit in bytes
     * @return this builder
     * @throws IllegalArgumentException when not positive or above 1 GiB
     */
    public Builder maxLineBytes(int value) {
      if (value < 1 || value > 1 << 30) {
        throw new IllegalArgumentException("maxLineBytes must be between 1 and 1 GiB: " + value);
      }
      this.maxLineBytes = value;
      return this;
    }

    /**
     * Sets how records are batched on their way to their node's engine: the routing function
     * appends each record to its node's pending batch and sends the batch when it holds
     * {@code bytes} bytes (32 KiB by default) or 1,024 records, or when its oldest record has
     * waited {@code maxDelay} (50 ms by default), and before every checkpoint barrier. One
     * element of Flink's keyed exchange then carries tens of events, and Flink's per-element
     * costs are paid once per batch. {@code bytes} of 0 sends every record alone (no batching,
     * no added latency).
     *
     * @param bytes the batch size in bytes, from 0 to 16 MiB
     * @param maxDelay the longest a record waits in a batch, from 1 ms
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder batching(int bytes, Duration maxDelay) {
      if (bytes < 0 || bytes > 16 << 20) {
        throw new IllegalArgumentException("batch bytes must be between 0 and 16 MiB: " + bytes);
      }
      if (maxDelay.toMillis() < 1) {
        throw new IllegalArgumentException("the batch delay must be at least 1 ms: " + maxDelay);
      }
      this.batchBytes = bytes;
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Sets the prefix of the operators' uids ({@code PREFIX-route}, {@code PREFIX-detect});
     * savepoints map state to operators by these uids, so keep it stable across releases of a
     * job, and distinct when one job holds two detectors. Default {@code sigil}.
     *
     * @param value the prefix
     * @return this builder
     */
    public Builder uidPrefix(String value) {
      this.uidPrefix = Objects.requireNonNull(value, "uidPrefix");
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     */
    public SigilDetector build() {
      return new SigilDetector(this);
    }
  }
}
