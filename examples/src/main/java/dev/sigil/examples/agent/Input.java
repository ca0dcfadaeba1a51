package dev.sigil.examples.agent;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the agent's bytes come from: a loopback port ({@link SocketInput}) or a named pipe
 * ({@link FifoInput}). Either way they arrive as streams — a TCP connection, one writer's turn
 * at the pipe — and each stream is read by a {@link Sender} of its own. An input owns the
 * threads that read its streams and knows how to stop them.
 *
 * <p><b>Stopping loses nothing that was sent.</b> After {@link #stop(long)}, each stream is read
 * on until it has been quiet for {@link #QUIET_MILLIS} (its sender has sent everything) or the
 * deadline has passed (it is cut, and counted); {@link #run()} returns once every stream has
 * ended and every sender has handed on its last lines.
 */
abstract class Input {
  /** How long a stream must stay silent, during a stop, to count as having sent everything. */
  static final long QUIET_MILLIS = 200;

  /** How many bytes one read takes from a stream. */
  static final int CHUNK_BYTES = 64 * 1024;

  private volatile boolean stopping;
  private volatile long deadline;

  /**
   * Opens the input the options name; a port is bound at once (loopback only).
   *
   * @throws IOException when the port cannot be bound
   */
  static Input open(AgentOptions options, Senders senders) throws IOException {
    Integer port = options.port();
    Path fifo = options.fifo();
    if (port != null) {
      return new SocketInput(port, options, senders);
    }
    if (fifo == null) {
      throw new IllegalArgumentException("give exactly one input: --port N or --fifo PATH");
    }
    return new FifoInput(fifo, options, senders);
  }

  /**
   * Reads, on the calling thread and threads of its own, until the input ends ({@code --once})
   * or {@link #stop(long)}; returns once every stream has ended.
   *
   * @throws IOException when the input itself fails (a stream's failure only ends that stream)
   * @throws InterruptedException when interrupted
   */
  abstract void run() throws IOException, InterruptedException;

  /**
   * Asks {@link #run()} to return, reading what senders already sent until they are quiet or
   * the deadline passes. Callable from any thread; only the first call counts.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value
   */
  final void stop(long deadlineNanos) {
    if (stopping) {
      return;
    }
    deadline = deadlineNanos;
    stopping = true;
    stopAsked();
  }

  /**
   * Called once, by the first {@link #stop(long)}, for an input whose reads cannot see
   * {@link #stopping()} by themselves; does nothing by default.
   */
  void stopAsked() {}

  /** Whether a stop was asked for. */
  final boolean stopping() {
    return stopping;
  }

  /** How long until the stop's deadline, in nanoseconds; zero or less once it has passed. */
  final long nanosLeft() {
    return deadline - System.nanoTime();
  }

  /** Whether the stop's deadline has passed. */
  final boolean pastDeadline() {
    return System.nanoTime() - deadline > 0;
  }

  /** The bound port, or -1 when the input is a named pipe. */
  abstract int port();
}
