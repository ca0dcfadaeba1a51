package dev.sigil.examples.agent;

import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The findings' way out: partitions hand findings to one bounded queue and one writer thread
 * writes them, so the output needs no lock, and a slow output slows the partitions (and through
 * them the senders) instead of using more memory.
 *
 * <p><b>Stopping while the output is blocked.</b> A writer blocked on an output that nobody
 * reads (a full pipe) cannot be woken, and a partition waiting for room in the queue could
 * not finish either. So a stop that runs out of time {@linkplain #abandon() abandons} the
 * drain: from then on nothing more is written, a partition's finding is dropped instead of
 * waited for, and {@link #dropped()} says how many findings were handed in and never written.
 * The writer thread is a daemon, left to its blocked write.
 */
final class FindingDrain {
  private static final long POLL_MILLIS = 50;

  private final BlockingQueue<Finding> queue;
  private final FindingWriter output;
  private final PrintStream log;
  private final Thread writer;
  private final LongAdder handed = new LongAdder();
  private volatile long written;
  private volatile long failed;
  private volatile boolean noMore;
  private volatile boolean abandoned;

  FindingDrain(FindingWriter output, int capacity, PrintStream log) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.output = output;
    this.log = log;
    this.writer = new Thread(this::writeUntilDone, "sigil-writer");
    writer.setDaemon(true);
  }

  void start() {
    writer.start();
  }

  /**
   * Queues a finding, waiting while the queue is full (back-pressure), unless the drain is
   * abandoned: the finding is then dropped, and counted. Called by partition threads.
   */
  void hand(Finding finding) {
    handed.increment();
    try {
      while (!abandoned) {
        if (queue.offer(finding, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Says that no more findings come, and waits until the queued ones are written and the output
   * closed, or until the drain is abandoned.
   */
  void finish() throws InterruptedException {
    noMore = true;
    while (writer.isAlive() && !abandoned) {
      writer.join(POLL_MILLIS);
    }
  }

  /** Gives up on the output: what is queued, and whatever comes, is dropped and counted. */
  void abandon() {
    abandoned = true;
    queue.clear();
  }

  boolean abandoned() {
    return abandoned;
  }

  long written() {
    return written;
  }

  int queued() {
    return abandoned ? 0 : queue.size();
  }

  /** Findings handed in that were never written: failed writes, and all the rest once abandoned. */
  long dropped() {
    return abandoned ? handed.sum() - written : failed;
  }

  private void writeUntilDone() {
    try {
      while (!abandoned) {
        Finding finding = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (finding != null) {
          write(finding);
        } else if (noMore && queue.isEmpty()) {
          break; // every partition has finished: nothing more can come
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!abandoned) {
        try {
          output.close();
        } catch (RuntimeException e) {
          log.println("sigil-agent: closing the output failed: " + e.getMessage());
        }
      }
    }
  }

  private void write(Finding finding) {
    try {
      output.onFinding(finding);
      if (!abandoned) {
        written++;
      }
    } catch (RuntimeException e) {
      // Keep draining, or the partitions would block forever behind a dead output.
      if (failed++ == 0) {
        log.println("sigil-agent: writing a finding failed (" + e.getMessage()
            + "); further failures are only counted");
      }
    }
  }
}
