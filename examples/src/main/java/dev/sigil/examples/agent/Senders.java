package dev.sigil.examples.agent;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every {@link Sender} shares: the router to the partitions, the rejection log, the default
 * node, the numbering of senders (connection 1, 2, …) and the figures that add up over them.
 * An {@link Input} asks it for a sender per stream; any thread may.
 */
final class Senders {
  final LongAdder bytesRead = new LongAdder();
  final LongAdder linesRouted = new LongAdder();
  final LongAdder blankLines = new LongAdder();
  final LongAdder longLines = new LongAdder();
  final LongAdder incompleteLines = new LongAdder();
  /** Streams still sending when a stop's drain time ran out, so cut. */
  final LongAdder cut = new LongAdder();
  /** Connections waiting to be accepted when the agent stopped, closed unread. */
  final LongAdder unread = new LongAdder();
  /** Connections closed for sending nothing for the idle timeout. */
  final LongAdder idle = new LongAdder();

  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final NodeRouter router;
  private final RejectionLog rejections;
  private final String defaultNode;
  private final String kind;
  private final int maxLineBytes;
  private final PrintStream log;

  Senders(NodeRouter router, RejectionLog rejections, AgentOptions options, String kind,
      PrintStream log) {
    this.router = router;
    this.rejections = rejections;
    this.defaultNode = options.node();
    this.kind = kind;
    this.maxLineBytes = options.maxLineBytes();
    this.log = log;
  }

  /**
   * Returns a sender for a new stream, numbered after the previous ones.
   *
   * @param from where the stream comes from, for the log ("127.0.0.1:41234")
   */
  Sender open(String from) {
    open.incrementAndGet();
    return new Sender(opened.incrementAndGet(), from, this, maxLineBytes);
  }

  /** Counts a sender's stream as ended; call once per {@link #open}, after its last line. */
  void closed() {
    open.decrementAndGet();
  }

  int opened() {
    return opened.get();
  }

  int open() {
    return open.get();
  }

  NodeRouter router() {
    return router;
  }

  RejectionLog rejections() {
    return rejections;
  }

  String defaultNode() {
    return defaultNode;
  }

  /** What a sender is called in the log: "connection" or "fifo writer". */
  String kind() {
    return kind;
  }

  PrintStream log() {
    return log;
  }
}
