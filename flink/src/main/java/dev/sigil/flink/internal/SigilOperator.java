package dev.sigil.flink.internal;

import dev.sigil.core.Engine;
import dev.sigil.core.output.FindingFormat;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.SignatureError;
import dev.sigil.core.tracee.Rejection;
import dev.sigil.core.tracee.TraceeReader;
import dev.sigil.flink.DetectedFinding;
import dev.sigil.flink.EngineConfigurer;
import dev.sigil.flink.RejectedRecord;
import dev.sigil.flink.SignatureSet;
import dev.sigil.flink.SigilDetector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The detector's keyed operator: one {@link Engine} per node key, fed in the node's order, its
 * state kept in Flink's keyed state so that checkpoints, savepoints and rescaling carry every
 * node's deduplication windows, learned profiles and indexes to whichever subtask owns the node
 * next.
 *
 * <p><b>State.</b> Each node's engine state ({@link Engine#saveState}) is one value of keyed
 * state under the node key. Engines live in memory; a checkpoint writes the state of the engines
 * that saw events since the last one (before the barrier goes downstream), and an engine is
 * restored from its value the first time its node is seen after a start, a restore or an
 * eviction. Flink assigns each node's value to the subtask owning the node's key group, so a
 * restore at another parallelism needs nothing of ours.
 *
 * <p><b>Bounds.</b> At most {@code maxEngines} engines per subtask stay in memory; the least
 * recently used one beyond that is saved to keyed state and dropped, and restored when its node
 * sends again. Each engine's own state is bounded by its signatures' and deduplicator's caps.
 *
 * <p><b>End of input.</b> When a bounded input ends, every node's engine (in memory or saved) is
 * closed, so signatures see the end of input as in {@code sigil scan}.
 */
public final class SigilOperator extends AbstractStreamOperator<DetectedFinding>
    implements OneInputStreamOperator<NodeBatch, DetectedFinding>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  /** The keyed state holding each node's saved engine. */
  public static final String STATE_NAME = "sigil-engine-state";
  /** How many events of one engine between two reads of its suppressed-findings count. */
  private static final int STATS_SYNC_EVENTS = 4096;
  /** How many signature errors each subtask logs; the rest are only counted. */
  private static final int LOGGED_ERRORS = 100;

  private final SignatureSet signatures;
  private final EngineConfigurer configurer;
  private final FindingFormat format;
  private final OutputTag<RejectedRecord> rejectedTag;
  private final int maxEngines;
  private final int maxLineBytes;

  // Flink serialises the operator and builds these in open(), on the task, before any element.
  @SuppressWarnings("NullAway.Init")
  private transient ValueState<byte[]> engineState;
  @SuppressWarnings("NullAway.Init")
  private transient LinkedHashMap<String, NodeEngine> engines;
  @SuppressWarnings("NullAway.Init")
  private transient TraceeReader reader;
  private transient long skippedSeen;
  @SuppressWarnings("NullAway.Init")
  private transient FindingRenderer renderer;
  @SuppressWarnings("NullAway.Init")
  private transient Consumer<Event> sink;
  @SuppressWarnings("NullAway.Init")
  private transient NodeBatch current;
  private transient int currentRecord;
  @SuppressWarnings("NullAway.Init")
  private transient NodeEngine currentEngine;
  @SuppressWarnings("NullAway.Init")
  private transient Metrics metrics;
  private transient long loggedErrors;

  /**
   * Creates the operator.
   *
   * @param signatures makes each engine's signatures
   * @param configurer configures each engine (deduplication and so on)
   * @param format how findings are rendered
   * @param rejectedTag the side output for rejected lines
   * @param maxEngines the most engines kept in memory per subtask
   * @param maxLineBytes the longest line decoded
   */
  public SigilOperator(SignatureSet signatures, EngineConfigurer configurer,
      FindingFormat format, OutputTag<RejectedRecord> rejectedTag, int maxEngines,
      int maxLineBytes) {
    this.signatures = signatures;
    this.configurer = configurer;
    this.format = format;
    this.rejectedTag = rejectedTag;
    this.maxEngines = maxEngines;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public void open() throws Exception {
    super.open();
    engineState = getPartitionedState(new ValueStateDescriptor<>(STATE_NAME,
        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    engines = new LinkedHashMap<>(16, 0.75f, true);
    // Every node's engine holds the same signatures: one engine says which events they select,
    // and lines of other events are skipped undecoded, as sigil scan skips them.
    Engine selecting = Engine.builder().addAll(signatures.create()).onFinding(finding -> { })
        .build();
    reader = TraceeReader.builder().maxLineBytes(maxLineBytes).onRejection(this::rejected)
        .decodeOnlySelectedBy(selecting).build();
    selecting.close();
    renderer = new FindingRenderer(format);
    metrics = new Metrics(this);
    sink = event -> {
      metrics.events.add(1);
      currentEngine.engine.accept(event);
    };
  }

  @Override
  public void processElement(StreamRecord<NodeBatch> element) throws Exception {
    NodeBatch batch = element.getValue();
    current = batch;
    NodeEngine engine = engineFor(batch.node);
    currentEngine = engine;
    byte[] bytes = batch.bytes;
    int start = 0;
    for (int i = 0; i < batch.count; i++) {
      currentRecord = i;
      int end = batch.ends[i] + 1; // with the record's newline: decoded in place
      reader.read(bytes, start, end - start, sink);
      start = end;
    }
    long skipped = reader.stats().skipped();
    metrics.skipped.add(skipped - skippedSeen);
    skippedSeen = skipped;
    engine.dirty = true;
    engine.sinceSync += batch.count;
    if (engine.sinceSync >= STATS_SYNC_EVENTS) {
      engine.syncStats();
    }
  }

  /** Returns the node's engine: in memory, else restored from its keyed state, else new. */
  private NodeEngine engineFor(String node) throws IOException {
    NodeEngine engine = engines.get(node);
    if (engine != null) {
      return engine;
    }
    engine = restore(node);
    engines.put(node, engine);
    if (engines.size() > maxEngines) {
      evictEldest(node);
    }
    return engine;
  }

  /** Builds an engine for the node and restores it from keyed state; the key must be set. */
  private NodeEngine restore(String node) throws IOException {
    NodeEngine engine = new NodeEngine(node);
    byte[] saved = engineState.value();
    if (saved != null) {
      try {
        engine.engine.restoreState(new ByteArrayInputStream(saved));
      } catch (IOException e) {
        throw new IOException("cannot restore the engine state of node '" + node + "': "
            + e.getMessage(), e);
      }
      metrics.restores.inc();
    }
    return engine;
  }

  private void evictEldest(String currentNode) throws IOException {
    Iterator<NodeEngine> it = engines.values().iterator();
    NodeEngine eldest = it.next();
    it.remove();
    setCurrentKey(eldest.node);
    save(eldest);
    setCurrentKey(currentNode);
    eldest.syncStats();
    metrics.evictions.inc();
  }

  /** Writes the engine's state to its node's keyed state when it changed; the key must be set. */
  private void save(NodeEngine engine) throws IOException {
    if (!engine.dirty) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    engine.engine.saveState(out);
    engineState.update(out.toByteArray());
    engine.dirty = false;
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    // Before the barrier and before the keyed state backend snapshots: every engine that saw
    // events since the last checkpoint writes its state under its node key.
    for (NodeEngine engine : engines.values()) {
      if (engine.dirty) {
        setCurrentKey(engine.node);
        save(engine);
      }
      engine.syncStats();
    }
  }

  @Override
  public void endInput() throws Exception {
    for (NodeEngine engine : engines.values()) {
      engine.engine.close();
      engine.dirty = true;
      engine.syncStats();
    }
    // Nodes whose engines were evicted get their end of input too.
    List<String> saved;
    try (Stream<Object> keys = getKeyedStateBackend().getKeys(STATE_NAME, VoidNamespace.INSTANCE)) {
      saved = keys.map(String.class::cast).filter(k -> !engines.containsKey(k))
          .collect(Collectors.toCollection(ArrayList::new));
    }
    for (String node : saved) {
      setCurrentKey(node);
      NodeEngine engine = restore(node);
      engine.engine.close();
      engine.dirty = true;
      save(engine);
      engine.syncStats();
    }
  }

  private void rejected(Rejection rejection) {
    metrics.rejected.add(1);
    int partition = current.partitions[currentRecord];
    long position = current.positions[currentRecord];
    long line = rejection.lineNumber();
    if (partition < 0) {
      // A file's record holds consecutive lines from its position on: report the file's line.
      position += line - 1;
      line = 1;
    }
    output.collect(rejectedTag, new StreamRecord<>(new RejectedRecord(current.node, partition,
        position, line, rejection.reason())));
  }

  private void signatureError(String node, SignatureError error) {
    metrics.signatureErrors.add(1);
    if (loggedErrors++ < LOGGED_ERRORS) {
      LOG.warn("node '{}': {}", node, error, error.error());
    }
  }

  /** One node's engine and its bookkeeping. */
  private final class NodeEngine {
    final String node;
    final Engine engine;
    boolean dirty;
    int sinceSync;
    long suppressedSeen;

    NodeEngine(String node) {
      this.node = node;
      Engine.Builder builder = Engine.builder()
          .addAll(signatures.create())
          .onFinding(this::emit)
          .onError(error -> signatureError(node, error));
      configurer.configure(builder);
      builder.node(node); // the findings' ids name the node, whatever the configurer did
      this.engine = builder.build();
    }

    void emit(Finding finding) {
      String json = renderer.render(finding);
      output.collect(new StreamRecord<>(new DetectedFinding(node, finding.id().toString(),
          finding.metadata().id(), json)));
      metrics.findings.add(1);
    }

    void syncStats() {
      sinceSync = 0;
      long suppressed = engine.stats().suppressed();
      metrics.suppressed.add(suppressed - suppressedSeen);
      suppressedSeen = suppressed;
    }
  }

  /**
   * The subtask's figures: those of the job's summary as Flink metrics and accumulators
   * ({@link JobFigure}), the engines restored and evicted as metrics only.
   */
  private static final class Metrics {
    final JobFigure events;
    final JobFigure rejected;
    final JobFigure skipped;
    final JobFigure findings;
    final JobFigure suppressed;
    final JobFigure signatureErrors;
    final Counter restores;
    final Counter evictions;

    Metrics(SigilOperator operator) {
      events = new JobFigure(operator, "events", SigilDetector.EVENTS);
      rejected = new JobFigure(operator, "rejected", SigilDetector.REJECTED_LINES);
      skipped = new JobFigure(operator, "skipped", SigilDetector.SKIPPED);
      findings = new JobFigure(operator, "findings", SigilDetector.FINDINGS);
      suppressed = new JobFigure(operator, "suppressed", SigilDetector.SUPPRESSED);
      signatureErrors = new JobFigure(operator, "signatureErrors", SigilDetector.SIGNATURE_ERRORS);
      var group = operator.getMetricGroup();
      restores = group.counter("engineRestores");
      evictions = group.counter("engineEvictions");
    }
  }
}
