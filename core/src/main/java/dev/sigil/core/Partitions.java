package dev.sigil.core;

/**
 * Routes events to partitions (one engine per thread or per worker) by a key, so that every
 * event of a node reaches the same engine: stateful signatures (deduplication, learning, the
 * contained-executable inode index) need all of a node's events.
 *
 * <pre>{@code
 * int partition = Partitions.of(nodeName, engines.length);   // a view or a String alike
 * }</pre>
 *
 * <p><b>Which key.</b> Key by the node the events come from, as the transport knows it: the
 * Kafka record key, the collector's {@code kubernetes.host}, the connection a sensor's events
 * arrive on. Do not key by {@link Event#hostName()}: it is the task's UTS host name, the node's
 * name for host processes but the pod's or container's host name inside a container, so a
 * container's events and the host events they correlate with (a file written in a container and
 * executed by the host) would land in different engines.
 *
 * <p>The partition depends only on the key's characters and the partition count: the same in
 * every process and release (it is specified in terms of {@link String#hashCode()}), so a
 * fleet can route in one process and run engines in another.
 */
public final class Partitions {
  private Partitions() {}

  /**
   * Returns the partition of a key: {@code floorMod(h ^ (h >>> 16), partitions)} where
   * {@code h} is {@link Text#hash(CharSequence)} of the key ({@link String#hashCode()} of its
   * characters). Allocates nothing.
   *
   * @param key the node's key, e.g. a view of a record key; its content counts, not its identity
   * @param partitions how many partitions; at least 1
   * @return the partition, from 0 to {@code partitions - 1}
   * @throws IllegalArgumentException when {@code partitions} is less than 1
   */
  public static int of(CharSequence key, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    int h = Text.hash(key);
    // Fold the high bits into the low ones, as HashMap does, so that a power-of-two partition
    // count still depends on every character.
    return Math.floorMod(h ^ (h >>> 16), partitions);
  }
}
