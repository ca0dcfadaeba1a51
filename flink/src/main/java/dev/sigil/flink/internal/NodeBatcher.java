package dev.sigil.flink.internal;

import dev.sigil.flink.InputRecord;
import dev.sigil.flink.NodeKey;
import dev.sigil.flink.RejectedRecord;
import dev.sigil.flink.SigilDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * The routing operator, chained to the source: gives each record its node key (and unwraps the
 * Tracee event from a shipper's wrapper), then appends it to its node's pending {@link NodeBatch};
 * a batch goes to the keyed exchange when it is full, so that the exchange and the keyed
 * operator pay their per-element costs once per batch instead of once per line. A record
 * without a usable node key or event goes to the rejection side output at once.
 *
 * <p><b>Order.</b> A node's records enter its batch in input order and its batches leave in
 * order, through the one channel its key maps to: the node's engine sees them in input order.
 *
 * <p><b>Bounds.</b> A batch is sent when it holds {@code batchBytes} bytes or
 * {@code batchRecords} records; every pending batch is sent when their arrays take more than
 * {@code bufferedBytes} bytes together or {@link #MAX_PENDING_NODES} nodes have one,
 * when a batch has waited {@code maxDelayMillis} (a quiet Kafka topic), before every checkpoint
 * barrier (so that a checkpoint's source position and the detector's state agree), on a
 * watermark, and at the end of the input.
 */
public final class NodeBatcher extends AbstractStreamOperator<NodeBatch>
    implements OneInputStreamOperator<InputRecord, NodeBatch>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  /** More nodes than this with a pending batch flush them all (bounds the map). */
  static final int MAX_PENDING_NODES = 4096;

  private final NodeKey nodeKey;
  private final @Nullable String eventAt;
  private final OutputTag<RejectedRecord> rejected;
  private final int batchBytes;
  private final int batchRecords;
  private final long bufferedBytes;
  private final long maxDelayMillis;

  // Built in open(), on the task, before any element.
  @SuppressWarnings("NullAway.Init")
  private transient HashMap<String, NodeBatch> pending;
  /** Each node's last batch: records in the high half, bytes in the low. */
  @SuppressWarnings("NullAway.Init")
  private transient HashMap<String, Long> sizes;
  @SuppressWarnings("NullAway.Init")
  private transient StreamRecord<NodeBatch> reuse;
  private transient @Nullable PointerLookup nodeLookup;
  private transient @Nullable PointerLookup eventLookup;
  @SuppressWarnings("NullAway.Init")
  private transient JobFigure unrouted;
  private transient long buffered;
  private transient boolean timerSet;

  /**
   * Creates the operator.
   *
   * @param nodeKey where the node key comes from
   * @param eventAt the pointer to the Tracee event in a wrapper, or null when the record is the
   *     event
   * @param rejected the side output for records it cannot route
   * @param batchBytes a batch is sent once it holds this many payload bytes
   * @param batchRecords or this many records
   * @param bufferedBytes every batch is sent once the pending ones hold this many bytes together
   * @param maxDelayMillis the longest a record waits in a batch (wall-clock time)
   */
  public NodeBatcher(NodeKey nodeKey, @Nullable String eventAt, OutputTag<RejectedRecord> rejected,
      int batchBytes, int batchRecords, long bufferedBytes, long maxDelayMillis) {
    this.nodeKey = nodeKey;
    this.eventAt = eventAt;
    this.rejected = rejected;
    this.batchBytes = batchBytes;
    this.batchRecords = batchRecords;
    this.bufferedBytes = bufferedBytes;
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    pending = new HashMap<>();
    sizes = new HashMap<>();
    reuse = new StreamRecord<>(new NodeBatch(""));
    unrouted = new JobFigure(this, "rejected", SigilDetector.UNROUTED);
  }

  @Override
  public void processElement(StreamRecord<InputRecord> element) {
    InputRecord record = element.getValue();
    byte[] value = record.value();
    if (record.partition() >= 0 || (nodeKey.kind() == NodeKey.Kind.CONSTANT && eventAt == null)) {
      // A Kafka record is routed whole; a block of a file's lines for one node needs no split.
      route(record, value, 0, value.length, record.position());
      return;
    }
    // A file's record: each line is a record of its own, numbered from the record's position.
    int start = 0;
    long line = record.position();
    while (start <= value.length) {
      int end = Newlines.next(value, start, value.length);
      if (!Newlines.blank(value, start, end)) {
        route(record, value, start, end - start, line);
      }
      line++;
      start = end + 1;
    }
  }

  /** Routes one record's bytes (or one line of them) to its node's batch. */
  private void route(InputRecord record, byte[] value, int offset, int length, long position) {
    String node;
    switch (nodeKey.kind()) {
      case RECORD_KEY:
        node = record.key();
        if (node == null) {
          reject("", record, position, "the record has no key (the node key is the record key)");
          return;
        }
        break;
      case JSON_POINTER:
        if (nodeLookup == null) {
          nodeLookup = new PointerLookup(nodeKey.argument());
        }
        node = nodeLookup.text(value, offset, length);
        if (node == null) {
          reject("", record, position, "no node key at " + nodeKey.argument()
              + " (not JSON, absent, or not a string or number)");
          return;
        }
        break;
      default:
        node = nodeKey.argument();
    }
    if (eventAt != null) {
      if (eventLookup == null) {
        eventLookup = new PointerLookup(eventAt);
      }
      byte[] event = eventLookup.event(value, offset, length);
      if (event == null) {
        reject(node, record, position, "no Tracee event at " + eventAt
            + " (not JSON, absent, or not a string or object)");
        return;
      }
      value = event;
      offset = 0;
      length = event.length;
    }
    add(node, value, offset, length, record.partition(), position);
  }

  private void add(String node, byte[] value, int offset, int length, int partition, long position) {
    NodeBatch batch = pending.get(node);
    if (batch == null) {
      if (pending.size() >= MAX_PENDING_NODES) {
        flushAll();
      }
      batch = newBatch(node, length);
      pending.put(node, batch);
    } else if (batch.count > 0 && batch.size + length + 1 > batchBytes) { // + its newline
      // Send what it holds rather than grow it past the limit.
      send(batch);
      batch = newBatch(node, length);
      pending.put(node, batch);
    }
    int capacity = batch.bytes.length;
    batch.add(value, offset, length, partition, position);
    buffered += batch.bytes.length - capacity;
    if (batch.size >= batchBytes || batch.count >= batchRecords) {
      send(batch);
      pending.remove(node); // the node's next record starts its next batch, sized like this one
    }
    if (buffered > bufferedBytes) {
      flushAll();
    } else if (!timerSet && !pending.isEmpty()) {
      timerSet = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(now + maxDelayMillis, time -> {
        timerSet = false;
        flushAll();
      });
    }
  }

  /**
   * A new batch, sized as the node's last one was (so that it is filled without growing step
   * by step), or for this record.
   */
  private NodeBatch newBatch(String node, int length) {
    long hint = sizes.getOrDefault(node, 0L);
    int bytes = (int) hint;
    int records = (int) (hint >>> 32);
    NodeBatch batch = new NodeBatch(node, Math.min(Math.max(bytes, length), batchBytes + length),
        Math.min(records + 1, batchRecords));
    buffered += batch.bytes.length;
    return batch;
  }

  private void send(NodeBatch batch) {
    buffered -= batch.bytes.length;
    if (sizes.size() >= MAX_PENDING_NODES && !sizes.containsKey(batch.node)) {
      sizes.clear();
    }
    sizes.put(batch.node, (long) batch.count << 32 | batch.size);
    output.collect(reuse.replace(batch));
  }

  /** Sends every pending batch and forgets the nodes (their next batches start anew). */
  private void flushAll() {
    if (pending.isEmpty()) {
      return;
    }
    List<NodeBatch> batches = new ArrayList<>(pending.values());
    pending.clear();
    for (NodeBatch batch : batches) {
      if (batch.count > 0) {
        send(batch);
      }
    }
    buffered = 0;
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    // Before the barrier: the records the source has handed over so far are on the detector's
    // side of it, so that the checkpoint's source position and the engines' state agree.
    flushAll();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    flushAll();
    super.processWatermark(mark);
  }

  @Override
  public void endInput() {
    flushAll();
  }

  @Override
  public void finish() throws Exception {
    flushAll();
    super.finish();
  }

  private void reject(String node, InputRecord record, long position, String reason) {
    unrouted.add(1);
    output.collect(rejected, new StreamRecord<>(
        new RejectedRecord(node, record.partition(), position, 1, reason)));
  }
}
