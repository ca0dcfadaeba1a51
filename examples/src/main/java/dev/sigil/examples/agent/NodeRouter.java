package dev.sigil.examples.agent;

import dev.sigil.core.Partitions;
import dev.sigil.core.Signature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends each node to its partition ({@link Partitions#of(CharSequence, int)}), starting the
 * partition when its first node arrives.
 *
 * <p><b>Why the node.</b> Stateful signatures correlate the events of one node: a file written
 * in a container and executed from the host (SGL-1001), learned profiles, deduplication. A
 * container's events carry its pod's name in {@code hostName} and the host's events the node's,
 * so partitioning by {@code hostName} would send one node's events to several engines and miss
 * exactly those correlations. The node is therefore what the transport says: each sender names
 * it once (see {@link Sender}), and all of a node's events meet in one engine, in order. More
 * cores serve more nodes; one node's throughput comes from decoding faster, not from splitting it.
 *
 * <p><b>One engine per node.</b> Nodes that map to one partition share its thread, not an
 * engine: each node has an engine (and signatures) of its own within the partition
 * ({@link NodeEngines}), so their state never meets, and findings carry their node.
 *
 * <p><b>Lazily.</b> A partition (its thread and batches) is created when the first node maps to
 * it, and a node's engine when its first batch arrives, so {@code --partitions 1000} costs
 * nothing until nodes arrive.
 */
final class NodeRouter {
  private final @Nullable Partition[] partitions;
  private final Supplier<List<Signature>> signatures;
  private final FindingDrain drain;
  private final RejectionLog rejections;
  private final AgentOptions options;
  private final PrintStream log;
  private boolean ended;

  NodeRouter(AgentOptions options, Supplier<List<Signature>> signatures, FindingDrain drain,
      RejectionLog rejections, PrintStream log) {
    this.partitions = new Partition[options.partitions()];
    this.signatures = signatures;
    this.drain = drain;
    this.rejections = rejections;
    this.options = options;
    this.log = log;
  }

  /** Returns the node's partition, starting it on first use. */
  synchronized Partition forNode(String node) {
    if (ended) {
      throw new IllegalStateException("the partitions have ended");
    }
    int index = Partitions.of(node, partitions.length);
    Partition partition = partitions[index];
    if (partition == null) {
      partition = new Partition(index, signatures, drain, rejections, options, log);
      partitions[index] = partition;
      partition.start();
    }
    return partition;
  }

  /** Tells every started partition that the input has ended, then waits for them to finish. */
  void endAndAwait() throws InterruptedException {
    List<Partition> started;
    synchronized (this) {
      ended = true;
      started = started();
    }
    for (Partition partition : started) {
      partition.endOfInput();
    }
    for (Partition partition : started) {
      partition.join();
    }
  }

  /** The partitions started so far, by index. */
  synchronized List<Partition> started() {
    List<Partition> started = new ArrayList<>();
    for (Partition partition : partitions) {
      if (partition != null) {
        started.add(partition);
      }
    }
    return started;
  }
}
