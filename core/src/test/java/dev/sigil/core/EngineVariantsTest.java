package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variants: ids a signature reports under besides its own, counted apart and validated. */
class EngineVariantsTest {
  private static final SignatureMetadata KERNEL = SignatureMetadata.builder("SGL-9002")
      .severity(Severity.HIGH).build();
  private final List<Finding> findings = new ArrayList<>();

  /** Reports under its own id on host events and under SGL-9002 on container events. */
  private static final class Unusual extends RecordingSignature {
    private final SignatureMetadata undeclared = SignatureMetadata.builder("SGL-9003").build();
    private final List<SignatureMetadata> variants;

    Unusual(List<SignatureMetadata> variants) {
      super("SGL-9001", Selector.any());
      this.variants = variants;
    }

    @Override
    public List<SignatureMetadata> variants() {
      return variants;
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      if (event.processName().length() > 0) {
        context.report(event, undeclared, Map.of());
      } else if (event.origin() == Origin.HOST) {
        context.report(event, Map.of());
      } else {
        context.report(event, KERNEL, Map.of());
      }
    }
  }

  private Engine engine(Signature... signatures) {
    return Engine.builder().addAll(List.of(signatures)).onFinding(findings::add).build();
  }

  @Test
  void countsFindingsByTheIdTheyWereReportedUnder() {
    Engine engine = engine(new Unusual(List.of(KERNEL)), new RecordingSignature("OTHER-1", Selector.any()));

    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.HOST).build());
    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).build());
    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).build());

    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("SGL-9001", 1L);
    expected.put("SGL-9002", 2L);
    expected.put("OTHER-1", 0L);
    assertEquals(expected, engine.stats().findingsById());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(engine.stats().findingsById().keySet()));
    assertEquals(3, engine.stats().signatures().get("SGL-9001").findings());
    assertEquals(3, engine.stats().findings());
  }

  @Test
  void listsDeclaredVariantsBeforeTheyFireAndUndeclaredOnesOnceTheyDo() {
    Engine engine = engine(new Unusual(List.of(KERNEL)));

    assertEquals(Map.of("SGL-9001", 0L, "SGL-9002", 0L), engine.stats().findingsById());

    engine.accept(EventBuilder.event("sched_process_exec").processName("sh").build());

    assertEquals(List.of("SGL-9001", "SGL-9002", "SGL-9003"),
        List.copyOf(engine.stats().findingsById().keySet()));
    assertEquals(1L, engine.stats().findingsById().get("SGL-9003"));
  }

  @Test
  void aVariantMayKeepTheSignaturesOwnId() {
    SignatureMetadata louder = SignatureMetadata.builder("SGL-9001").severity(Severity.CRITICAL).build();

    Engine engine = engine(new Unusual(List.of(louder)));

    assertEquals(Map.of("SGL-9001", 0L), engine.stats().findingsById());
  }

  @Test
  void twoSignaturesCannotDeclareTheSameVariant() {
    RecordingSignature other = new RecordingSignature("OTHER-1", Selector.any()) {
      @Override
      public List<SignatureMetadata> variants() {
        return List.of(KERNEL);
      }
    };

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> engine(new Unusual(List.of(KERNEL)), other));

    assertTrue(e.getMessage().contains("SGL-9002") && e.getMessage().contains("OTHER-1"),
        e.getMessage());
  }

  @Test
  void aVariantCannotTakeAnotherSignaturesId() {
    SignatureMetadata impostor = SignatureMetadata.builder("OTHER-1").build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> engine(new Unusual(List.of(impostor)), new RecordingSignature("OTHER-1", Selector.any())));

    assertTrue(e.getMessage().contains("OTHER-1"), e.getMessage());
  }
}
