package dev.sigil.benchmarks.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Finding;
import dev.sigil.core.SignatureStats;
import dev.sigil.core.tracee.TraceeReader;
import dev.sigil.signatures.Signatures;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated mixes mean what the benchmarks say they mean: decoded from their Tracee JSON and
 * run through every built-in signature, the quiet mix fires nothing while reaching every
 * signature that can stay silent, and the realistic mix fires exactly its ELF drops.
 */
class GeneratedMixesTest {
  private static Engine scan(EventMix mix, int count, List<Finding> findings) throws Exception {
    byte[] lines = TraceeLineWriter.toBytes(InMemoryEvents.generate(9, mix, count));
    Engine engine = Engine.builder().addAll(Signatures.builtIn()).onFinding(findings::add).build();
    TraceeReader reader = TraceeReader.builder().build();
    reader.read(new ByteArrayInputStream(lines), engine::accept);
    assertEquals(0, reader.stats().rejected(), "every generated line decodes: " + reader.stats());
    assertEquals(count, reader.stats().events());
    return engine;
  }

  @Test
  void quietMixReachesEverySignatureThatCanStaySilentAndFiresNothing() throws Exception {
    List<Finding> findings = new ArrayList<>();
    Engine engine = scan(EventMix.quiet(), 20_000, findings);

    assertEquals(List.of(), findings.stream().map(f -> f.metadata().id() + " " + f.data()).toList());
    List<String> unreached = new ArrayList<>();
    for (Map.Entry<String, SignatureStats> entry : engine.stats().signatures().entrySet()) {
      if (entry.getValue().events() == 0) {
        unreached.add(entry.getKey());
      }
    }
    // TRC-1030 fires on every hooked_syscall, so a stream where nothing fires cannot hold one.
    assertEquals(List.of("TRC-1030"), unreached);
    assertEquals(0, engine.stats().dataProblems(), "generated events are well formed");
  }

  @Test
  void inMemoryEventsReadAsTheirDecodedLinesDo() {
    Engine engine = Engine.builder().addAll(Signatures.builtIn())
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    for (var event : InMemoryEvents.toEvents(InMemoryEvents.generate(9, EventMix.quiet(), 20_000))) {
      engine.accept(event);
    }
    assertEquals(0, engine.stats().dataProblems(), "structured arguments read as objects: " + engine.stats());
  }

  @Test
  void realisticMixFiresExactlyItsDroppedExecutables() throws Exception {
    List<GeneratedEvent> generated = InMemoryEvents.generate(9, EventMix.realistic(), 20_000);
    long drops = generated.stream().filter(GeneratedEvent::firesDroppedExecutable).count();
    List<Finding> findings = new ArrayList<>();
    scan(EventMix.realistic(), 20_000, findings);

    assertTrue(drops > 100, "drops generated: " + drops);
    assertEquals(drops, findings.size(), findings.stream().map(f -> f.metadata().id()).distinct().toList().toString());
    assertTrue(findings.stream().allMatch(f -> f.metadata().id().equals("TRC-1022")));
  }
}
