package dev.sigil.flink.internal;

import dev.sigil.flink.InputRecord;
import dev.sigil.flink.NodeKey;
import dev.sigil.flink.RejectedRecord;
import dev.sigil.flink.SigilDetector;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Gives each record its node key (and unwraps the Tracee event from a shipper's wrapper), ahead
 * of the exchange that sends every record of a node to that node's engine. Runs with the
 * source's parallelism, chained to it. A record without a usable node key or event goes to the
 * rejection side output.
 */
public final class NodeRouter extends ProcessFunction<InputRecord, NodeLine> {
  private static final long serialVersionUID = 1L;

  private final NodeKey nodeKey;
  private final @Nullable String eventAt;
  private final OutputTag<RejectedRecord> rejected;
  private transient @Nullable PointerLookup nodeLookup;
  private transient @Nullable PointerLookup eventLookup;
  private transient @Nullable Counter rejectedCount;
  private transient @Nullable LongCounter rejectedTotal;

  /**
   * Creates the function.
   *
   * @param nodeKey where the node key comes from
   * @param eventAt the pointer to the Tracee event in a wrapper, or null when the record is the
   *     event
   * @param rejected the side output for records it cannot route
   */
  public NodeRouter(NodeKey nodeKey, @Nullable String eventAt, OutputTag<RejectedRecord> rejected) {
    this.nodeKey = nodeKey;
    this.eventAt = eventAt;
    this.rejected = rejected;
  }

  @Override
  public void open(OpenContext context) {
    rejectedCount = getRuntimeContext().getMetricGroup().counter("rejected");
    rejectedTotal = new LongCounter();
    getRuntimeContext().addAccumulator(SigilDetector.UNROUTED, rejectedTotal);
  }

  @Override
  public void processElement(InputRecord record, Context context, Collector<NodeLine> out) {
    String node;
    switch (nodeKey.kind()) {
      case RECORD_KEY:
        node = record.key();
        if (node == null) {
          reject(context, "", record, "the record has no key (the node key is the record key)");
          return;
        }
        break;
      case JSON_POINTER:
        if (nodeLookup == null) {
          nodeLookup = new PointerLookup(nodeKey.argument());
        }
        node = nodeLookup.text(record.value());
        if (node == null) {
          reject(context, "", record, "no node key at " + nodeKey.argument()
              + " (not JSON, absent, or not a string or number)");
          return;
        }
        break;
      default:
        node = nodeKey.argument();
    }
    byte[] line = record.value();
    if (eventAt != null) {
      if (eventLookup == null) {
        eventLookup = new PointerLookup(eventAt);
      }
      line = eventLookup.event(line);
      if (line == null) {
        reject(context, node, record, "no Tracee event at " + eventAt
            + " (not JSON, absent, or not a string or object)");
        return;
      }
    }
    out.collect(new NodeLine(node, line, record.partition(), record.position()));
  }

  private void reject(Context context, String node, InputRecord record, String reason) {
    if (rejectedCount != null && rejectedTotal != null) {
      rejectedCount.inc();
      rejectedTotal.add(1L);
    }
    context.output(rejected, new RejectedRecord(node, record.partition(), record.position(), 1, reason));
  }
}
