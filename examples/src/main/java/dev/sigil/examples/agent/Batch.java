package dev.sigil.examples.agent;

/**
 * A reusable buffer of whole Tracee JSON lines bound for one partition. Batches circulate
 * between the reader thread and a partition through two bounded queues (full, free), so the
 * steady state allocates nothing and memory is fixed: partitions x batches x capacity.
 */
final class Batch {
  /** Tells a partition that no more batches come. */
  static final Batch END = new Batch(0);

  final byte[] bytes;
  int length;

  Batch(int capacity) {
    bytes = new byte[capacity];
  }

  int remaining() {
    return bytes.length - length;
  }

  /** Appends one line and its newline; the caller checked {@link #remaining()}. */
  void append(byte[] source, int start, int end) {
    int n = end - start;
    System.arraycopy(source, start, bytes, length, n);
    length += n;
    bytes[length++] = '\n';
  }
}
