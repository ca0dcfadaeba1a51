package dev.sigil.examples.agent;

import dev.sigil.core.output.FindingFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link Agent} reads, partitions and reports.
 *
 * @param port the loopback TCP port to listen on (0 for any free port), or null to read a FIFO
 * @param fifo the named pipe to read when no port is given
 * @param node the node of a sender whose first line does not name one ({@code #node NAME})
 * @param partitions how many engines (threads) may run, 1 to 65,536; each is started when the
 *     first node maps to it
 * @param maxConnections how many connections are read at once; more wait to be accepted
 * @param once with a port, stop when the first connection ends; with a FIFO, stop when its
 *     writer closes it instead of opening it again
 * @param format how findings are written
 * @param statsInterval how often statistics go to the log; zero for never
 * @param maxLineBytes the longest line accepted
 * @param batchesPerPartition how many batches each partition may own (its queue depth)
 * @param batchBytes the size a batch starts with (it grows to hold a longer line)
 * @param findingQueueCapacity how many findings may wait for the writer
 * @param drainGrace how long a stop keeps reading what senders already sent
 * @param outputGrace how much longer a stop waits for the output to take the findings; then
 *     the findings not yet written are dropped, and counted
 * @param nodesPerPartition how many nodes' engines a partition keeps at once: each node has an
 *     engine of its own, so that nodes sharing a partition never share state; beyond this many,
 *     the engine of the node quiet the longest is closed (its state is lost), and counted
 * @param idleTimeout how long a connection may send nothing before it is closed, freeing its
 *     slot; zero for never
 */
public record AgentOptions(
    @Nullable Integer port,
    @Nullable Path fifo,
    String node,
    int partitions,
    int maxConnections,
    boolean once,
    FindingFormat format,
    Duration statsInterval,
    int maxLineBytes,
    int batchesPerPartition,
    int batchBytes,
    int findingQueueCapacity,
    Duration drainGrace,
    Duration outputGrace,
    int nodesPerPartition,
    Duration idleTimeout) {

  /** The most partitions an agent may have. */
  public static final int MAX_PARTITIONS = 1 << 16;

  /**
   * Validates the options.
   *
   * @param port see the record component
   * @param fifo see the record component
   * @param node see the record component
   * @param partitions see the record component
   * @param maxConnections see the record component
   * @param once see the record component
   * @param format see the record component
   * @param statsInterval see the record component
   * @param maxLineBytes see the record component
   * @param batchesPerPartition see the record component
   * @param batchBytes see the record component
   * @param findingQueueCapacity see the record component
   * @param drainGrace see the record component
   * @param outputGrace see the record component
   * @param nodesPerPartition see the record component
   * @param idleTimeout see the record component
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public AgentOptions {
    if ((port == null) == (fifo == null)) {
      throw new IllegalArgumentException("give exactly one input: --port N or --fifo PATH");
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--port must be 0 to 65535: " + port);
    }
    if (!Sender.isNodeName(node)) {
      throw new IllegalArgumentException("--node must be 1 to 253 visible ASCII characters");
    }
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException("--partitions must be 1 to " + MAX_PARTITIONS + ": "
          + partitions);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("--max-connections must be at least 1: "
          + maxConnections);
    }
    if (batchesPerPartition < 1 || batchBytes < 1 || findingQueueCapacity < 1) {
      throw new IllegalArgumentException("queue and batch sizes must be at least 1");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the line limit must be at least 1 byte");
    }
    if (nodesPerPartition < 1) {
      throw new IllegalArgumentException("--nodes-per-partition must be at least 1: "
          + nodesPerPartition);
    }
    if (statsInterval.isNegative() || drainGrace.isNegative() || outputGrace.isNegative()
        || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("intervals must not be negative");
    }
  }

  /**
   * Returns the defaults for listening on a port: default node {@code local}, 2 partitions,
   * 64 connections, Tracee output, statistics every 10 s, 1 MiB lines, 4 batches of 64 KiB per
   * partition, 1,024 queued findings, a stop that reads for up to 2 s and waits 3 s more for
   * the output, 64 nodes' engines per partition, and connections closed after 10 minutes of
   * silence.
   *
   * @param port the port, 0 for any free one
   * @return the options
   */
  public static AgentOptions listening(int port) {
    return new AgentOptions(port, null, "local", 2, 64, false, FindingFormat.TRACEE,
        Duration.ofSeconds(10), 1 << 20, 4, 64 << 10, 1024, Duration.ofSeconds(2),
        Duration.ofSeconds(3), 64, Duration.ofMinutes(10));
  }

  /**
   * Returns the defaults of {@link #listening(int)}, reading a named pipe instead.
   *
   * @param fifo the named pipe
   * @return the options
   */
  public static AgentOptions reading(Path fifo) {
    return listening(0).withFifo(fifo);
  }

  /**
   * Returns these options reading a FIFO instead of a port.
   *
   * @param path the named pipe
   * @return the options
   */
  public AgentOptions withFifo(Path path) {
    return edit(d -> {
      d.port = null;
      d.fifo = path;
    });
  }

  /**
   * Returns these options with another default node.
   *
   * @param value the node of senders that name none
   * @return the options
   */
  public AgentOptions withNode(String value) {
    return edit(d -> d.node = value);
  }

  /**
   * Returns these options with another number of partitions.
   *
   * @param count the number
   * @return the options
   */
  public AgentOptions withPartitions(int count) {
    return edit(d -> d.partitions = count);
  }

  /**
   * Returns these options with another connection limit.
   *
   * @param count connections read at once
   * @return the options
   */
  public AgentOptions withMaxConnections(int count) {
    return edit(d -> d.maxConnections = count);
  }

  /**
   * Returns these options stopping, or not, after the first connection or FIFO writer.
   *
   * @param value whether to stop then
   * @return the options
   */
  public AgentOptions withOnce(boolean value) {
    return edit(d -> d.once = value);
  }

  /**
   * Returns these options with another output format.
   *
   * @param value the format
   * @return the options
   */
  public AgentOptions withFormat(FindingFormat value) {
    return edit(d -> d.format = value);
  }

  /**
   * Returns these options with a statistics interval.
   *
   * @param value the interval; zero for never
   * @return the options
   */
  public AgentOptions withStatsInterval(Duration value) {
    return edit(d -> d.statsInterval = value);
  }

  /**
   * Returns these options with other queue sizes.
   *
   * @param batches batches per partition
   * @param findings findings waiting for the writer
   * @return the options
   */
  public AgentOptions withQueues(int batches, int findings) {
    return edit(d -> {
      d.batchesPerPartition = batches;
      d.findingQueueCapacity = findings;
    });
  }

  /**
   * Returns these options with other stop times.
   *
   * @param drain how long a stop keeps reading what senders already sent
   * @param output how much longer it waits for the output before dropping findings
   * @return the options
   */
  public AgentOptions withStopTimes(Duration drain, Duration output) {
    return edit(d -> {
      d.drainGrace = drain;
      d.outputGrace = output;
    });
  }

  /**
   * Returns these options with another bound on the engines a partition keeps, one per node.
   *
   * @param count nodes' engines per partition, at least 1
   * @return the options
   */
  public AgentOptions withNodesPerPartition(int count) {
    return edit(d -> d.nodesPerPartition = count);
  }

  /**
   * Returns these options with another idle timeout for connections.
   *
   * @param value how long a connection may be silent before it is closed; zero for never
   * @return the options
   */
  public AgentOptions withIdleTimeout(Duration value) {
    return edit(d -> d.idleTimeout = value);
  }

  /**
   * Returns the longest a stop takes, once asked: the drain time, the output time and the
   * moment a quiet sender needs to show it is quiet.
   *
   * @return the bound
   */
  public Duration stopBound() {
    return drainGrace.plus(outputGrace).plusMillis(Input.QUIET_MILLIS);
  }

  /**
   * Returns a copy of these options with some components changed, validated as any options
   * are: the one place that lists every component, so that each {@code with} method names only
   * what it changes.
   */
  private AgentOptions edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.options();
  }

  /** The components of options being edited; see the record components. */
  private static final class Draft {
    @Nullable Integer port;
    @Nullable Path fifo;
    String node;
    int partitions;
    int maxConnections;
    boolean once;
    FindingFormat format;
    Duration statsInterval;
    int maxLineBytes;
    int batchesPerPartition;
    int batchBytes;
    int findingQueueCapacity;
    Duration drainGrace;
    Duration outputGrace;
    int nodesPerPartition;
    Duration idleTimeout;

    Draft(AgentOptions from) {
      port = from.port;
      fifo = from.fifo;
      node = from.node;
      partitions = from.partitions;
      maxConnections = from.maxConnections;
      once = from.once;
      format = from.format;
      statsInterval = from.statsInterval;
      maxLineBytes = from.maxLineBytes;
      batchesPerPartition = from.batchesPerPartition;
      batchBytes = from.batchBytes;
      findingQueueCapacity = from.findingQueueCapacity;
      drainGrace = from.drainGrace;
      outputGrace = from.outputGrace;
      nodesPerPartition = from.nodesPerPartition;
      idleTimeout = from.idleTimeout;
    }

    AgentOptions options() {
      return new AgentOptions(port, fifo, node, partitions, maxConnections, once, format,
          statsInterval, maxLineBytes, batchesPerPartition, batchBytes, findingQueueCapacity,
          drainGrace, outputGrace, nodesPerPartition, idleTimeout);
    }
  }
}
