package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EngineDedupTest {
  private static final long SECOND = 1_000_000_000L;
  private List<Finding> findings = List.of();

  /** Fires on every event with the event's path; deduplicates by host and path for a minute. */
  private static final class PathSignature extends RecordingSignature {
    private final DedupPolicy policy;

    PathSignature(DedupPolicy policy) {
      super("PATH-1", Selector.any());
      this.policy = policy;
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      context.report(event, Map.of("path", String.valueOf(event.string(ArgKey.of("pathname")))));
    }

    @Override
    public DedupPolicy defaultDedup() {
      return policy;
    }
  }

  private static Event write(String host, String path, long seconds) {
    return EventBuilder.event("magic_write").hostName(host).arg("pathname", path)
        .timestamp(seconds * SECOND).build();
  }

  private Engine engine(Signature signature, UnaryOperator<Engine.Builder> configure) {
    SignatureHarness harness = SignatureHarness.of(List.of(signature), configure);
    findings = harness.findings();
    return harness.engine();
  }

  private Engine engine(Signature signature) {
    return engine(signature, UnaryOperator.identity());
  }

  /** Writes {@code /x} on host {@code a} at each of these seconds; returns the findings so far. */
  private int writesOfXAt(Engine engine, long... seconds) {
    for (long second : seconds) {
      engine.accept(write("a", "/x", second));
    }
    return findings.size();
  }

  private static PathSignature minuteByHostAndPath() {
    return new PathSignature(DedupPolicy.byHostAndFields(Duration.ofMinutes(1), "path"));
  }

  @Test
  void suppressesRepeatsInsideTheWindow() {
    Engine engine = engine(minuteByHostAndPath());

    assertEquals(1, writesOfXAt(engine, 0, 10, 59));
    assertEquals(2, engine.stats().suppressed());
    assertEquals(2, engine.stats().signatures().get("PATH-1").suppressed());
    assertEquals(1, engine.stats().findings());
  }

  @Test
  void theFirstFindingAfterTheWindowCarriesWhatWasSuppressed() {
    Engine engine = engine(minuteByHostAndPath());

    assertEquals(2, writesOfXAt(engine, 0, 10, 20, 60));
    Finding after = findings.get(1);
    assertEquals(2L, after.data().get("suppressedCount"));
    assertEquals(20 * SECOND, after.data().get("lastSuppressedAt"));
    assertEquals(List.of("path", "suppressedCount", "lastSuppressedAt"), List.copyOf(after.data().keySet()));
    assertFalse(findings.get(0).data().containsKey("suppressedCount"));
  }

  @Test
  void theWindowRestartsAtEachEmittedFinding() {
    Engine engine = engine(minuteByHostAndPath());

    assertEquals(2, writesOfXAt(engine, 0, 60, 100));
  }

  @Test
  void keysOnHostAndFieldsSoOtherHostsAndPathsStillAlert() {
    Engine engine = engine(minuteByHostAndPath());

    engine.accept(write("a", "/x", 0));
    engine.accept(write("b", "/x", 1));
    engine.accept(write("a", "/y", 2));

    assertEquals(3, findings.size());
  }

  @Test
  void aZeroWindowOverrideTurnsDeduplicationOff() {
    Engine engine = engine(minuteByHostAndPath(), b -> b.dedupWindow(Duration.ZERO));

    assertEquals(2, writesOfXAt(engine, 0, 1));
  }

  @Test
  void aWindowOverrideReplacesTheSignaturesDefault() {
    Engine engine = engine(minuteByHostAndPath(), b -> b.dedupWindow(Duration.ofSeconds(5)));

    assertEquals(2, writesOfXAt(engine, 0, 3, 6));
  }

  @Test
  void usersCanEnableDeduplicationForASignatureWithoutADefault() {
    Engine engine = engine(new PathSignature(null),
        b -> b.dedup("PATH-1", DedupPolicy.byHostAndFields(Duration.ofMinutes(1), "path")));

    assertEquals(1, writesOfXAt(engine, 0, 1));
  }

  @Test
  void withoutAPolicyEveryFindingIsDelivered() {
    Engine engine = engine(new PathSignature(null));

    assertEquals(2, writesOfXAt(engine, 0, 0));
  }

  @Test
  void evictsTheLeastRecentlyUsedKeyWhenFull() {
    Engine engine = engine(minuteByHostAndPath(), b -> b.dedupCapacity(2));

    engine.accept(write("a", "/1", 0));
    engine.accept(write("a", "/2", 0));
    engine.accept(write("a", "/3", 0));
    engine.accept(write("a", "/1", 1));

    assertEquals(4, findings.size());
    assertEquals(2, engine.stats().dedupKeys());
    assertEquals(2, engine.stats().dedupEvictions());
  }

  /** Reports every event under its variant VARIANT-1, which it declares. */
  private static final class VariantSignature extends RecordingSignature {
    static final SignatureMetadata VARIANT =
        SignatureMetadata.builder("VARIANT-1").severity(Severity.HIGH).build();

    VariantSignature() {
      super("BASE-1", Selector.any());
    }

    @Override
    public List<SignatureMetadata> variants() {
      return List.of(VARIANT);
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      context.report(event, VARIANT, Map.of("path", String.valueOf(event.string(ArgKey.of("pathname")))));
    }
  }

  @Test
  void aDedupOverrideForAnIdNoSignatureHasFailsTheBuildNamingIt() {
    Engine.Builder builder = Engine.builder().add(minuteByHostAndPath()).onFinding(findings::add)
        .dedup("NOPE-1", DedupPolicy.byHostAndFields(Duration.ofMinutes(1)));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertTrue(e.getMessage().contains("NOPE-1"), e.getMessage());
  }

  @Test
  void aDedupOverrideMayNameADeclaredVariant() {
    Engine engine = engine(new VariantSignature(),
        b -> b.dedup("VARIANT-1", DedupPolicy.byHostAndFields(Duration.ofMinutes(1), "path")));

    assertEquals(1, writesOfXAt(engine, 0, 1));
    assertEquals("VARIANT-1", findings.get(0).metadata().id());
  }

  @Test
  void noneTurnsOneIdOffEvenWhenEveryWindowIsReplaced() {
    Engine engine = engine(minuteByHostAndPath(),
        b -> b.dedup("PATH-1", DedupPolicy.NONE).dedupWindow(Duration.ofHours(1)));

    assertEquals(2, writesOfXAt(engine, 0, 1));
    assertFalse(DedupPolicy.NONE.enabled());
  }

  @Test
  void aZeroWindowOverrideIsTurnedOnByAGlobalWindowUnlikeNone() {
    Engine engine = engine(new PathSignature(null),
        b -> b.dedup("PATH-1", DedupPolicy.byHostAndFields(Duration.ZERO, "path"))
            .dedupWindow(Duration.ofHours(1)));

    assertEquals(1, writesOfXAt(engine, 0, 1));
  }
}
