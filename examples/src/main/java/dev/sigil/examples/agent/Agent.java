package dev.sigil.examples.agent;

import dev.sigil.core.EngineStats;
import dev.sigil.core.Finding;
import dev.sigil.core.Signature;
import dev.sigil.core.tracee.ReaderStats;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sigil embedded in an agent that owns its threads: it reads Tracee JSON lines from a loopback
 * TCP socket (or a FIFO), routes them by host to partitions each running its own engine, and
 * writes the findings from one writer thread.
 *
 * <pre>
 *  socket/FIFO --&gt; [reader thread: split lines, hash hostName]
 *                     | batches of raw lines (bounded queue per partition)
 *                     v
 *                 partition 0..n-1 [TraceeReader --&gt; Engine]   (one thread each)
 *                     | findings (one bounded queue)
 *                     v
 *                 [writer thread] --&gt; stdout
 * </pre>
 *
 * <p><b>Threads</b>: one reader, one per partition, one writer, and a timer printing
 * {@link #stats()} periodically. Every queue is bounded, so a slow stage blocks the one before
 * it, back to the sender; nothing grows without bound.
 *
 * <p><b>Shutdown loses no finding</b>: {@link #shutdown()} stops accepting connections and lets
 * the reader drain what the sender already sent (until the input is quiet or the drain grace is
 * over); then the reader hands its partial batches on and tells every partition the input has
 * ended; each partition decodes what is queued and closes its engine, so
 * {@code END_OF_INPUT} reaches every signature and what they report then is queued too; the
 * writer stops only when every partition has finished and the finding queue is empty, then
 * flushes the output. The same path runs when the input simply ends.
 */
public final class Agent {
  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int QUIET_MILLIS = 200;

  private final AgentOptions options;
  private final PrintStream log;
  private final List<Partition> partitions = new ArrayList<>();
  private final List<Thread> partitionThreads = new ArrayList<>();
  private final BlockingQueue<Finding> findings;
  private final CountDownLatch partitionsDone;
  private final LineRouter router;
  private final OutputFormat.Writer output;
  private final byte[] chunk = new byte[CHUNK_BYTES];

  private @Nullable ServerSocket server;
  private volatile @Nullable Socket connection;
  private volatile boolean fifoOpened;
  private volatile boolean stopping;
  private volatile long drainDeadline;
  private volatile long findingsWritten;
  private volatile boolean started;
  private @Nullable Thread readerThread;
  private @Nullable Thread writerThread;
  private @Nullable Thread statsThread;

  /**
   * Creates an agent; nothing runs until {@link #start()}.
   *
   * @param options the options
   * @param signatures makes a fresh set of signatures, called once per partition: each engine
   *     needs instances of its own
   * @param out where findings go; closed when the agent ends
   * @param log where statistics and problems go
   */
  public Agent(AgentOptions options, Supplier<List<Signature>> signatures, OutputStream out,
      PrintStream log) {
    this.options = options;
    this.log = log;
    this.findings = new ArrayBlockingQueue<>(options.findingQueueCapacity());
    this.partitionsDone = new CountDownLatch(options.partitions());
    for (int p = 0; p < options.partitions(); p++) {
      partitions.add(new Partition(p, signatures.get(), findings, options.batchesPerPartition(),
          options.maxLineBytes() + 1, options.maxLineBytes(), log));
    }
    this.router = new LineRouter(partitions, options.maxLineBytes());
    this.output = options.format().open(out);
  }

  /**
   * Binds the socket (loopback only) and starts every thread.
   *
   * @throws IOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws IOException {
    if (started) {
      throw new IllegalStateException("agent already started");
    }
    started = true;
    Integer port = options.port();
    if (port != null) {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = socket;
    }
    for (Partition partition : partitions) {
      Thread thread = new Thread(() -> {
        try {
          partition.run();
        } finally {
          partitionsDone.countDown();
        }
      }, "sigil-partition-" + partition.index());
      partitionThreads.add(thread);
      thread.start();
    }
    writerThread = new Thread(this::writeFindings, "sigil-writer");
    writerThread.start();
    readerThread = new Thread(this::readInput, "sigil-reader");
    readerThread.start();
    if (!options.statsInterval().isZero()) {
      statsThread = new Thread(this::reportStatsPeriodically, "sigil-stats");
      statsThread.setDaemon(true);
      statsThread.start();
    }
  }

  /**
   * Returns the port the agent listens on.
   *
   * @return the bound port
   * @throws IllegalStateException when it reads a FIFO or has not started
   */
  public int port() {
    ServerSocket socket = server;
    if (socket == null) {
      throw new IllegalStateException("the agent is not listening on a port");
    }
    return socket.getLocalPort();
  }

  /**
   * Asks the agent to stop, as described in the class comment; returns at once. Idempotent;
   * callable from any thread (a shutdown hook, a test).
   */
  public void shutdown() {
    if (stopping) {
      return;
    }
    drainDeadline = System.nanoTime() + options.drainGrace().toNanos();
    stopping = true;
    closeQuietly(server);
    Thread watchdog = new Thread(this::forceReaderOff, "sigil-shutdown");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * Waits until every thread has finished: the input ended or {@link #shutdown()} was called,
   * and every finding has been written.
   *
   * @param timeoutMillis how long to wait at most
   * @return true when the agent has terminated
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<Thread> threads = new ArrayList<>();
    threads.add(readerThread);
    threads.addAll(partitionThreads);
    threads.add(writerThread);
    for (Thread thread : threads) {
      if (thread == null) {
        continue;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return !thread.isAlive();
      }
      thread.join(left);
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the figures so far; callable from any thread.
   *
   * @return the statistics
   */
  public AgentStats stats() {
    List<ReaderStats> readers = new ArrayList<>();
    List<EngineStats> engines = new ArrayList<>();
    for (Partition partition : partitions) {
      readers.add(partition.readerStats());
      engines.add(partition.engineStats());
    }
    return new AgentStats(router.bytesRead(), router.linesRouted(), router.blankLines(),
        router.longLines(), router.incompleteLines(), readers, engines, findingsWritten,
        findings.size());
  }

  private void readInput() {
    try {
      if (server != null) {
        serveConnections(server);
      } else {
        // AgentOptions holds a port or a FIFO, and there is no server, so there is a FIFO.
        readFifo(Objects.requireNonNull(options.fifo(), "fifo"));
      }
    } catch (IOException e) {
      if (!stopping) {
        log.println("sigil-agent: input failed: " + e.getMessage());
      }
    } catch (InterruptedException e) {
      log.println("sigil-agent: reader interrupted");
    } finally {
      // Interruption (the FIFO's way out) must not stop the hand-off that follows.
      Thread.interrupted();
      try {
        router.flush();
        for (Partition partition : partitions) {
          partition.endOfInput();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.println("sigil-agent: interrupted while ending the partitions");
      }
    }
  }

  private void serveConnections(ServerSocket socket) throws IOException, InterruptedException {
    while (!stopping) {
      Socket accepted;
      try {
        accepted = socket.accept();
      } catch (SocketException e) {
        if (stopping) {
          return;
        }
        throw e;
      }
      connection = accepted;
      try (Socket s = accepted) {
        s.setSoTimeout(QUIET_MILLIS);
        readConnection(s.getInputStream());
      } finally {
        connection = null;
      }
      if (options.once()) {
        return;
      }
    }
  }

  private void readConnection(InputStream in) throws IOException, InterruptedException {
    while (true) {
      int n;
      try {
        n = in.read(chunk);
      } catch (SocketTimeoutException quiet) {
        router.flush();
        if (stopping) {
          router.endOfStream(false);
          return;
        }
        continue;
      } catch (SocketException cut) {
        if (stopping) {
          router.endOfStream(false);
          return;
        }
        throw cut;
      }
      if (n < 0) {
        router.endOfStream(true);
        router.flush();
        return;
      }
      router.accept(chunk, 0, n);
      if (in.available() == 0) {
        router.flush();
      }
      if (stopping && System.nanoTime() - drainDeadline > 0) {
        router.endOfStream(false);
        return;
      }
    }
  }

  /** Reads the FIFO until its writer closes it; the agent then ends. */
  private void readFifo(Path fifo) throws IOException, InterruptedException {
    try (FileInputStream in = new FileInputStream(fifo.toFile())) {
      fifoOpened = true;
      FileChannel channel = in.getChannel();
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      while (true) {
        buffer.clear();
        int n;
        try {
          n = channel.read(buffer);
        } catch (ClosedByInterruptException e) {
          router.endOfStream(false);
          return;
        }
        if (n < 0) {
          router.endOfStream(true);
          return;
        }
        router.accept(chunk, 0, n);
        if (in.available() == 0) {
          router.flush();
        }
      }
    }
  }

  /** After the drain grace, gets a reader still blocked on its input off it. */
  private void forceReaderOff() {
    try {
      Thread reader = readerThread;
      if (reader == null) {
        return;
      }
      reader.join(Math.max(1, options.drainGrace().toMillis() + QUIET_MILLIS));
      if (!reader.isAlive()) {
        return;
      }
      closeQuietly(connection);
      reader.interrupt();
      if (options.fifo() != null && !fifoOpened) {
        // Opening a FIFO blocks until a writer comes; be that writer, so the open returns.
        try (FileOutputStream unblock = new FileOutputStream(options.fifo().toFile())) {
          unblock.flush();
        } catch (IOException e) {
          log.println("sigil-agent: could not unblock the FIFO: " + e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeFindings() {
    try {
      while (true) {
        Finding finding = findings.poll(100, TimeUnit.MILLISECONDS);
        if (finding != null) {
          write(finding);
        } else if (partitionsDone.getCount() == 0 && findings.isEmpty()) {
          // Every partition has closed its engine after its last put: nothing more can come.
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.println("sigil-agent: writer interrupted; " + findings.size() + " findings not written");
    } finally {
      try {
        output.close();
      } catch (RuntimeException e) {
        log.println("sigil-agent: closing the output failed: " + e.getMessage());
      }
      log.println("sigil-agent: final stats " + stats().summary());
      Thread timer = statsThread;
      if (timer != null) {
        timer.interrupt();
      }
    }
  }

  private void write(Finding finding) {
    try {
      output.onFinding(finding);
      findingsWritten++;
    } catch (RuntimeException e) {
      // Keep draining, or the partitions would block forever behind a dead output.
      log.println("sigil-agent: writing a finding of " + finding.metadata().id() + " failed: "
          + e.getMessage());
    }
  }

  private void reportStatsPeriodically() {
    long intervalMillis = options.statsInterval().toMillis();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(intervalMillis);
        log.println("sigil-agent: stats " + stats().summary());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // closing to unblock a thread: a failure changes nothing
    }
  }
}
