package dev.sigil.examples.agent;

import dev.sigil.core.Engine;
import dev.sigil.core.EngineStats;
import dev.sigil.core.Event;
import dev.sigil.core.Signature;
import dev.sigil.core.tracee.ReaderStats;
import dev.sigil.core.tracee.TraceeReader;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One thread with one engine per node ({@link NodeEngines}), fed batches of raw lines by the
 * senders of the nodes that map to it; each batch holds one sender's lines, so one node's.
 *
 * <p>The engines and their signatures belong to this thread alone (an engine is single-threaded,
 * and each node's engine has its own signature instances, so their state needs no locks). The
 * partition decodes its batches with its own {@link TraceeReader} and hands findings to the
 * {@link FindingDrain}; a drain that is full blocks it, which in turn keeps its batches and
 * blocks the senders.
 *
 * <p>Memory follows use: the batches are made when first needed, up to the limit, and a
 * partition is only created once a node maps to it ({@link NodeRouter}).
 */
final class Partition implements Runnable {
  private final int index;
  private final int maxBatches;
  private final int batchBytes;
  private final AtomicInteger batchesMade = new AtomicInteger();
  private final BlockingQueue<Batch> full;
  private final BlockingQueue<Batch> free;
  private final NodeEngines engines;
  private final TraceeReader reader;
  private final Consumer<Event> sink;
  private final Thread thread;
  private final PrintStream log;
  /** The batch being decoded (partition thread only): a rejection names its line's sender. */
  private Batch decoding = Batch.END;
  /** The engine of the batch being decoded (partition thread only), which the sink feeds. */
  private @Nullable Engine engine;
  private volatile ReaderStats readerStats = new ReaderStats(0, 0, 0, 0, 0, 0);
  private volatile @Nullable EngineStats finalStats;

  Partition(int index, Supplier<List<Signature>> signatures, FindingDrain drain,
      RejectionLog rejections, AgentOptions options, PrintStream log) {
    this.index = index;
    this.log = log;
    this.maxBatches = options.batchesPerPartition();
    this.batchBytes = Math.min(options.batchBytes(), options.maxLineBytes() + 1);
    // Room for every batch and END, so handing a batch on never blocks: only getting one does.
    this.full = new ArrayBlockingQueue<>(maxBatches + 1);
    this.free = new ArrayBlockingQueue<>(maxBatches);
    this.engines = new NodeEngines(index, options.nodesPerPartition(), node -> Engine.builder()
        .addAll(signatures.get())
        .node(node)
        .onFinding(drain::hand)
        .onError(error -> log.println("sigil-agent: node " + node + ": " + error))
        .onNotice(notice -> log.println("sigil-agent: node " + node + ": " + notice))
        .build(), log);
    this.reader = TraceeReader.builder()
        .maxLineBytes(options.maxLineBytes())
        // The reader numbers lines within the batch; the batch knows their sender and number.
        .onRejection(rejection -> {
          int line = (int) rejection.lineNumber() - 1;
          rejections.reject(decoding.senders[line], decoding.lineNumbers[line],
              rejection.reason());
        })
        .build();
    this.sink = event -> Objects.requireNonNull(engine).accept(event);
    this.thread = new Thread(this, "sigil-partition-" + index);
  }

  void start() {
    thread.start();
  }

  /** Waits for a free batch, making one while fewer than the limit exist. */
  Batch freeBatch() throws InterruptedException {
    Batch batch = free.poll();
    if (batch != null) {
      return batch;
    }
    if (batchesMade.getAndUpdate(n -> n < maxBatches ? n + 1 : n) < maxBatches) {
      return new Batch(batchBytes);
    }
    return free.take();
  }

  /** Queues a filled batch; never blocks (the queue has room for every batch). */
  void hand(Batch batch) {
    full.add(batch);
  }

  /** Tells the partition that the input has ended; it drains its queue, then closes its engine. */
  void endOfInput() {
    full.add(Batch.END);
  }

  /** Waits until the partition has decoded everything and closed its engine. */
  void join() throws InterruptedException {
    thread.join();
  }

  @Override
  public void run() {
    try {
      while (true) {
        Batch batch = full.take();
        if (batch == Batch.END) {
          break;
        }
        decoding = batch;
        try {
          engine = engines.forNode(batch.node);
          reader.read(batch.bytes, 0, batch.length, sink);
        } catch (RuntimeException e) {
          // Keep going: a partition that died would leave its senders waiting for batches.
          log.println("sigil-agent: partition " + index + ": a batch failed: " + e);
        }
        readerStats = reader.stats();
        batch.clear();
        free.add(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // END_OF_INPUT reaches the signatures here; what they report on it still goes out.
      engines.closeAll();
      finalStats = engines.stats();
    }
  }

  int index() {
    return index;
  }

  /** Its engines' statistics added up; safe from any thread. */
  EngineStats engineStats() {
    EngineStats done = finalStats;
    return done != null ? done : engines.stats();
  }

  /** The nodes' engines open now. */
  int nodeEngines() {
    return engines.open();
  }

  /** The nodes' engines closed to make room for another node's. */
  long nodeEvictions() {
    return engines.evictions();
  }

  /** The reader's statistics as of the last decoded batch. */
  ReaderStats readerStats() {
    return readerStats;
  }
}
