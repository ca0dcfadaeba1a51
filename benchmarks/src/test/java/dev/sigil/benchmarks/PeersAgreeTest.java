package dev.sigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.benchmarks.events.EventMix;
import dev.sigil.benchmarks.events.GeneratedEvent;
import dev.sigil.benchmarks.events.InMemoryEvents;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peers measured against Sigil must decide exactly as Sigil does, or the figures mean nothing. */
class PeersAgreeTest {
  @Test
  void droolsSigilAndTheHandWrittenRuleFireOnExactlyTheGeneratedDrops() {
    List<GeneratedEvent> generated = InMemoryEvents.generate(11, EventMix.realistic().withDroppedElf(0.05), 6_000);
    long dropped = generated.stream().filter(GeneratedEvent::firesDroppedExecutable).count();
    Event[] events = InMemoryEvents.toEvents(generated);

    Workloads.KeepingListener sigilFindings = new Workloads.KeepingListener();
    Engine sigil = Workloads.engine(List.of(Workloads.droppedExecutable()), sigilFindings);
    try (DroolsDroppedExecutable drools = new DroolsDroppedExecutable()) {
      for (int i = 0; i < events.length; i++) {
        long droolsBefore = drools.findings();
        long sigilBefore = sigilFindings.findings;
        sigil.accept(events[i]);
        drools.accept(events[i]);
        boolean expected = generated.get(i).firesDroppedExecutable();
        assertEquals(expected, HandWrittenDroppedExecutable.fires(events[i]), "hand-written, event " + i);
        assertEquals(expected, sigilFindings.findings > sigilBefore, "Sigil, event " + i);
        assertEquals(expected, drools.findings() > droolsBefore, "Drools, event " + i);
      }
      assertTrue(dropped > 200, "dropped executables generated: " + dropped);
      assertEquals(dropped, drools.findings());
      assertEquals(dropped, sigilFindings.findings);
      assertEquals("/", drools.last().data().get("path").substring(0, 1));
    }
  }

  @Test
  void nothingFiresOnAQuietNodeIncludingItsHarmlessElfWrites() {
    Event[] events = InMemoryEvents.toEvents(InMemoryEvents.generate(12, EventMix.quiet(), 4_000));
    Workloads.KeepingListener sigilFindings = new Workloads.KeepingListener();
    Engine sigil = Workloads.engine(Workloads.builtIns(), sigilFindings);
    try (DroolsDroppedExecutable drools = new DroolsDroppedExecutable()) {
      for (Event event : events) {
        sigil.accept(event);
        drools.accept(event);
      }
      assertEquals(0, drools.findings());
      assertEquals(0, sigilFindings.findings);
      assertEquals(0, sigil.stats().errors());
      assertEquals(4_000, sigil.stats().events());
    }
  }

  @Test
  void scalingProbesSelectTheStreamOrAbsentTypesAndNeverFire() {
    Event[] events = InMemoryEvents.toEvents(InMemoryEvents.generate(13, EventMix.quiet(), 4_000));
    for (boolean allPresent : new boolean[] {false, true}) {
      Workloads.KeepingListener findings = new Workloads.KeepingListener();
      Engine engine = Workloads.engine(ScalingBenchmark.signatures(128, allPresent), findings);
      for (Event event : events) {
        engine.accept(event);
      }
      long evaluated = engine.stats().signatures().values().stream().mapToLong(s -> s.events()).sum();
      long busy = engine.stats().signatures().values().stream().filter(s -> s.events() > 0).count();
      assertEquals(0, findings.findings);
      assertEquals(allPresent ? 128 : 2, busy, "signatures that saw events");
      assertTrue(allPresent ? evaluated > 4_000 * 15 : evaluated < 4_000, "evaluations: " + evaluated);
    }
  }
}
