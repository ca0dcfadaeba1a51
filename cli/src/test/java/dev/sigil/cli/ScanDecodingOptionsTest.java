package dev.sigil.cli;

import static dev.sigil.cli.SummaryFields.assertSummaryHas;
import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.hostExec;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --strict} and {@code --threads}: what is decoded, and on how many threads. */
class ScanDecodingOptionsTest {
  /** Writes (selected by the test signature), host execs (not selected) and two bad lines. */
  private static String input() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(magicWrite(T0 + i * SECOND, "node-1", i % 10 == 0 ? "/tmp/evil-" + i : "/usr/bin/ok-" + i));
      lines.add(hostExec(T0 + i * SECOND + 1, "node-1", "/usr/bin/tool-" + i, "bash"));
      if (i % 100 == 50) {
        lines.add("not json");
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** The same lines as Docker's json-file log of Tracee's stdout. */
  private static String dockerLog() {
    StringBuilder log = new StringBuilder();
    for (String line : input().split("\n")) {
      log.append(InputFormatTest.docker(line, "stdout")).append('\n');
    }
    return log.toString();
  }

  private static CliRun scan(String... options) {
    return scanOf(input(), options);
  }

  private static CliRun scanOf(String input, String... options) {
    List<String> args = new ArrayList<>(List.of("scan", "--summary", "json"));
    args.addAll(List.of(options));
    return CliRun.run(CliRun.environment(input)
        .withBuiltInSignatures(o -> List.of(TestSignatures.evilWrites("TEST-1"))), args.toArray(String[]::new));
  }

  @Test
  void skipsLinesNoSignatureSelectsAndCountsThem() {
    CliRun run = scan("--threads", "1");

    assertEquals(0, run.status(), run.stderr());
    assertSummaryHas(run, Map.of("events", 300L, "skipped", 300L, "rejected", 3L, "findings", 30L));
  }

  @Test
  void strictDecodesAndChecksEveryLine() {
    CliRun run = scan("--strict", "--threads", "1");

    assertEquals(0, run.status(), run.stderr());
    assertSummaryHas(run, Map.of("events", 600L, "skipped", 0L, "rejected", 3L, "findings", 30L));
  }

  @Test
  void moreThreadsFindTheSameInTheSameOrder() {
    CliRun one = scan("--threads", "1");
    CliRun three = scan("--threads", "3");

    assertEquals(0, three.status(), three.stderr());
    assertEquals(30, one.stdoutLines().size());
    assertEquals(one.stdoutLines(), three.stdoutLines());
    assertEquals(one.stderrLines().subList(0, one.stderrLines().size() - 1),
        three.stderrLines().subList(0, three.stderrLines().size() - 1), "rejections, in order");
    Map<String, Object> summary1 = Json.object(one.lastStderrLine());
    Map<String, Object> summary3 = Json.object(three.lastStderrLine());
    for (String count : List.of("events", "rejected", "skipped", "findings", "linesRead", "bytesRead")) {
      assertEquals(summary1.get(count), summary3.get(count), count);
    }
  }

  @Test
  void containerLogsSkipTheUnwrappedLinesAndReadTheSameWithMoreThreads() {
    CliRun one = scanOf(dockerLog(), "--threads", "1");
    CliRun three = scanOf(dockerLog(), "--threads", "3");
    CliRun strict = scanOf(dockerLog(), "--strict", "--threads", "3");

    assertEquals(0, one.status(), one.stderr());
    assertSummaryHas(one,
        Map.of("inputFormat", "docker-json", "events", 300L, "skipped", 300L, "rejected", 3L));
    Map<String, Object> summary1 = Json.object(one.lastStderrLine());
    assertEquals(30, one.stdoutLines().size());
    assertEquals(one.stdoutLines(), three.stdoutLines());
    assertEquals(summary1, withoutElapsed(Json.object(three.lastStderrLine()), summary1));
    assertSummaryHas(strict, Map.of("events", 600L, "skipped", 0L));
    assertEquals(one.stdoutLines(), strict.stdoutLines());
  }

  /** A summary with another's elapsed time, the one field that differs between equal scans. */
  private static Map<String, Object> withoutElapsed(Map<String, Object> summary,
      Map<String, Object> other) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(summary);
    copy.put("elapsedMillis", other.get("elapsedMillis"));
    return copy;
  }

  @Test
  void refusesFewerThanOneThread() {
    CliRun run = scan("--threads", "0");

    assertUsageError(run, "--threads must be at least 1");
  }

  @Test
  void leavesOneCoreToTheJvmByDefault() {
    assertEquals(1, ScanCommand.defaultThreads(1));
    assertEquals(1, ScanCommand.defaultThreads(2));
    assertEquals(7, ScanCommand.defaultThreads(8));
  }
}
