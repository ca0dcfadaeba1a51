package dev.sigil.examples.agent;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link Agent} reads, partitions and reports.
 *
 * @param port the loopback TCP port to listen on (0 for any free port), or null to read a FIFO
 * @param fifo the named pipe to read when no port is given
 * @param partitions how many engines (threads) to run, at least 1
 * @param once whether to stop after the first connection ends (with a port)
 * @param format how findings are written
 * @param statsInterval how often statistics go to the log; zero for never
 * @param maxLineBytes the longest line accepted
 * @param batchesPerPartition how many batches each partition owns (its queue depth)
 * @param findingQueueCapacity how many findings may wait for the writer
 * @param drainGrace how long shutdown keeps reading what a sender already sent
 */
public record AgentOptions(
    @Nullable Integer port,
    @Nullable Path fifo,
    int partitions,
    boolean once,
    OutputFormat format,
    Duration statsInterval,
    int maxLineBytes,
    int batchesPerPartition,
    int findingQueueCapacity,
    Duration drainGrace) {

  /**
   * Validates the options.
   *
   * @param port see the record component
   * @param fifo see the record component
   * @param partitions see the record component
   * @param once see the record component
   * @param format see the record component
   * @param statsInterval see the record component
   * @param maxLineBytes see the record component
   * @param batchesPerPartition see the record component
   * @param findingQueueCapacity see the record component
   * @param drainGrace see the record component
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public AgentOptions {
    if ((port == null) == (fifo == null)) {
      throw new IllegalArgumentException("give exactly one input: --port N or --fifo PATH");
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--port must be 0 to 65535: " + port);
    }
    if (partitions < 1 || batchesPerPartition < 1 || findingQueueCapacity < 1) {
      throw new IllegalArgumentException("--partitions and queue sizes must be at least 1");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("the line limit must be at least 1 byte");
    }
    if (statsInterval.isNegative() || drainGrace.isNegative()) {
      throw new IllegalArgumentException("intervals must not be negative");
    }
  }

  /**
   * Returns the defaults for listening on a port: 2 partitions, Tracee output, statistics
   * every 10 s, 1 MiB lines, 4 batches per partition, 1,024 queued findings, 2 s drain.
   *
   * @param port the port, 0 for any free one
   * @return the options
   */
  public static AgentOptions listening(int port) {
    return new AgentOptions(port, null, 2, false, OutputFormat.TRACEE, Duration.ofSeconds(10),
        1 << 20, 4, 1024, Duration.ofSeconds(2));
  }

  /**
   * Returns these options with another number of partitions.
   *
   * @param count the number
   * @return the options
   */
  public AgentOptions withPartitions(int count) {
    return new AgentOptions(port, fifo, count, once, format, statsInterval, maxLineBytes,
        batchesPerPartition, findingQueueCapacity, drainGrace);
  }

  /**
   * Returns these options with another output format.
   *
   * @param value the format
   * @return the options
   */
  public AgentOptions withFormat(OutputFormat value) {
    return new AgentOptions(port, fifo, partitions, once, value, statsInterval, maxLineBytes,
        batchesPerPartition, findingQueueCapacity, drainGrace);
  }

  /**
   * Returns these options reading a FIFO instead of a port.
   *
   * @param path the named pipe
   * @return the options
   */
  public AgentOptions withFifo(Path path) {
    return new AgentOptions(null, path, partitions, once, format, statsInterval, maxLineBytes,
        batchesPerPartition, findingQueueCapacity, drainGrace);
  }

  /**
   * Returns these options with a statistics interval.
   *
   * @param value the interval; zero for never
   * @return the options
   */
  public AgentOptions withStatsInterval(Duration value) {
    return new AgentOptions(port, fifo, partitions, once, format, value, maxLineBytes,
        batchesPerPartition, findingQueueCapacity, drainGrace);
  }

  /**
   * Returns these options stopping, or not, after the first connection.
   *
   * @param value whether to stop after the first connection
   * @return the options
   */
  public AgentOptions withOnce(boolean value) {
    return new AgentOptions(port, fifo, partitions, value, format, statsInterval, maxLineBytes,
        batchesPerPartition, findingQueueCapacity, drainGrace);
  }

  /**
   * Returns these options with other queue sizes.
   *
   * @param batches batches per partition
   * @param findings findings waiting for the writer
   * @return the options
   */
  public AgentOptions withQueues(int batches, int findings) {
    return new AgentOptions(port, fifo, partitions, once, format, statsInterval, maxLineBytes,
        batches, findings, drainGrace);
  }
}
