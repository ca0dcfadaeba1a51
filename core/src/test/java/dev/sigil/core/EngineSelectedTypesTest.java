package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an engine tells a producer about the events worth decoding. */
class EngineSelectedTypesTest {
  private static Engine engineWith(Signature... signatures) {
    return Engine.builder().addAll(List.of(signatures)).onFinding(f -> { }).build();
  }

  @Test
  void namesTheTypesItsSignaturesSelectWhateverTheOrigin() {
    Engine engine = engineWith(
        new RecordingSignature("A", Selector.of("magic_write", Origin.CONTAINER)),
        new RecordingSignature("B", Selector.event("sched_process_exec"), Selector.of("magic_write", Origin.HOST)));

    assertEquals(Set.of(EventType.of("magic_write"), EventType.of("sched_process_exec")),
        engine.selectedEventTypes());
  }

  @Test
  void namesNoneWhenASignatureSelectsAnyName() {
    Engine engine = engineWith(
        new RecordingSignature("A", Selector.event("magic_write")),
        new RecordingSignature("B", Selector.origin(Origin.HOST)));

    assertNull(engine.selectedEventTypes(), "every event may reach B, so every line must be decoded");
  }
}
