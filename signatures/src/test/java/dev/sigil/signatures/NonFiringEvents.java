package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.testing.AllocationMeter;

/**
 * The check every allocation test of the signatures makes: an engine fed a mix of events none of
 * which fires, round and round, allocates nothing and reports nothing. Public for the tests of
 * the ported signatures' package.
 */
public final class NonFiringEvents {
  private NonFiringEvents() {}

  /**
   * Feeds the events in turn, a million of them in all, and asserts that the engine allocated
   * nothing doing so and reported no finding.
   *
   * @param what what is measured, for the failure message
   * @param engine the engine running the signatures under test
   * @param events the mix, none of which fires
   */
  public static void assertAllocateNothing(String what, Engine engine, Event... events) {
    AllocationMeter.assertZeroAllocation(what, 1_000_000,
        i -> engine.accept(events[(int) (i % events.length)]));
    assertEquals(0, engine.stats().findings());
  }
}
