package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineDispatchTest {
  private List<Finding> findings = List.of();

  private Engine engineWith(Signature... signatures) {
    SignatureHarness harness = SignatureHarness.of(signatures);
    findings = harness.findings();
    return harness.engine();
  }

  private static Event event(String name, Origin origin) {
    return EventBuilder.event(name).origin(origin).build();
  }

  @Test
  void dispatchesByEventNameAndOrigin() {
    RecordingSignature writes = new RecordingSignature("A", Selector.of("magic_write", Origin.CONTAINER));
    Engine engine = engineWith(writes);

    engine.accept(event("magic_write", Origin.CONTAINER));
    engine.accept(event("magic_write", Origin.HOST));
    engine.accept(event("openat", Origin.CONTAINER));

    assertEquals(List.of("magic_write/container"), writes.seen);
  }

  @Test
  void containerInitEventsDoNotMatchAContainerSelector() {
    RecordingSignature writes = new RecordingSignature("A", Selector.of("magic_write", Origin.CONTAINER));
    RecordingSignature inits = new RecordingSignature("B", Selector.of("magic_write", Origin.CONTAINER_INIT));
    Engine engine = engineWith(writes, inits);

    engine.accept(event("magic_write", Origin.CONTAINER_INIT));

    assertEquals(List.of(), writes.seen);
    assertEquals(List.of("magic_write/container-init"), inits.seen);
  }

  @Test
  void wildcardNameMatchesEveryEventOfItsOrigin() {
    RecordingSignature hostOnly = new RecordingSignature("A", Selector.origin(Origin.HOST));
    Engine engine = engineWith(hostOnly);

    engine.accept(event("openat", Origin.HOST));
    engine.accept(event("never_selected_by_anyone_" + System.nanoTime(), Origin.HOST));
    engine.accept(event("openat", Origin.CONTAINER));

    assertEquals(2, hostOnly.seen.size());
    assertTrue(hostOnly.seen.stream().allMatch(s -> s.endsWith("/host")));
  }

  @Test
  void wildcardOriginMatchesTheNameFromEveryOrigin() {
    RecordingSignature execs = new RecordingSignature("A", Selector.event("sched_process_exec"));
    Engine engine = engineWith(execs);

    for (Origin origin : Origin.values()) {
      engine.accept(event("sched_process_exec", origin));
    }
    engine.accept(event("openat", Origin.HOST));

    assertEquals(List.of("sched_process_exec/host", "sched_process_exec/container-init",
        "sched_process_exec/container"), execs.seen);
  }

  @Test
  void fullWildcardSeesEverythingIncludingUnregisteredNames() {
    RecordingSignature all = new RecordingSignature("A", Selector.any());
    Engine engine = engineWith(all);

    engine.accept(event("openat", Origin.HOST));
    engine.accept(EventBuilder.event("x").build());

    assertEquals(2, all.seen.size());
  }

  @Test
  void aSignatureWithSeveralMatchingSelectorsSeesAnEventOnce() {
    RecordingSignature overlapping = new RecordingSignature("A",
        Selector.of("magic_write", Origin.CONTAINER), Selector.event("magic_write"), Selector.any());
    Engine engine = engineWith(overlapping);

    engine.accept(event("magic_write", Origin.CONTAINER));

    assertEquals(1, overlapping.seen.size());
  }

  @Test
  void signaturesSeeEventsInRegistrationOrder() {
    List<String> order = new ArrayList<>();
    Signature first = new RecordingSignature("first", Selector.any()) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        order.add("first");
      }
    };
    Signature second = new RecordingSignature("second", Selector.any()) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        order.add("second");
      }
    };
    engineWith(first, second).accept(event("openat", Origin.HOST));

    assertEquals(List.of("first", "second"), order);
  }

  @Test
  void rejectsTwoSignaturesWithTheSameIdNamingIt() {
    Engine.Builder builder = Engine.builder().add(new RecordingSignature("TRC-1", Selector.any()));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.add(new RecordingSignature("TRC-1", Selector.event("openat"))));

    assertTrue(e.getMessage().contains("TRC-1"), e.getMessage());
  }

  @Test
  void rejectsASignatureWithoutSelectorsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Engine.builder().add(new RecordingSignature("EMPTY-1")));

    assertTrue(e.getMessage().contains("EMPTY-1"), e.getMessage());
  }

  @Test
  void refusesToBuildWithoutAFindingListener() {
    assertThrows(IllegalStateException.class,
        () -> Engine.builder().add(new RecordingSignature("A", Selector.any())).build());
  }

  @Test
  void reportsFindingsWithMetadataSnapshotAndData() {
    RecordingSignature firing = new RecordingSignature("FIRE-1", Selector.any()).firing();
    Engine engine = engineWith(firing);

    engine.accept(EventBuilder.event("openat").hostName("node-1").timestamp(42).build());

    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals("FIRE-1", finding.metadata().id());
    assertEquals(Severity.MEDIUM, finding.severity());
    assertEquals("node-1", finding.event().hostName());
    assertEquals(42, finding.eventTime());
    assertEquals("node-1", finding.data().get("host"));
  }

  @Test
  void countsEventsAndFindingsPerSignature() {
    RecordingSignature firing = new RecordingSignature("FIRE-1", Selector.event("openat")).firing();
    RecordingSignature quiet = new RecordingSignature("QUIET-1", Selector.any());
    Engine engine = engineWith(firing, quiet);

    engine.accept(event("openat", Origin.HOST));
    engine.accept(event("close", Origin.HOST));

    EngineStats stats = engine.stats();
    assertEquals(2, stats.events());
    assertEquals(1, stats.findings());
    assertEquals(1, stats.signatures().get("FIRE-1").events());
    assertEquals(1, stats.signatures().get("FIRE-1").findings());
    assertEquals(2, stats.signatures().get("QUIET-1").events());
    assertEquals(0, stats.signatures().get("QUIET-1").findings());
  }
}
