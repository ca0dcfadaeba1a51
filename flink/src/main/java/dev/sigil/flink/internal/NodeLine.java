package dev.sigil.flink.internal;

/**
 * A record on its way to its node's engine: the node key, the Tracee line(s) and where they came
 * from. A Flink POJO (public fields, no-argument constructor) so that the exchange between the
 * routing function and the keyed operator serializes it without Kryo.
 */
public final class NodeLine {
  /** The node key: the partitioning key of the detector. */
  public String node = "";
  /** The Tracee JSON line, or several separated by newlines. */
  public byte[] line = new byte[0];
  /** The Kafka partition, or -1 for a file. */
  public int partition;
  /** The Kafka offset, or the line number in a file. */
  public long position;

  /** For Flink's serializer. */
  public NodeLine() {}

  /**
   * Creates one.
   *
   * @param node the node key
   * @param line the bytes
   * @param partition the partition, or -1
   * @param position the offset or line number
   */
  public NodeLine(String node, byte[] line, int partition, long position) {
    this.node = node;
    this.line = line;
    this.partition = partition;
    this.position = position;
  }
}
