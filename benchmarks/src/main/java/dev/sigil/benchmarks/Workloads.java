package dev.sigil.benchmarks;

import dev.sigil.benchmarks.events.EventMix;
import dev.sigil.benchmarks.events.InMemoryEvents;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import dev.sigil.core.Signature;
import dev.sigil.signatures.Signatures;
import java.util.List;

/** The shared fixtures of the benchmarks: seeded event batches and engines over them. */
final class Workloads {
  /** Events per benchmark invocation; every per-event figure divides by it. */
  static final int BATCH = 4096;
  /** The seed every benchmark uses, so all of them see the same stream. */
  static final long SEED = 20_261_123L;
  static final String DROPPED_EXECUTABLE = "TRC-1022";
  static final String CONTAINED_EXECUTABLE = "SGL-1001";

  private Workloads() {}

  static Event[] events(EventMix mix) {
    return InMemoryEvents.toEvents(InMemoryEvents.generate(SEED, mix, BATCH));
  }

  static List<Signature> builtIns() {
    List<Signature> all = Signatures.builtIn();
    if (all.stream().noneMatch(s -> s.metadata().id().equals(DROPPED_EXECUTABLE))) {
      throw new IllegalStateException("the built-in signatures lack " + DROPPED_EXECUTABLE
          + " (found " + all.stream().map(s -> s.metadata().id()).toList() + ")");
    }
    return all;
  }

  static Signature droppedExecutable() {
    return builtIn(DROPPED_EXECUTABLE);
  }

  /** TRC-1022 and SGL-1001: the whole built-in set until the Tracee signatures were ported. */
  static List<Signature> droppedAndContained() {
    return List.of(builtIn(DROPPED_EXECUTABLE), builtIn(CONTAINED_EXECUTABLE));
  }

  private static Signature builtIn(String id) {
    return builtIns().stream().filter(s -> s.metadata().id().equals(id))
        .findFirst().orElseThrow();
  }

  static Engine engine(List<? extends Signature> signatures, FindingListener listener) {
    return Engine.builder().addAll(signatures).onFinding(listener).build();
  }

  /**
   * Gives the engine every event of the batch: the loop each engine benchmark measures, written
   * once so that they all measure the same one (the engine and the batch are parameters, so the
   * loop reads no field per event).
   */
  static void acceptAll(Engine engine, Event[] events) {
    for (Event event : events) {
      engine.accept(event);
    }
  }

  static int handWrittenFindings(Event[] events) {
    int findings = 0;
    for (Event event : events) {
      findings += HandWrittenDroppedExecutable.fires(event) ? 1 : 0;
    }
    return findings;
  }

  /**
   * Keeps the last finding so the JIT cannot prove findings unused; counts them, and those of
   * TRC-1022 apart (the rule the generator's drops are made for; other built-ins fire too).
   */
  static final class KeepingListener implements FindingListener {
    long findings;
    long droppedExecutables;
    Finding last;

    @Override
    public void onFinding(Finding finding) {
      findings++;
      if (finding.metadata().id().equals(DROPPED_EXECUTABLE)) {
        droppedExecutables++;
      }
      last = finding;
    }
  }
}
