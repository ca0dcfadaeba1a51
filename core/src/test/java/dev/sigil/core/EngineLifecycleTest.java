package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {
  @Test
  void initialisesEverySignatureWhenBuilt() {
    RecordingSignature signature = new RecordingSignature("A", Selector.any());

    Engine.builder().add(signature).onFinding(f -> {}).build();

    assertTrue(signature.context != null);
  }

  @Test
  void closeSignalsEndOfInputThenClosesEverySignature() {
    List<String> calls = new ArrayList<>();
    RecordingSignature signature = new RecordingSignature("A", Selector.any()) {
      @Override
      public void onSignal(Signal signal, SignatureContext context) {
        calls.add("signal " + signal);
      }

      @Override
      public void close() {
        calls.add("close");
      }
    };
    Engine engine = Engine.builder().add(signature).onFinding(f -> {}).build();

    engine.close();
    engine.close();

    assertEquals(List.of("signal END_OF_INPUT", "close"), calls);
  }

  @Test
  void signaturesMayReportAtEndOfInput() {
    List<Finding> findings = new ArrayList<>();
    RecordingSignature summarising = new RecordingSignature("SUM-1", Selector.any()) {
      private Event last;

      @Override
      public void onEvent(Event event, SignatureContext context) {
        last = event.copy();
      }

      @Override
      public void onSignal(Signal signal, SignatureContext context) {
        context.report(last, java.util.Map.of("summary", true));
      }
    };
    Engine engine = Engine.builder().add(summarising).onFinding(findings::add).build();
    engine.accept(EventBuilder.event("openat").build());

    engine.close();

    assertEquals(1, findings.size());
  }

  @Test
  void refusesEventsAfterClose() {
    Engine engine = Engine.builder().add(new RecordingSignature("A", Selector.any()))
        .onFinding(f -> {}).build();
    engine.close();

    assertThrows(IllegalStateException.class, () -> engine.accept(EventBuilder.event("openat").build()));
  }

  @Test
  void exposesEventTimeToSignatures() {
    RecordingSignature signature = new RecordingSignature("A", Selector.any());
    Engine engine = Engine.builder().add(signature).onFinding(f -> {}).build();

    engine.accept(EventBuilder.event("openat").timestamp(1_700_000_000_000_000_000L).build());

    assertEquals(1_700_000_000_000_000_000L, signature.context.eventTime());
  }

  @Test
  void countersAppearInStats() {
    RecordingSignature counting = new RecordingSignature("COUNT-1", Selector.any()) {
      private Counter evictions;

      @Override
      public void init(SignatureContext context) {
        super.init(context);
        evictions = context.counter("evictions");
      }

      @Override
      public void onEvent(Event event, SignatureContext context) {
        evictions.increment();
      }
    };
    Engine engine = Engine.builder().add(counting).onFinding(f -> {}).build();
    engine.accept(EventBuilder.event("openat").build());
    engine.accept(EventBuilder.event("openat").build());

    assertEquals(2L, engine.stats().signatures().get("COUNT-1").counters().get("evictions"));
    assertSame(counting.context.counter("evictions"), counting.context.counter("evictions"));
  }

  @Test
  void listsItsSignaturesInRegistrationOrder() {
    Engine engine = Engine.builder()
        .add(new RecordingSignature("B", Selector.any()))
        .add(new RecordingSignature("A", Selector.any()))
        .onFinding(f -> {}).build();

    assertEquals(List.of("B", "A"), engine.signatures().stream().map(SignatureMetadata::id).toList());
    assertFalse(engine.stats().signatures().isEmpty());
  }
}
