package dev.sigil.examples.agent;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One stream of Tracee JSON lines — a TCP connection, or one writer's turn at the FIFO — cut
 * into lines and routed to its node's partition. Used by the one thread reading that stream, so
 * every sender has its own partial line, and one sender's pace never affects another's.
 *
 * <p><b>The node.</b> A stream's events all belong to one node, which its first line may name:
 * {@code #node worker-7}. Without that line the stream belongs to the agent's default node
 * ({@code --node}, for single-node use). See {@link NodeRouter} for why the node, and not
 * {@code hostName}, is the key.
 *
 * <p><b>Why raw lines, not events.</b> A {@code TraceeReader} hands out one re-used event, valid
 * only during the sink's call, so handing events to another thread would need a copy per event:
 * garbage on the hot path, and all decoding on the sender's thread. Routing raw lines keeps the
 * sender to a byte scan and a copy into recycled batches; each partition decodes its own.
 *
 * <p><b>Back-pressure.</b> When the partition falls behind, its free batches run out, the
 * sender waits for one, stops reading, the socket's buffers fill and the sending process blocks.
 */
final class Sender {
  /** The first line that names a stream's node: {@code #node NAME}. */
  static final String NODE_LINE = "#node";
  private static final int MAX_NODE_NAME = 253;
  private static final int PENDING_BYTES = 4096;

  private final int id;
  private final String from;
  private final Senders shared;
  private final int maxLineBytes;
  private byte[] pending = new byte[PENDING_BYTES];
  private int pendingLength;
  private boolean skippingLongLine;
  private long lineNumber;
  private @Nullable Partition partition;
  private String node = "";
  private @Nullable Batch batch;

  Sender(int id, String from, Senders shared, int maxLineBytes) {
    this.id = id;
    this.from = from;
    this.shared = shared;
    this.maxLineBytes = maxLineBytes;
  }

  int id() {
    return id;
  }

  /**
   * Routes the complete lines in a chunk of input, keeping a trailing partial line for later.
   *
   * @throws InterruptedException when interrupted while waiting for a free batch
   */
  void accept(byte[] chunk, int offset, int length) throws InterruptedException {
    shared.bytesRead.add(length);
    int limit = offset + length;
    int i = offset;
    while (i < limit) {
      int newline = indexOfNewline(chunk, i, limit);
      int lineEnd = newline < 0 ? limit : newline;
      boolean whole = false;
      if (!skippingLongLine) {
        if (pendingLength + (lineEnd - i) > maxLineBytes) {
          skippingLongLine = true; // dropped as it comes, never buffered
          pendingLength = 0;
        } else if (newline >= 0 && pendingLength == 0) {
          whole = true; // the common case: the line lies within the chunk
        } else {
          keep(chunk, i, lineEnd);
        }
      }
      if (newline < 0) {
        return;
      }
      lineNumber++;
      if (skippingLongLine) {
        skippingLongLine = false;
        longLine();
      } else if (whole) {
        line(chunk, i, lineEnd);
      } else {
        line(pending, 0, pendingLength);
        pendingLength = 0;
        if (pending.length > PENDING_BYTES * 16) {
          pending = new byte[PENDING_BYTES]; // a long line's buffer is not kept
        }
      }
      i = newline + 1;
    }
  }

  /**
   * Hands a partly filled batch on, so that a quiet sender does not hold events back; call it
   * before waiting for more input.
   */
  void flush() {
    Batch filled = batch;
    if (filled != null && filled.length > 0) {
      requirePartition().hand(filled);
      batch = null;
    }
  }

  /**
   * Ends the stream: a last line without a newline is routed like any other (as TraceeReader
   * does), and a partial line cut off by a stop is counted as incomplete.
   *
   * @param complete whether the stream ended normally (end of file) rather than being cut
   * @throws InterruptedException when interrupted while waiting for a free batch
   */
  void end(boolean complete) throws InterruptedException {
    if (skippingLongLine) {
      lineNumber++;
      longLine();
    } else if (pendingLength > 0) {
      lineNumber++;
      if (complete) {
        line(pending, 0, pendingLength);
      } else if (!isBlank(pending, 0, pendingLength)) {
        shared.incompleteLines.increment();
      }
    }
    skippingLongLine = false;
    pendingLength = 0;
    flush();
  }

  private void keep(byte[] chunk, int start, int end) {
    int needed = pendingLength + end - start;
    if (needed > pending.length) {
      byte[] larger = new byte[Math.min(maxLineBytes, Math.max(needed, pending.length * 2))];
      System.arraycopy(pending, 0, larger, 0, pendingLength);
      pending = larger;
    }
    System.arraycopy(chunk, start, pending, pendingLength, end - start);
    pendingLength = needed;
  }

  private void line(byte[] bytes, int start, int end) throws InterruptedException {
    if (partition == null && nodeLine(bytes, start, end)) {
      return;
    }
    if (isBlank(bytes, start, end)) {
      shared.blankLines.increment();
      return;
    }
    Partition target = requirePartition();
    int n = end - start;
    Batch current = batch;
    if (current != null && !current.fits(n)) {
      target.hand(current);
      current = null;
    }
    if (current == null) {
      current = target.freeBatch();
      current.node = node;
      current.fits(n); // an empty batch grows to hold any line within the limit
      batch = current;
    }
    current.append(bytes, start, end, id, lineNumber);
    shared.linesRouted.increment();
  }

  /**
   * Chooses the node from the stream's first line; returns whether that line was the
   * {@code #node} line (which is not an event).
   */
  private boolean nodeLine(byte[] bytes, int start, int end) {
    String node = shared.defaultNode();
    boolean isNodeLine = startsWith(bytes, start, end, NODE_LINE)
        && (end - start == NODE_LINE.length() || bytes[start + NODE_LINE.length()] == ' '
            || bytes[start + NODE_LINE.length()] == '\t');
    if (isNodeLine) {
      String name = new String(bytes, start + NODE_LINE.length(),
          end - start - NODE_LINE.length(), StandardCharsets.ISO_8859_1).strip();
      if (isNodeName(name)) {
        node = name;
      } else {
        shared.rejections().reject(id, lineNumber, "'#node' line without a valid node name (1 to "
            + MAX_NODE_NAME + " visible ASCII characters); the default node is used");
      }
    }
    Partition chosen = shared.router().forNode(node);
    partition = chosen;
    this.node = node;
    shared.log().println("sigil-agent: " + shared.kind() + " " + id + " (" + from + "): node "
        + node + ", partition " + chosen.index());
    return isNodeLine;
  }

  private Partition requirePartition() {
    Partition chosen = partition;
    if (chosen == null) {
      throw new IllegalStateException("no node chosen before the first line");
    }
    return chosen;
  }

  private void longLine() {
    shared.longLines.increment();
    shared.rejections().reject(id, lineNumber, "line longer than " + maxLineBytes + " bytes");
  }

  static boolean isNodeName(String name) {
    if (name.isEmpty() || name.length() > MAX_NODE_NAME) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int start, int end, String prefix) {
    if (end - start < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[start + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
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
}
