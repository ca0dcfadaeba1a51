package dev.sigil.examples.agent;

import java.util.List;

/**
 * Splits the input bytes into lines and appends each whole line to the current batch of its
 * partition ({@link PartitionKey}); used by the reader thread only.
 *
 * <p><b>Why raw lines, not events.</b> A {@code TraceeReader} hands out one re-used event, a
 * flyweight valid only during the sink's call, so handing events to other threads would need
 * a copy ({@code event.copy()}) per event: garbage on the hot path, and all decoding on one
 * thread. Routing the raw lines instead keeps the reader thread to a byte scan and a copy into
 * recycled batches; each partition decodes its own batches with its own reader, in parallel,
 * allocating nothing once warm.
 *
 * <p><b>Back-pressure.</b> When a partition falls behind, its queue of full batches fills, the
 * hand-off blocks, the reader stops reading, the socket's buffers fill and the sender blocks.
 * Nothing is buffered without bound.
 */
final class LineRouter {
  private final List<Partition> partitions;
  private final Batch[] current;
  private final byte[] pending;
  private final int maxLineBytes;
  private int pendingLength;
  private boolean skippingLongLine;

  private volatile long bytesRead;
  private volatile long linesRouted;
  private volatile long blankLines;
  private volatile long longLines;
  private volatile long incompleteLines;

  LineRouter(List<Partition> partitions, int maxLineBytes) {
    this.partitions = partitions;
    this.current = new Batch[partitions.size()];
    this.pending = new byte[maxLineBytes];
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Routes the complete lines in a chunk of input, keeping a trailing partial line for later.
   *
   * @throws InterruptedException when interrupted while waiting for a partition
   */
  void accept(byte[] chunk, int offset, int length) throws InterruptedException {
    bytesRead += length;
    int limit = offset + length;
    int i = offset;
    while (i < limit) {
      int newline = indexOfNewline(chunk, i, limit);
      int lineEnd = newline < 0 ? limit : newline;
      if (skippingLongLine) {
        // the rest of a too-long line: drop it
      } else if (pendingLength + (lineEnd - i) > maxLineBytes) {
        skippingLongLine = true;
        pendingLength = 0;
      } else if (newline >= 0 && pendingLength == 0) {
        route(chunk, i, lineEnd);
      } else {
        System.arraycopy(chunk, i, pending, pendingLength, lineEnd - i);
        pendingLength += lineEnd - i;
      }
      if (newline < 0) {
        return;
      }
      if (skippingLongLine) {
        skippingLongLine = false;
        longLines++;
      } else if (pendingLength > 0) {
        route(pending, 0, pendingLength);
        pendingLength = 0;
      }
      i = newline + 1;
    }
  }

  /**
   * Ends one input stream: a last line without a newline is routed like any other (as
   * TraceeReader does), and a partial line cut by shutdown is counted as incomplete.
   *
   * @param complete whether the stream ended normally (end of file) rather than being cut
   * @throws InterruptedException when interrupted while waiting for a partition
   */
  void endOfStream(boolean complete) throws InterruptedException {
    if (skippingLongLine) {
      longLines++;
    } else if (pendingLength > 0) {
      if (complete) {
        route(pending, 0, pendingLength);
      } else {
        incompleteLines++;
      }
    }
    skippingLongLine = false;
    pendingLength = 0;
  }

  /**
   * Hands every partly filled batch to its partition, so that a quiet input does not hold
   * events back.
   *
   * @throws InterruptedException when interrupted while waiting for a partition
   */
  void flush() throws InterruptedException {
    for (int p = 0; p < current.length; p++) {
      Batch batch = current[p];
      if (batch != null && batch.length > 0) {
        partitions.get(p).hand(batch);
        current[p] = null;
      }
    }
  }

  private void route(byte[] bytes, int start, int end) throws InterruptedException {
    if (isBlank(bytes, start, end)) {
      blankLines++;
      return;
    }
    int p = PartitionKey.partition(bytes, start, end, current.length);
    Batch batch = current[p];
    if (batch != null && batch.remaining() < end - start + 1) {
      partitions.get(p).hand(batch);
      batch = null;
    }
    if (batch == null) {
      batch = partitions.get(p).freeBatch();
      current[p] = batch;
    }
    batch.append(bytes, start, end);
    linesRouted++;
  }

  private static int indexOfNewline(byte[] bytes, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  long bytesRead() {
    return bytesRead;
  }

  long linesRouted() {
    return linesRouted;
  }

  long blankLines() {
    return blankLines;
  }

  long longLines() {
    return longLines;
  }

  long incompleteLines() {
    return incompleteLines;
  }
}
