package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

/**
 * Compares several fields of a scan's JSON summary in one assertion: a failure then shows every
 * field that differs at once, and a test lists the counts it expects as one table.
 */
final class SummaryFields {
  private SummaryFields() {}

  /**
   * Asserts that the JSON summary the run printed last has these values; fields not named may
   * hold anything. The message is the run's standard error, which says why a count is off.
   *
   * @param run a scan given {@code --summary json}
   * @param expected the value of each field named
   */
  static void assertSummaryHas(CliRun run, Map<String, ?> expected) {
    assertFieldsOf(Json.object(run.lastStderrLine()), expected, run.stderr());
  }

  /**
   * Asserts that the summary has these values; fields not named may hold anything.
   *
   * @param summary a parsed JSON summary
   * @param expected the value of each field named
   * @param message said when they differ
   */
  static void assertFieldsOf(Map<String, Object> summary, Map<String, ?> expected, String message) {
    // Both sorted by name, and a missing field shows as null, so that the two print alike.
    Map<String, Object> actual = new TreeMap<>();
    for (String name : expected.keySet()) {
      actual.put(name, summary.get(name));
    }
    assertEquals(new TreeMap<>(expected), actual, message);
  }
}
