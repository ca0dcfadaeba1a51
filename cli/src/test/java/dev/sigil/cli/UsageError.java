package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a test expects of a command line the CLI refuses: status 2, and why on standard error. */
final class UsageError {
  private UsageError() {}

  /**
   * Asserts that the run ended with status 2 and that its standard error says the text.
   *
   * @param run the refused run
   * @param saying text standard error must contain
   */
  static void assertUsageError(CliRun run, String saying) {
    assertEquals(2, run.status());
    assertTrue(run.stderr().contains(saying), run.stderr());
  }
}
