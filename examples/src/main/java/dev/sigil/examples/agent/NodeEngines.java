package dev.sigil.examples.agent;

import dev.sigil.core.Engine;
import dev.sigil.core.EngineStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A partition's engines, one per node, so that two nodes whose keys hash to the same partition
 * never share state (SGL-1001 would otherwise correlate a write on one node with an exec on the
 * other) and every finding carries its node ({@code Engine.Builder.node}).
 *
 * <p><b>Bounded.</b> At most {@code --nodes-per-partition} engines are kept; a new node beyond
 * that closes the engine of the node that has been quiet the longest (its signatures see the end
 * of input, and what they report then still goes out), losing that node's state: its next
 * events start a fresh engine. Each such eviction is counted, and the first one of a partition
 * is said on the log, once.
 *
 * <p>The partition's thread alone creates, feeds and closes the engines; the statistics may be
 * read from any thread, hence the lock (taken once per batch, never per event).
 */
final class NodeEngines {
  private final int partition;
  private final int maxNodes;
  private final Function<String, Engine> newEngine;
  private final PrintStream log;
  // Guarded by this; access order, so the first entry is the node quiet the longest.
  private final LinkedHashMap<String, Engine> engines = new LinkedHashMap<>(16, 0.75f, true);
  private EngineStats retired = EngineStatsSum.ZERO;
  private long evictions;

  NodeEngines(int partition, int maxNodes, Function<String, Engine> newEngine, PrintStream log) {
    this.partition = partition;
    this.maxNodes = maxNodes;
    this.newEngine = newEngine;
    this.log = log;
  }

  /** The node's engine, made on its first batch; may close another node's to stay in bounds. */
  Engine forNode(String node) {
    Engine evicted = null;
    String evictedNode = null;
    boolean first = false;
    Engine engine;
    synchronized (this) {
      engine = engines.get(node);
      if (engine != null) {
        return engine;
      }
      if (engines.size() >= maxNodes) {
        Iterator<Map.Entry<String, Engine>> eldest = engines.entrySet().iterator();
        Map.Entry<String, Engine> entry = eldest.next();
        evictedNode = entry.getKey();
        evicted = entry.getValue();
        eldest.remove();
        first = ++evictions == 1;
      }
    }
    if (evicted != null) {
      if (first) {
        log.println("sigil-agent: partition " + partition + " has more than " + maxNodes
            + " nodes: the engine of the node quiet the longest (" + evictedNode + ") is closed"
            + " and its state lost, and so on for later nodes (counted as nodeEvictions); raise"
            + " --nodes-per-partition or --partitions");
      }
      retire(evicted); // outside the lock: closing may wait for the finding queue
    }
    engine = newEngine.apply(node);
    synchronized (this) {
      engines.put(node, engine);
    }
    return engine;
  }

  /** Closes every engine: the end of input reaches every node's signatures. */
  void closeAll() {
    List<Engine> open;
    synchronized (this) {
      open = new ArrayList<>(engines.values());
      engines.clear();
    }
    for (Engine engine : open) {
      retire(engine);
    }
  }

  private void retire(Engine engine) {
    try {
      engine.close();
    } finally {
      EngineStats last = engine.stats();
      synchronized (this) {
        retired = EngineStatsSum.of(retired, last);
      }
    }
  }

  /** Every engine's statistics added up, those closed included. */
  synchronized EngineStats stats() {
    EngineStats sum = retired;
    for (Engine engine : engines.values()) {
      sum = EngineStatsSum.of(sum, engine.stats());
    }
    return sum;
  }

  /** The engines open now. */
  synchronized int open() {
    return engines.size();
  }

  /** The engines closed to make room for another node's. */
  synchronized long evictions() {
    return evictions;
  }
}
