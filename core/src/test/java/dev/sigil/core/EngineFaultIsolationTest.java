package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineFaultIsolationTest {
  private List<Finding> findings = List.of();
  private List<SignatureError> errors = List.of();

  private static final class Throwing extends RecordingSignature {
    Throwing(String id) {
      super(id, Selector.any());
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      throw new IllegalStateException("boom on " + event.eventName());
    }
  }

  private static final class Recursing extends RecordingSignature {
    Recursing() {
      super("DEEP-1", Selector.any());
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      recurse(0);
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  private Engine engineWith(Signature... signatures) {
    SignatureHarness harness = SignatureHarness.of(signatures).expectingErrors();
    findings = harness.findings();
    errors = harness.errors();
    return harness.engine();
  }

  @Test
  void aThrowingSignatureDoesNotStopTheOthers() {
    RecordingSignature after = new RecordingSignature("AFTER-1", Selector.any()).firing();
    Engine engine = engineWith(new Throwing("BAD-1"), after);

    engine.accept(EventBuilder.event("openat").build());
    engine.accept(EventBuilder.event("close").build());

    assertEquals(2, after.seen.size());
    assertEquals(2, findings.size());
    assertEquals(2, errors.size());
  }

  @Test
  void reportsTheErrorWithTheSignatureIdAndASnapshotOfTheEvent() {
    Engine engine = engineWith(new Throwing("BAD-1"));

    engine.accept(EventBuilder.event("openat").hostName("node-9").arg("pathname", "/etc/passwd").build());

    SignatureError error = errors.get(0);
    assertEquals("BAD-1", error.signatureId());
    assertEquals("onEvent", error.phase());
    assertInstanceOf(IllegalStateException.class, error.error());
    assertNotNull(error.event());
    assertEquals("node-9", error.event().hostName());
    assertEquals("/etc/passwd", error.event().string(ArgKey.of("pathname")));
  }

  @Test
  void isolatesAStackOverflow() {
    RecordingSignature after = new RecordingSignature("AFTER-1", Selector.any());
    Engine engine = engineWith(new Recursing(), after);

    engine.accept(EventBuilder.event("openat").build());

    assertInstanceOf(StackOverflowError.class, errors.get(0).error());
    assertEquals(1, after.seen.size());
  }

  @Test
  void countsErrorsPerSignature() {
    Engine engine = engineWith(new Throwing("BAD-1"), new RecordingSignature("OK-1", Selector.any()));

    for (int i = 0; i < 3; i++) {
      engine.accept(EventBuilder.event("openat").build());
    }

    assertEquals(3, engine.stats().errors());
    assertEquals(3, engine.stats().signatures().get("BAD-1").errors());
    assertEquals(0, engine.stats().signatures().get("OK-1").errors());
  }

  @Test
  void isolatesFailuresInSignalAndClose() {
    RecordingSignature badAtEnd = new RecordingSignature("END-1", Selector.any()) {
      @Override
      public void onSignal(Signal signal, SignatureContext context) {
        throw new IllegalArgumentException("no signals please");
      }

      @Override
      public void close() {
        throw new IllegalArgumentException("no closing please");
      }
    };
    RecordingSignature other = new RecordingSignature("OTHER-1", Selector.any());
    Engine engine = engineWith(badAtEnd, other);

    engine.close();

    assertEquals(List.of("onSignal", "close"), errors.stream().map(SignatureError::phase).toList());
    assertNull(errors.get(0).event());
    assertEquals(List.of(Signal.END_OF_INPUT), other.signals);
    assertTrue(other.closed);
  }

  @Test
  void aFailingFindingListenerIsTheApplicationsProblemNotTheSignatures() {
    List<SignatureError> errors = new ArrayList<>();
    Engine engine = Engine.builder()
        .add(new RecordingSignature("FIRE-1", Selector.any()).firing())
        .onFinding(f -> {
          throw new IllegalStateException("disk full");
        })
        .onError(errors::add)
        .build();

    FindingDeliveryException e = assertThrows(FindingDeliveryException.class,
        () -> engine.accept(EventBuilder.event("openat").build()));

    assertTrue(e.getMessage().contains("FIRE-1"), e.getMessage());
    assertEquals(List.of(), errors);
  }

  @Test
  void aSignatureThatFailsToInitialiseIsNamed() {
    RecordingSignature broken = new RecordingSignature("INIT-1", Selector.any()) {
      @Override
      public void init(SignatureContext context) {
        throw new IllegalStateException("missing configuration");
      }
    };

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> engineWith(broken));

    assertTrue(e.getMessage().contains("INIT-1"), e.getMessage());
  }

  @Test
  void aSignatureReportsDataProblemsInsteadOfThrowing() {
    RecordingSignature picky = new RecordingSignature("PICKY-1", Selector.any()) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        if (event.string(ArgKey.of("pathname")) == null) {
          context.dataProblem("no pathname");
        }
      }
    };
    Engine engine = engineWith(picky);

    engine.accept(EventBuilder.event("openat").build());
    engine.accept(EventBuilder.event("openat").arg("pathname", "/x").build());

    assertEquals(1, engine.stats().dataProblems());
    assertEquals(1, engine.stats().signatures().get("PICKY-1").dataProblems());
    assertEquals(List.of(), errors);
  }
}
