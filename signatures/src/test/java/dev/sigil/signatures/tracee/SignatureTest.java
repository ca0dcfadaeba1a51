package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.SignatureHarness;
import java.util.Map;

/**
 * What the tests of the ported signatures share: a harness around a new instance of the
 * signature under test (JUnit makes a test instance per test method, so each test starts
 * afresh), and the assertions they make about what it reported. Most of Tracee's findings carry
 * no data, so a finding is checked by its metadata, its empty data and the argument of its event
 * that made it fire.
 */
abstract class SignatureTest {
  /** The harness around the signature under test. */
  final SignatureHarness harness;
  private final SignatureMetadata metadata;

  SignatureTest(Signature signature) {
    this.harness = SignatureHarness.of(signature);
    this.metadata = signature.metadata();
  }

  /**
   * Feeds the event, and asserts that it alone fired, without data and without a data problem.
   *
   * @param argName the argument of the event that made it fire
   * @param value that argument's value
   */
  void assertFires(Event event, String argName, String value) {
    harness.feed(event);
    assertFiredWithoutData(argName, value);
    assertEquals(0, harness.stats().dataProblems());
  }

  /** Feeds the events, and asserts that none fired and none was a data problem. */
  void assertSilent(Event... events) {
    harness.feed(events);
    assertNoFinding();
  }

  /**
   * Feeds the events, and asserts that the signature was not even given them, as it selects only
   * a started container's events.
   */
  void assertNotDispatched(Event... events) {
    assertSilent(events);
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  /** Feeds the event, and asserts that it did not fire and was counted as a data problem. */
  void assertDataProblem(Event event) {
    harness.feed(event);
    assertNoFindingButOneDataProblem();
  }

  /**
   * Asserts that the signature reported exactly one finding, with its metadata and without data,
   * as Tracee's, for an event whose argument has the value.
   */
  void assertFiredWithoutData(String argName, String value) {
    Finding finding = onlyFindingWithoutData();
    assertEquals(value, String.valueOf(finding.event().string(ArgKey.of(argName))));
  }

  /**
   * Asserts that the signature reported exactly one finding, with its metadata and without data,
   * as Tracee's, for an event of the name.
   */
  void assertFiredWithoutDataOn(String eventName) {
    assertEquals(eventName, String.valueOf(onlyFindingWithoutData().event().eventName()));
  }

  private Finding onlyFindingWithoutData() {
    Finding finding = harness.only();
    assertSame(metadata, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    return finding;
  }

  /** {@link #assertFiredWithoutData(String, String)} for the {@code pathname} argument. */
  void assertFiredWithoutData(String pathname) {
    assertFiredWithoutData("pathname", pathname);
  }

  /** Asserts that nothing fired so far and no event was a data problem. */
  void assertNoFinding() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  /** Asserts that nothing fired so far, one event was a data problem, and nothing failed. */
  void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }
}
