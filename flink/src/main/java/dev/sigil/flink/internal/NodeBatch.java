package dev.sigil.flink.internal;

import java.util.Arrays;

/**
 * Records of one node on their way to the node's engine, in their input order: the payloads
 * (Tracee lines) back to back in one array, each followed by a newline, and per record where it
 * ends, its Kafka partition and its position. The newline lets the detector's reader decode a
 * record in place: without it, a record's last line is searched for a newline and copied. One element of the keyed exchange carries many records, so that Flink's
 * per-element costs (serializing, key-group routing, record framing, the keyed operator's key
 * context) are paid once per batch instead of once per line.
 *
 * <p>Built by the routing operator ({@link NodeBatcher}), serialized by
 * {@link NodeBatchSerializer}, read by the keyed operator. Mutable while built; never changed
 * once emitted.
 */
public final class NodeBatch {
  private static final int[] NO_INTS = new int[0];
  private static final long[] NO_LONGS = new long[0];
  private static final byte[] NO_BYTES = new byte[0];

  final String node;
  byte[] bytes;
  int size;
  int count;
  int[] ends;
  int[] partitions;
  long[] positions;

  /**
   * Creates an empty batch.
   *
   * @param node the node key
   */
  public NodeBatch(String node) {
    this(node, NO_BYTES, 0, 0, NO_INTS, NO_INTS, NO_LONGS);
  }

  /**
   * Creates an empty batch with room for so many bytes and records.
   *
   * @param node the node key
   * @param bytes the bytes it will likely hold
   * @param records the records it will likely hold
   */
  NodeBatch(String node, int bytes, int records) {
    this(node, new byte[bytes], 0, 0, new int[records], new int[records], new long[records]);
  }

  NodeBatch(String node, byte[] bytes, int size, int count, int[] ends, int[] partitions,
      long[] positions) {
    this.node = node;
    this.bytes = bytes;
    this.size = size;
    this.count = count;
    this.ends = ends;
    this.partitions = partitions;
    this.positions = positions;
  }

  /**
   * Appends one record.
   *
   * @param value the record's bytes (copied)
   * @param offset where they start
   * @param length how many
   * @param partition the Kafka partition, or -1 for a file
   * @param position the Kafka offset, or the line number in a file
   */
  public void add(byte[] value, int offset, int length, int partition, long position) {
    if (bytes.length - size < length + 1) {
      bytes = Arrays.copyOf(bytes, Math.max(size + length + 1, Math.max(256, 2 * bytes.length)));
    }
    if (count == ends.length) {
      int n = Math.max(16, 2 * count);
      ends = Arrays.copyOf(ends, n);
      partitions = Arrays.copyOf(partitions, n);
      positions = Arrays.copyOf(positions, n);
    }
    System.arraycopy(value, offset, bytes, size, length);
    size += length;
    ends[count] = size;
    bytes[size++] = '\n';
    partitions[count] = partition;
    positions[count] = position;
    count++;
  }

  /**
   * Returns the node key.
   *
   * @return the node key
   */
  public String node() {
    return node;
  }

  /**
   * Returns how many records it holds.
   *
   * @return the count
   */
  public int count() {
    return count;
  }

  /**
   * Returns how many payload bytes it holds.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the payload bytes; records are back to back from index 0 to {@link #size()}, each
   * followed by a newline.
   *
   * @return the array (not a copy)
   */
  public byte[] bytes() {
    return bytes;
  }

  /**
   * Returns where a record's bytes start.
   *
   * @param i the record's index
   * @return the offset in {@link #bytes()}
   */
  public int start(int i) {
    return i == 0 ? 0 : ends[i - 1] + 1;
  }

  /**
   * Returns where a record's bytes end.
   *
   * @param i the record's index
   * @return the offset one past its last byte, where its newline is
   */
  public int end(int i) {
    return ends[i];
  }

  /**
   * Returns a record's partition.
   *
   * @param i the record's index
   * @return the Kafka partition, or -1 for a file
   */
  public int partition(int i) {
    return partitions[i];
  }

  /**
   * Returns a record's position.
   *
   * @param i the record's index
   * @return the Kafka offset, or the line number in a file
   */
  public long position(int i) {
    return positions[i];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NodeBatch)) {
      return false;
    }
    NodeBatch b = (NodeBatch) o;
    return node.equals(b.node) && count == b.count
        && Arrays.equals(bytes, 0, size, b.bytes, 0, b.size)
        && Arrays.equals(ends, 0, count, b.ends, 0, count)
        && Arrays.equals(partitions, 0, count, b.partitions, 0, count)
        && Arrays.equals(positions, 0, count, b.positions, 0, count);
  }

  @Override
  public int hashCode() {
    return node.hashCode() * 31 + count;
  }

  @Override
  public String toString() {
    return "NodeBatch[" + node + ", " + count + " records, " + size + " bytes]";
  }
}
