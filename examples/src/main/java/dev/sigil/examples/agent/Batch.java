package dev.sigil.examples.agent;

import java.util.Arrays;

/**
 * A reusable buffer of whole Tracee JSON lines bound for one partition, each line tagged with
 * where it came from (its sender and its line number there), so that a line the partition
 * rejects can be reported as the sender knows it.
 *
 * <p>Batches circulate between senders and a partition through two bounded queues (full, free),
 * so the steady state allocates nothing. A batch starts small and grows only to hold a line
 * longer than itself (up to the line limit), so memory follows use.
 */
final class Batch {
  /** Tells a partition that no more batches come. */
  static final Batch END = new Batch(0);

  byte[] bytes;
  int length;
  /** The node of the sender filling it: a batch holds one sender's lines, so one node's. */
  String node = "";
  int lines;
  int[] senders = new int[16];
  long[] lineNumbers = new long[16];

  Batch(int capacity) {
    bytes = new byte[capacity];
  }

  /** Whether a line of this many bytes (and its newline) fits, growing an empty batch to hold it. */
  boolean fits(int lineLength) {
    int needed = length + lineLength + 1;
    if (needed <= bytes.length) {
      return true;
    }
    if (length > 0) {
      return false;
    }
    bytes = new byte[needed];
    return true;
  }

  /** Appends one line and its newline; the caller checked {@link #fits(int)}. */
  void append(byte[] source, int start, int end, int sender, long lineNumber) {
    int n = end - start;
    System.arraycopy(source, start, bytes, length, n);
    length += n;
    bytes[length++] = '\n';
    if (lines == senders.length) {
      senders = Arrays.copyOf(senders, lines * 2);
      lineNumbers = Arrays.copyOf(lineNumbers, lines * 2);
    }
    senders[lines] = sender;
    lineNumbers[lines] = lineNumber;
    lines++;
  }

  void clear() {
    length = 0;
    lines = 0;
  }
}
