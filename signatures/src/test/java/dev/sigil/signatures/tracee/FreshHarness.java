package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;

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

  /** Asserts that nothing fired and that so many events were data problems. */
  static void assertSilent(long dataProblems, SignatureHarness harness) {
    assertEquals(List.of(), harness.findings());
    assertEquals(dataProblems, harness.stats().dataProblems());
  }
}
