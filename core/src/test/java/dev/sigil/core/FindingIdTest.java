package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.collect.ImmutableMap;
import dev.sigil.core.testing.EventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A finding's id is a function of what it is about, so that replays keep it. */
class FindingIdTest {
  private static final SignatureMetadata METADATA = SignatureMetadata.builder("TEST-1").build();

  private static EventSnapshot event(long timestamp) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER).timestamp(timestamp)
        .hostName("pod-a").build().copy();
  }

  private static Finding finding(SignatureMetadata metadata, long timestamp, String node,
      Instant detectedAt, ImmutableMap<String, Object> data) {
    return new Finding(metadata, Severity.LOW, event(timestamp), data, detectedAt, node);
  }

  @Test
  void theSameFindingMadeAgainHasTheSameIdWhenAndWhateverItSays() {
    Finding first = finding(METADATA, 42, "node-1", Instant.EPOCH, ImmutableMap.of());
    Finding replay = finding(METADATA, 42, "node-1", Instant.parse("2026-12-01T00:00:00Z"),
        ImmutableMap.of("suppressedCount", 3L));
    assertEquals(first.id(), replay.id());
    assertEquals(3, first.id().version(), "a name-based UUID");
  }

  @Test
  void theIdIsTheDocumentedNameBasedUuid() {
    Finding finding = finding(METADATA, 42, "node-1", Instant.EPOCH, ImmutableMap.of());
    String name = "sigil-finding-1\u0000TEST-1\u0000node-1\u000042\u00000\u00000\u00000";
    assertEquals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), finding.id());
  }

  @Test
  void anotherSignatureNodeOrEventGivesAnotherId() {
    UUID id = finding(METADATA, 42, "node-1", Instant.EPOCH, ImmutableMap.of()).id();
    assertNotEquals(id, finding(SignatureMetadata.builder("TEST-2").build(), 42, "node-1",
        Instant.EPOCH, ImmutableMap.of()).id());
    assertNotEquals(id, finding(METADATA, 42, "node-2", Instant.EPOCH, ImmutableMap.of()).id());
    assertNotEquals(id, finding(METADATA, 43, "node-1", Instant.EPOCH, ImmutableMap.of()).id());
  }

  @Test
  void aSingleNodeFindingHasAnEmptyNode() {
    Finding finding = new Finding(METADATA, Severity.LOW, event(1), ImmutableMap.of(), Instant.EPOCH);
    assertEquals("", finding.node());
  }

  @Test
  void theEngineStampsItsNodeOnEveryFindingDeduplicatedOrNot() {
    List<Finding> findings = new ArrayList<>();
    RecordingSignature signature = new RecordingSignature("TEST-3",
        Selector.of(EventType.of("magic_write"), Origin.CONTAINER)).firing();
    Engine engine = Engine.builder().add(signature).onFinding(findings::add).node("node-9")
        .dedup("TEST-3", DedupPolicy.byHostAndFields(Duration.ofSeconds(10), "host")).build();
    for (long t : new long[] {1_000_000_000L, 2_000_000_000L, 20_000_000_000L}) {
      engine.accept(EventBuilder.event("magic_write").origin(Origin.CONTAINER).timestamp(t)
          .hostName("pod-a").build());
    }
    assertEquals(2, findings.size());
    assertEquals(1L, findings.get(1).data().get("suppressedCount"));
    for (Finding finding : findings) {
      assertEquals("node-9", finding.node());
    }
    Finding alone = new Finding(findings.get(0).metadata(), findings.get(0).severity(),
        findings.get(0).event(), findings.get(0).data(), findings.get(0).detectedAt());
    assertNotEquals(alone.id(), findings.get(0).id(), "the node is part of the id");
  }
}
