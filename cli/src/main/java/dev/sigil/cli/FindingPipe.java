package dev.sigil.cli;

import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import dev.sigil.core.FindingWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Carries findings from the engine to standard output through a writer thread of its own, so
 * that a blocked output ({@code sigil scan big.jsonl | sleep 60}) holds up the scan only while
 * nothing asks it to stop: the engine's thread hands a finding over and waits only for room in
 * a bounded queue, and every wait gives up at a deadline once a stop has set one
 * ({@link #deadline(long)}). What could not be written by then is counted, not lost silently.
 *
 * <p>Counts are kept so that they always agree: every finding the engine reported is either
 * {@linkplain #written() written} (and counted by id) or {@linkplain #notWritten() not}, never
 * both. A write that throws (a closed pipe) fails the pipe: the next finding handed over, and
 * {@link #close(long)}, report the failure.
 */
final class FindingPipe implements FindingListener {
  /** Findings queued at most; a burst beyond it waits for the writer. */
  static final int CAPACITY = 4096;
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final FindingWriter output;
  private final UnaryOperator<Runnable> aroundWrite;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Finding> queue = new ArrayDeque<>();
  private final Map<String, Long> writtenById = new LinkedHashMap<>();
  private final Thread writer;
  // Guarded by this.
  private long reported;
  private long written;
  private boolean closing;
  private boolean writerDone;
  private long deadline = Long.MAX_VALUE;
  private boolean hasDeadline;
  private @Nullable RuntimeException failure;

  /**
   * Starts the writer thread.
   *
   * @param output where findings are written; closed (flushed) once the queue is drained
   * @param aroundWrite wraps each write (to keep the progress line off the line being written)
   * @param nanoTime the clock deadlines are measured on
   */
  FindingPipe(FindingWriter output, UnaryOperator<Runnable> aroundWrite, LongSupplier nanoTime) {
    this.output = output;
    this.aroundWrite = aroundWrite;
    this.nanoTime = nanoTime;
    this.writer = new Thread(this::writeAll, "sigil-findings");
    writer.setDaemon(true); // a writer blocked forever must not keep the process alive
    writer.start();
  }

  /**
   * Hands a finding to the writer, waiting for room while the queue is full; gives it up
   * (counted as not written) once a deadline passed.
   *
   * @throws UncheckedIOException or another runtime exception when writing already failed
   */
  @Override
  public void onFinding(Finding finding) {
    synchronized (this) {
      reported++;
      if (failure != null) {
        throw failure;
      }
      while (queue.size() >= CAPACITY && failure == null && !writerDone) {
        if (!waitSlice()) {
          return; // given up: counted as reported, not written
        }
      }
      if (failure != null) {
        throw failure;
      }
      if (writerDone) {
        return;
      }
      queue.addLast(finding);
      notifyAll();
    }
  }

  /**
   * From now on no wait lasts beyond {@code nanos} (on the pipe's clock); called when a stop is
   * requested, and again to give the queue a last chance to drain.
   *
   * @param nanos the deadline
   */
  synchronized void deadline(long nanos) {
    deadline = nanos;
    hasDeadline = true;
    notifyAll();
  }

  /**
   * Lets the writer finish the queue and close the output, waiting for it until the deadline,
   * if one was set, or else as long as it takes.
   *
   * @return the failure that stopped writing, if any
   */
  synchronized @Nullable RuntimeException close() {
    closing = true;
    notifyAll();
    while (!writerDone && waitSlice()) {
      // waiting for the writer to drain the queue
    }
    return failure;
  }

  /** Findings the engine reported. */
  synchronized long reported() {
    return reported;
  }

  /** Findings written to the output. */
  synchronized long written() {
    return written;
  }

  /** Findings reported but not written: dropped at a deadline, queued or in the write that failed. */
  synchronized long notWritten() {
    return reported - written;
  }

  /** Findings written per reported id, in the order the ids were first written. */
  synchronized Map<String, Long> writtenById() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(writtenById));
  }

  /** Waits a slice; false when the deadline passed. Called holding the lock. */
  private boolean waitSlice() {
    long now = nanoTime.getAsLong();
    if (hasDeadline && now - deadline >= 0) {
      return false;
    }
    long slice = hasDeadline ? Math.min(WAIT_SLICE_NANOS, deadline - now) : WAIT_SLICE_NANOS;
    try {
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, slice));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }

  private void writeAll() {
    try {
      while (true) {
        Finding next;
        synchronized (this) {
          while (queue.isEmpty() && !closing) {
            try {
              wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          if (queue.isEmpty()) {
            break;
          }
          next = queue.pollFirst();
          notifyAll();
        }
        aroundWrite.apply(() -> output.onFinding(next)).run();
        synchronized (this) {
          written++;
          writtenById.merge(next.metadata().id(), 1L, Long::sum);
        }
      }
      output.close();
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = e;
        queue.clear();
      }
    } finally {
      synchronized (this) {
        writerDone = true;
        notifyAll();
      }
    }
  }
}
