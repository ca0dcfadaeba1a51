package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;

/**
 * For tests that run each case through a new instance of the signature, so that state one case
 * builds (a container's API address, say) cannot leak into the next.
 */
final class FreshHarness {
  private FreshHarness() {}

  /**
   * Feeds the events, in order, to a harness around the signature.
   *
   * @return the harness, to assert on
   */
  static SignatureHarness run(Signature signature, Event... events) {
    SignatureHarness harness = SignatureHarness.of(signature);
    harness.feed(events);
    return harness;
  }

  /**
   * Asserts that exactly one finding fired, with the metadata and the data, and that so many
   * events were data problems.
   *
   * @return the finding, for what else a test checks of it
   */
  static Finding assertOnlyFinding(SignatureMetadata metadata, Map<String, ?> data,
      long dataProblems, SignatureHarness harness) {
    Finding finding = harness.only();
    assertSame(metadata, finding.metadata());
    assertEquals(data, finding.data());
    assertEquals(dataProblems, harness.stats().dataProblems());
    return finding;
  }

  /** Asserts that nothing fired and that so many events were data problems. */
  static void assertSilent(long dataProblems, SignatureHarness harness) {
    assertEquals(List.of(), harness.findings());
    assertEquals(dataProblems, harness.stats().dataProblems());
  }
}
