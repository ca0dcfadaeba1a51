package dev.sigil.core.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.internal.LineScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TraceeReader}'s reading on several threads: the reading thread cuts the input into
 * batches of whole lines, worker threads decode each batch into a batch of events (one re-used
 * event per line), and the reading thread hands the batches' events and rejections on in input
 * order, through the reader's own accounting. With n threads asked for, n - 1 workers are
 * started: the reading thread is the n-th decoder, so that n threads share the whole work
 * (reading, decoding, the sink) instead of n + 1 competing for n cores. As it also reads and runs
 * the sink, it decodes only the workers' backlog, newest batch first (see {@link #awaitDecoded}).
 * Batches are recycled, so once warm nothing is allocated per event.
 *
 * <p>Batches are small (64 KiB) and many (four per thread, and two): with 256 KiB batches, half
 * as many, and the reading thread decoding whatever was pending, {@code sigil scan --threads 2}
 * spent a third more CPU time on a 200,000-event file (5.9 s of user time against 4.4 s, four
 * alternating runs each on a busy 2-core machine; wall time followed).
 *
 * <p>A batch's events are views of its bytes: a batch of a stream owns its buffer, a batch of a
 * byte range is a range of the caller's array. Worker threads live for one {@code read}.
 */
final class ParallelReading {
  static final int DEFAULT_BATCH_BYTES = 64 * 1024;
  private static final int MAX_BUFFER = Integer.MAX_VALUE - 64;
  /** Free bytes after every buffer's data: see {@link TraceeReader#SLACK}. */
  private static final int SLACK = TraceeReader.SLACK;

  /** A batch of whole lines and, once decoded, what became of each line. */
  static final class Batch {
    /** The input: this batch's own buffer, or the caller's array. */
    byte[] bytes;
    byte[] ownBytes;
    int from;
    int to;
    /** A line too long to keep, skipped while reading: its length and whether it was blank. */
    long longLine = -1;
    boolean longLineBlank;
    /** The last line of an input without a newline, copied with one. */
    byte[] tail = new byte[0];

    int lines;
    byte[] outcomes = new byte[0];
    long[] lengths = new long[0];
    int[] argProblems = new int[0];
    String[] reasons = new String[0];
    MutableEvent[] events = new MutableEvent[0];

    /** Set by the worker that decoded the batch. */
    volatile boolean decoded;

    Batch(int capacity) {
      this.ownBytes = new byte[capacity + SLACK];
      this.bytes = ownBytes;
    }

    void reset() {
      lines = 0;
      longLine = -1;
      decoded = false;
    }

    void grow(int line) {
      if (line >= outcomes.length) {
        int capacity = Math.max(64, outcomes.length * 2);
        outcomes = Arrays.copyOf(outcomes, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        argProblems = Arrays.copyOf(argProblems, capacity);
        reasons = Arrays.copyOf(reasons, capacity);
        events = Arrays.copyOf(events, capacity);
      }
      if (events[line] == null) {
        events[line] = new MutableEvent();
      }
    }
  }

  private final TraceeReader reader;
  /** The reading thread's own decoder, for the batches it takes. */
  private final LineDiscipline own;
  /** One per worker thread. */
  private final LineDiscipline[] disciplines;
  private final int batchBytes;
  private final int maxLineBytes;
  private final Batch[] pool;
  private byte[] carry = new byte[0];
  private int carryLength;

  // Shared with the workers, guarded by lock.
  private final Object lock = new Object();
  private final ArrayDeque<Batch> work;
  /** Workers waiting for work: the batches they will take are not for the reading thread. */
  private int idleWorkers;
  private boolean closing;
  private @Nullable Throwable failure;
  /** Whether the decoding threads measure what they allocate: for tests only. */
  private final boolean measureAllocations;
  /** What the decoding threads allocated, over all reads, when measured. */
  private final AtomicLong workerAllocations = new AtomicLong();

  ParallelReading(TraceeReader reader, LineDiscipline own, LineDiscipline[] disciplines,
      int batchBytes, int maxLineBytes, boolean measureAllocations) {
    this.reader = reader;
    this.measureAllocations = measureAllocations;
    this.own = own;
    this.disciplines = disciplines;
    this.batchBytes = batchBytes;
    this.maxLineBytes = maxLineBytes;
    this.pool = new Batch[4 * (disciplines.length + 1) + 2];
    this.work = new ArrayDeque<>(pool.length);
  }

  /** Whether a byte range is long enough to be worth the threads. */
  boolean worthIt(int length) {
    return length >= 4L * batchBytes;
  }

  /** Every batch of the pool, all free, for one read. */
  private ArrayDeque<Batch> allBatches() {
    ArrayDeque<Batch> free = new ArrayDeque<>(pool.length);
    for (int i = 0; i < pool.length; i++) {
      free.add(batch(i));
    }
    return free;
  }

  private Batch batch(int i) {
    if (pool[i] == null) {
      pool[i] = new Batch((int) Math.min(batchBytes, (long) maxLineBytes + 1));
    }
    return pool[i];
  }

  // ---- the reading thread -------------------------------------------------------------------

  /** Where the reading thread stands in the input: the next line's number and offset. */
  private long lineNumber;
  private long lineOffset;

  void read(InputStream in, Consumer<? super Event> sink) throws IOException {
    lineNumber = 0;
    lineOffset = 0;
    carryLength = 0;
    eof = false;
    IOException readFailure = null;
    Thread[] workers = start();
    try {
      ArrayDeque<Batch> free = allBatches();
      ArrayDeque<Batch> inFlight = new ArrayDeque<>(pool.length);
      boolean inputDone = false;
      while (true) {
        Batch head = inFlight.peek();
        if (head != null && head.decoded) {
          inFlight.poll();
          if (!deliver(head, sink)) {
            return;
          }
          free.add(head);
          continue;
        }
        // Read ahead while workers decode, but never wait for input while a batch is pending:
        // a live stream's events go on as soon as they are decoded.
        if (!inputDone && !free.isEmpty() && (head == null || available(in) > 0)) {
          if (head == null && reader.stopping()) {
            return;
          }
          Batch batch = free.poll();
          batch.reset();
          try {
            inputDone = fill(in, batch, head == null);
          } catch (IOException e) {
            readFailure = e; // what was read before it still goes on
            inputDone = true;
          }
          if (batch.to > batch.from || batch.longLine >= 0) {
            inFlight.add(batch);
            submit(batch);
          } else {
            free.add(batch);
          }
          continue;
        }
        if (head == null) {
          break;
        }
        awaitDecoded(head);
      }
      if (readFailure != null) {
        throw readFailure;
      }
    } finally {
      stop(workers);
    }
  }

  private static int available(InputStream in) {
    try {
      return in.available();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Whether the stream being read has ended. */
  private boolean eof;

  /**
   * Fills a batch with whole lines from the stream, starting with the partial line the last batch
   * left; or, when a line is too long to keep, makes it a record of that line; or, at the end of
   * the input, with the last line if it has no newline. Without {@code mayBlock} it reads only
   * what the stream has ready, and may leave the batch empty.
   *
   * @return true when the input has ended and nothing is left for another batch
   */
  private boolean fill(InputStream in, Batch batch, boolean mayBlock) throws IOException {
    byte[] buf = batch.ownBytes;
    if (buf.length - SLACK < carryLength + 1) {
      buf = new byte[(int) Math.min(MAX_BUFFER, Math.max(carryLength + 1, 2L * buf.length)) + SLACK];
      batch.ownBytes = buf;
    }
    int capacity = buf.length - SLACK; // data goes up to here, the slack stays free
    System.arraycopy(carry, 0, buf, 0, carryLength);
    int end = carryLength;
    int searched = 0;
    carryLength = 0;
    batch.bytes = buf;
    batch.from = 0;
    batch.to = 0;
    while (true) {
      int last = TraceeReader.lastNewline(buf, searched, end);
      searched = end;
      if (last >= 0) {
        // Whole lines are ready: hand them on once the buffer is full or input stops flowing, so
        // a live stream is not held back waiting for a full batch.
        if (eof || end == capacity || available(in) <= 0) {
          keep(buf, last + 1, end);
          batch.to = last + 1;
          return eof && carryLength == 0;
        }
      } else {
        if (eof) {
          batch.to = end; // the last line, without a newline (or nothing)
          return true;
        }
        if (!mayBlock && (end > maxLineBytes || available(in) <= 0)) {
          keep(buf, 0, end); // nothing whole yet: try again when nothing else is pending
          return false;
        }
        if (end > maxLineBytes) {
          skipLongLine(in, batch, buf, end);
          return eof && carryLength == 0;
        }
        if (end == capacity) {
          capacity = (int) Math.min(MAX_BUFFER, Math.min((long) maxLineBytes + 1, 2L * capacity));
          buf = Arrays.copyOf(buf, capacity + SLACK);
          batch.ownBytes = buf;
          batch.bytes = buf;
        }
      }
      int n = in.read(buf, end, capacity - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }
  }

  /** Keeps the partial line after the batch's whole lines for the next batch. */
  private void keep(byte[] buf, int from, int to) {
    int length = to - from;
    if (carry.length < length) {
      carry = new byte[Math.max(length, Math.min(MAX_BUFFER, 2 * carry.length))];
    }
    System.arraycopy(buf, from, carry, 0, length);
    carryLength = length;
  }

  /** Reads past a line longer than the limit, keeping what follows its newline. */
  private void skipLongLine(InputStream in, Batch batch, byte[] buf, int end) throws IOException {
    long length = end;
    boolean blank = TraceeReader.isBlank(buf, 0, end);
    while (true) {
      int n = in.read(buf, 0, buf.length - SLACK);
      if (n < 0) {
        eof = true;
        break;
      }
      int newline = (int) LineScan.scan(buf, 0, n);
      if (newline < n) {
        blank = blank && TraceeReader.isBlank(buf, 0, newline);
        length += newline + 1;
        keep(buf, newline + 1, n);
        break;
      }
      blank = blank && TraceeReader.isBlank(buf, 0, n);
      length += n;
    }
    batch.longLine = length;
    batch.longLineBlank = blank;
    batch.from = 0;
    batch.to = 0;
  }

  void read(byte[] buffer, int offset, int length, Consumer<? super Event> sink) {
    lineNumber = 0;
    lineOffset = 0;
    Thread[] workers = start();
    try {
      ArrayDeque<Batch> free = allBatches();
      ArrayDeque<Batch> inFlight = new ArrayDeque<>(pool.length);
      int limit = offset + length;
      int position = offset;
      while (true) {
        while (position < limit && !free.isEmpty()) {
          Batch batch = free.poll();
          batch.reset();
          int end = position + batchBytes;
          if (end >= limit) {
            end = limit;
          } else {
            int newline = (int) LineScan.scan(buffer, end - 1, limit);
            end = newline < limit ? newline + 1 : limit;
          }
          batch.bytes = buffer;
          batch.from = position;
          batch.to = end;
          position = end;
          inFlight.add(batch);
          submit(batch);
        }
        Batch next = inFlight.poll();
        if (next == null) {
          return;
        }
        awaitDecoded(next);
        if (!deliver(next, sink)) {
          return;
        }
        free.add(next);
      }
    } finally {
      stop(workers);
    }
  }

  /** Hands a decoded batch's lines on in order; false when a stop was requested. */
  private boolean deliver(Batch batch, Consumer<? super Event> sink) {
    if (batch.longLine >= 0) {
      if (reader.stopping()) {
        return false;
      }
      lineNumber++;
      reader.accountLongLine(batch.longLine, batch.longLineBlank, lineNumber, lineOffset);
      lineOffset += batch.longLine;
      return true;
    }
    for (int i = 0; i < batch.lines; i++) {
      if (reader.stopping()) {
        return false;
      }
      lineNumber++;
      long length = batch.lengths[i];
      reader.account(batch.outcomes[i], length, lineNumber, lineOffset, batch.reasons[i],
          batch.argProblems[i], batch.events[i], sink);
      lineOffset += length;
    }
    return true;
  }

  private void submit(Batch batch) {
    synchronized (lock) {
      work.add(batch);
      lock.notifyAll();
    }
  }

  /**
   * Waits until a batch is decoded, decoding pending batches on this thread meanwhile when the
   * workers have a backlog: more batches queued than the idle workers are about to take plus one
   * each to go on with. This thread also reads the input and runs the sink, so it decodes only
   * what the workers cannot keep up with; and it takes the newest batch, the one furthest from
   * being handed on, leaving the workers, which take the oldest, the batches needed next.
   */
  private void awaitDecoded(Batch batch) {
    while (true) {
      Batch pending;
      synchronized (lock) {
        while (!batch.decoded && work.size() <= idleWorkers + disciplines.length && failure == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(new InterruptedIOException("interrupted while decoding"));
          }
        }
        if (failure != null) {
          throw new IllegalStateException("a decoding thread failed", failure);
        }
        if (batch.decoded) {
          return;
        }
        pending = work.pollLast();
      }
      decodeAndSignal(own, pending);
    }
  }

  // ---- the workers --------------------------------------------------------------------------

  private Thread[] start() {
    synchronized (lock) {
      idleWorkers = 0;
      closing = false;
      failure = null;
      work.clear();
    }
    Thread[] workers = new Thread[disciplines.length];
    for (int i = 0; i < workers.length; i++) {
      LineDiscipline discipline = disciplines[i];
      String name = "sigil-decoder-" + (i + 1);
      workers[i] = new Thread(() -> work(discipline), name);
      workers[i].setDaemon(true);
      workers[i].start();
    }
    return workers;
  }

  private void stop(Thread[] workers) {
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Bytes the decoding threads allocated, over all reads, when they measure it. */
  long workerAllocatedBytes() {
    return workerAllocations.get();
  }

  /**
   * Reads the current thread's allocation counter. A class of its own, loaded only when a test
   * asks for the measurement: it needs the {@code jdk.management} module, which core requires
   * only statically, so that readers in a module-path application without it still work.
   */
  private static final class ThreadAllocation {
    private static final com.sun.management.@Nullable ThreadMXBean BEAN = bean();

    private static com.sun.management.@Nullable ThreadMXBean bean() {
      java.util.Optional<Module> management = ModuleLayer.boot().findModule("jdk.management");
      if (management.isEmpty()) {
        return null;
      }
      ThreadAllocation.class.getModule().addReads(management.get());
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      return threads instanceof com.sun.management.ThreadMXBean
          ? (com.sun.management.ThreadMXBean) threads : null;
    }

    static long current() {
      com.sun.management.ThreadMXBean bean = BEAN;
      return bean == null ? 0 : bean.getCurrentThreadAllocatedBytes();
    }
  }


  private void work(LineDiscipline discipline) {
    long allocatedBefore = measureAllocations ? ThreadAllocation.current() : 0;
    try {
      while (true) {
        Batch batch;
        synchronized (lock) {
          while (work.isEmpty() && !closing) {
            idleWorkers++;
            try {
              lock.wait();
            } finally {
              idleWorkers--;
            }
          }
          if (closing) {
            return;
          }
          batch = work.poll();
        }
        decodeAndSignal(discipline, batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      synchronized (lock) {
        failure = e;
        lock.notifyAll();
      }
    } finally {
      if (measureAllocations) {
        workerAllocations.addAndGet(ThreadAllocation.current() - allocatedBefore);
      }
    }
  }

  /** Decodes a batch and tells the thread waiting for it. */
  private void decodeAndSignal(LineDiscipline discipline, Batch batch) {
    decode(discipline, batch);
    synchronized (lock) {
      batch.decoded = true;
      lock.notifyAll();
    }
  }

  private static void decode(LineDiscipline discipline, Batch batch) {
    if (batch.longLine >= 0) {
      return;
    }
    byte[] bytes = batch.bytes;
    int position = batch.from;
    int last = TraceeReader.lastNewline(bytes, position, batch.to);
    while (position <= last) {
      position = line(discipline, batch, bytes, position, true);
    }
    if (position < batch.to) {
      int length = batch.to - position;
      if (batch.tail.length < length + 1 + SLACK) {
        batch.tail = new byte[Math.max(length + 1 + SLACK, 2 * batch.tail.length)];
      }
      System.arraycopy(bytes, position, batch.tail, 0, length);
      batch.tail[length] = '\n';
      line(discipline, batch, batch.tail, 0, false);
    }
  }

  private static int line(LineDiscipline discipline, Batch batch, byte[] bytes, int start, boolean newlineFollows) {
    int i = batch.lines++;
    batch.grow(i);
    int outcome = discipline.line(bytes, start, batch.events[i]);
    int end = discipline.end();
    batch.outcomes[i] = (byte) outcome;
    batch.lengths[i] = end - start + (newlineFollows ? 1 : 0);
    batch.argProblems[i] = outcome == TraceeLineDecoder.EVENT ? discipline.argProblems() : 0;
    batch.reasons[i] = outcome == TraceeLineDecoder.REJECTED ? discipline.reason() : null;
    return end + 1;
  }
}
