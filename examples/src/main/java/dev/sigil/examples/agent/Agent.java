package dev.sigil.examples.agent;

import dev.sigil.core.Signature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sigil embedded in an agent that owns its threads: it reads Tracee JSON lines from loopback TCP
 * connections (or a FIFO), routes each sender's lines to the partition of the sender's node,
 * runs one engine per node there ({@link NodeEngines}: nodes sharing a partition never share
 * state, and findings carry their node), and writes the findings from one writer thread.
 *
 * <pre>
 *  connections / FIFO writers
 *        |
 *        v
 *  [one thread per sender: cut lines, node --&gt; partition]      {@link Input}, {@link Sender}
 *        | batches of raw lines (bounded, per partition)
 *        v
 *  partition 0..n-1 [TraceeReader --&gt; the node's Engine]      {@link NodeRouter}
 *        | findings (one bounded queue)         (one thread each, started on first use)
 *        v
 *  [writer thread] --&gt; stdout                                 {@link FindingDrain}
 * </pre>
 *
 * <p><b>Threads</b>: the agent's own thread runs the input and then the ending; one thread per
 * connection being read (at most {@code maxConnections}); one per started partition; one writer;
 * a timer printing {@link #stats()}. Every queue is bounded, so a slow stage blocks the one
 * before it, back to the senders; nothing grows without bound.
 *
 * <p><b>Stopping</b> ({@link #shutdown()}) loses no finding that can be written, and takes a
 * bounded time ({@link AgentOptions#stopBound()}) whatever the output does: senders are read
 * until quiet or until the drain time has passed (connections still waiting to be accepted are
 * read too, or counted); each partition then decodes what is queued and closes its engines, so
 * {@code END_OF_INPUT} reaches every signature and what they report then is written too; the
 * writer ends when every partition has finished and the queue is empty. If the output still
 * blocks when the stop's time is up, the findings not written are dropped and the log says how
 * many. The same path, without a time limit, runs when the input simply ends.
 */
public final class Agent {
  private final AgentOptions options;
  private final PrintStream log;
  private final RejectionLog rejections;
  private final FindingDrain drain;
  private final NodeRouter partitions;
  private final Senders senders;
  private final Thread thread;
  private volatile @Nullable Input input;
  private volatile @Nullable Thread statsThread;
  private volatile boolean started;
  private volatile boolean stopping;
  private volatile boolean failed;

  /**
   * Creates an agent; nothing runs, and no partition exists, until {@link #start()}.
   *
   * @param options the options
   * @param signatures makes a fresh set of signatures, called once per node's engine: each
   *     engine needs instances of its own
   * @param out where findings go; flushed when the agent ends (unless the output blocked a
   *     stop), never closed
   * @param log where statistics and problems go
   */
  public Agent(AgentOptions options, Supplier<List<Signature>> signatures, OutputStream out,
      PrintStream log) {
    this.options = options;
    this.log = log;
    String senderKind = options.port() != null ? "connection" : "fifo writer";
    this.rejections = new RejectionLog(log, senderKind);
    this.drain = new FindingDrain(options.format().open(out), options.findingQueueCapacity(), log);
    this.partitions = new NodeRouter(options, signatures, drain, rejections, log);
    this.senders = new Senders(partitions, rejections, options, senderKind, log);
    this.thread = new Thread(this::runThenEnd, "sigil-agent");
  }

  /**
   * Binds the socket (loopback only) and starts the agent's threads.
   *
   * @throws IOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws IOException {
    if (started) {
      throw new IllegalStateException("agent already started");
    }
    input = Input.open(options, senders);
    started = true;
    drain.start();
    thread.start();
    if (!options.statsInterval().isZero()) {
      Thread timer = new Thread(this::reportStatsPeriodically, "sigil-stats");
      timer.setDaemon(true);
      statsThread = timer;
      timer.start();
    }
  }

  /**
   * Returns the port the agent listens on.
   *
   * @return the bound port
   * @throws IllegalStateException when it reads a FIFO or has not started
   */
  public int port() {
    Input in = input;
    if (in == null || in.port() < 0) {
      throw new IllegalStateException("the agent is not listening on a port");
    }
    return in.port();
  }

  /**
   * Asks the agent to stop, as described in the class comment; returns at once. Idempotent;
   * callable from any thread (a shutdown hook, a test).
   */
  public void shutdown() {
    Input in;
    synchronized (this) {
      in = input;
      if (stopping || in == null) {
        return;
      }
      stopping = true;
    }
    long now = System.nanoTime();
    in.stop(now + options.drainGrace().toNanos());
    Thread watchdog = new Thread(() -> abandonTheOutputAfter(options.stopBound().toMillis()),
        "sigil-stop");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * Waits until the agent has ended: the input ended or {@link #shutdown()} was called, every
   * partition has finished and every finding has been written (or counted as dropped).
   *
   * @param timeoutMillis how long to wait at most
   * @return true when the agent has terminated
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
    if (!started) {
      return true;
    }
    thread.join(Math.max(1, timeoutMillis));
    return !thread.isAlive();
  }

  /**
   * Returns whether the input failed (the port or the pipe could not be read), rather than
   * ending or being stopped.
   *
   * @return true after a failure
   */
  public boolean failed() {
    return failed;
  }

  /**
   * Returns the figures so far; callable from any thread.
   *
   * @return the statistics
   */
  public AgentStats stats() {
    List<AgentStats.PartitionStats> started = partitions.started().stream()
        .map(p -> new AgentStats.PartitionStats(p.index(), p.readerStats(), p.engineStats(),
            p.nodeEngines(), p.nodeEvictions()))
        .toList();
    return new AgentStats(senders.bytesRead.sum(), senders.linesRouted.sum(),
        senders.blankLines.sum(), senders.longLines.sum(), senders.incompleteLines.sum(),
        rejections.rejected(), rejections.byReason(), senders.opened(), senders.open(),
        senders.cut.sum(), senders.unread.sum(), senders.idle.sum(), started, drain.written(),
        drain.queued(),
        drain.dropped());
  }

  /** The agent's own thread: the input until it ends, then the partitions, then the output. */
  private void runThenEnd() {
    Input in = input;
    try {
      if (in != null) {
        in.run();
      }
    } catch (IOException e) {
      failed = true;
      log.println("sigil-agent: input failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.println("sigil-agent: interrupted while reading");
    }
    try {
      partitions.endAndAwait();
      drain.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.println("sigil-agent: interrupted while ending");
    } finally {
      if (drain.abandoned()) {
        log.println("sigil-agent: the output was still blocked when the stop's time ran out: "
            + drain.dropped() + " findings dropped, not written");
      }
      log.println("sigil-agent: final stats " + stats().summary());
      Thread timer = statsThread;
      if (timer != null) {
        timer.interrupt();
      }
    }
  }

  /** Bounds a stop: if the agent has not ended in time, the output is what holds it. */
  private void abandonTheOutputAfter(long millis) {
    try {
      thread.join(Math.max(1, millis));
      if (thread.isAlive()) {
        drain.abandon();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reportStatsPeriodically() {
    long intervalMillis = options.statsInterval().toMillis();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        TimeUnit.MILLISECONDS.sleep(intervalMillis);
        log.println("sigil-agent: stats " + stats().summary());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
