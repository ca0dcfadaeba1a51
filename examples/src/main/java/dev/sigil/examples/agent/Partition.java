package dev.sigil.examples.agent;

import dev.sigil.core.Engine;
import dev.sigil.core.EngineStats;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import dev.sigil.core.Signature;
import dev.sigil.core.tracee.ReaderStats;
import dev.sigil.core.tracee.TraceeReader;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One engine on one thread, fed batches of raw lines of the hosts that hash to it.
 *
 * <p>The engine and its signatures belong to this thread alone (an engine is single-threaded,
 * and each partition has its own signature instances, so their state needs no locks). The
 * partition decodes its batches with its own {@link TraceeReader} and hands findings to the
 * shared bounded finding queue; a full queue blocks it, which in turn fills its batch queue and
 * blocks the reader thread.
 */
final class Partition implements Runnable {
  private final int index;
  private final BlockingQueue<Batch> full;
  private final BlockingQueue<Batch> free;
  private final Engine engine;
  private final TraceeReader reader;
  private final Consumer<Event> sink;
  private volatile ReaderStats readerStats;
  private volatile EngineStats finalStats;

  Partition(int index, List<Signature> signatures, BlockingQueue<Finding> findings,
      int batches, int batchCapacity, int maxLineBytes, PrintStream log) {
    this.index = index;
    this.full = new ArrayBlockingQueue<>(batches + 1);
    this.free = new ArrayBlockingQueue<>(batches);
    for (int i = 0; i < batches; i++) {
      free.add(new Batch(batchCapacity));
    }
    FindingListener toQueue = finding -> {
      try {
        findings.put(finding);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("partition " + index + " interrupted handing a finding", e);
      }
    };
    this.engine = Engine.builder()
        .addAll(signatures)
        .onFinding(toQueue)
        .onError(error -> log.println("sigil-agent: partition " + index + ": " + error))
        .build();
    this.reader = TraceeReader.builder()
        .maxLineBytes(maxLineBytes)
        // Line numbers count within a batch, which means nothing to the sender: give the reason.
        .onRejection(rejection -> log.println("sigil-agent: partition " + index
            + ": rejected a line: " + rejection.reason()))
        .build();
    this.sink = engine::accept;
    this.readerStats = new ReaderStats(0, 0, 0, 0, 0, 0, 0);
  }

  /** Waits for a free batch; blocks while every batch is queued or being decoded. */
  Batch freeBatch() throws InterruptedException {
    return free.take();
  }

  /** Queues a full batch; blocks while the partition is behind (back-pressure). */
  void hand(Batch batch) throws InterruptedException {
    full.put(batch);
  }

  /** Tells the partition that the input has ended; it drains its queue, then closes its engine. */
  void endOfInput() throws InterruptedException {
    full.put(Batch.END);
  }

  @Override
  public void run() {
    try {
      while (true) {
        Batch batch = full.take();
        if (batch == Batch.END) {
          break;
        }
        reader.read(batch.bytes, 0, batch.length, sink);
        readerStats = reader.stats();
        batch.length = 0;
        free.put(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // END_OF_INPUT reaches the signatures here; what they report on it still goes out.
      engine.close();
      finalStats = engine.stats();
    }
  }

  int index() {
    return index;
  }

  /** The engine's statistics; safe from any thread. */
  EngineStats engineStats() {
    EngineStats done = finalStats;
    return done != null ? done : engine.stats();
  }

  /** The reader's statistics as of the last decoded batch. */
  ReaderStats readerStats() {
    return readerStats;
  }

  int queuedBatches() {
    return full.size();
  }
}
