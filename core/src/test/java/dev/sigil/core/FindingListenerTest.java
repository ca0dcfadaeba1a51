package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import dev.sigil.core.testing.EventBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingListenerTest {
  private static final Finding FINDING = new Finding(SignatureMetadata.builder("TEST-1").build(),
      Severity.LOW, EventBuilder.event("x").build().copy(), ImmutableMap.of(), Instant.EPOCH);

  @Test
  void andThenPassesEachFindingToThisListenerThenToTheNext() {
    List<String> calls = new ArrayList<>();
    FindingListener first = finding -> calls.add("first " + finding.metadata().id());
    FindingListener both = first.andThen(finding -> calls.add("second " + finding.metadata().id()));

    both.onFinding(FINDING);

    assertEquals(List.of("first TEST-1", "second TEST-1"), calls);
  }

  @Test
  void whenThisListenerThrowsTheNextDoesNotSeeTheFinding() {
    List<Finding> seen = new ArrayList<>();
    FindingListener failing = finding -> {
      throw new IllegalStateException("output gone");
    };

    assertThrows(IllegalStateException.class, () -> failing.andThen(seen::add).onFinding(FINDING));
    assertEquals(List.of(), seen);
    assertThrows(NullPointerException.class, () -> failing.andThen(null));
  }
}
