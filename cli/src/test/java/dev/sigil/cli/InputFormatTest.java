package dev.sigil.cli;

import static dev.sigil.cli.SummaryFields.assertSummaryHas;
import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tracee's output as people have it: bare, or as a container runtime logged it; and input that
 * is not Tracee's never reads like a clean scan.
 */
class InputFormatTest {
  private static final String EVIL = magicWrite(T0, "node-1", "/tmp/evil");
  private static final String FINE = magicWrite(T0 + SECOND, "node-1", "/usr/bin/fine");
  private static final String TWIN = magicWrite(T0 + 2 * SECOND, "node-1", "/opt/evil-twin");

  /** Docker's json-file entry for one line of Tracee's stdout. */
  static String docker(String line, String stream) {
    return "{\"log\":\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\\n\",\"stream\":\""
        + stream + "\",\"time\":\"2025-11-23T12:00:00.000000001Z\"}";
  }

  static String cri(String tag, String content) {
    return "2025-11-23T12:00:00.123456789Z stdout " + tag + " " + content;
  }

  @Test
  void dockerJsonLogIsDetectedAndUnwrapped() {
    String log = lines(docker(EVIL, "stdout"), docker("{\"L\":\"INFO\",\"M\":\"started\"}", "stderr"),
        docker(FINE, "stdout"), docker(TWIN, "stdout"));

    CliRun run = scan(log);

    assertEquals(0, run.status(), run.stderr());
    assertSummaryHas(run, Map.of("inputFormat", "docker-json", "events", 3L, "rejected", 0L,
        "findings", 2L));
    assertEquals(1L, Json.object(run.lastStderrLine()).get("stderrLines"),
        "Tracee's own log lines are skipped and counted");
  }

  @Test
  void dockerJsonJoinsALineSplitIntoSeveralEntries() {
    String first = EVIL.substring(0, 100);
    String rest = EVIL.substring(100);
    String log = lines(
        "{\"log\":\"" + first.replace("\"", "\\\"") + "\",\"stream\":\"stdout\",\"time\":\"t\"}",
        docker(rest, "stdout"), docker(TWIN, "stdout"));

    CliRun run = scan(log, "--input-format", "docker-json");

    assertSummaryHas(run, Map.of("events", 2L, "findings", 2L, "partialLines", 1L));
  }

  @Test
  void criLogIsDetectedAndPartialLinesJoined() {
    String log = lines(cri("F", EVIL), cri("P", TWIN.substring(0, 40)), cri("P", TWIN.substring(40, 90)),
        cri("F", TWIN.substring(90)), "2025-11-23T12:00:00.2Z stderr F some tracee log", cri("F", FINE));

    CliRun run = scan(log);

    assertSummaryHas(run, Map.of("inputFormat", "cri", "events", 3L, "findings", 2L,
        "partialLines", 2L, "stderrLines", 1L));
  }

  @Test
  void rejectionsInALogNameTheLineOfTheFile() {
    String log = lines(cri("F", EVIL), cri("P", "{\"timestamp\":1,"), cri("F", "\"eventName\":"),
        "not a cri line", cri("F", "{}"), cri("F", TWIN));

    CliRun run = scan(log, "--input-format", "cri");

    List<String> err = run.stderrLines();
    assertTrue(err.get(0).startsWith("line 3: rejected: truncated"), run.stderr());
    assertTrue(err.get(1).startsWith("line 4: rejected: not a CRI log line"), run.stderr());
    assertEquals("line 5: rejected: not a Tracee event: no eventName", err.get(2));
    assertEquals(2L, Json.object(run.lastStderrLine()).get("findings"));
  }

  @Test
  void dockerLogReadAsTraceeIsRejectedAndTheSummarySaysWhy() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append(docker(magicWrite(T0 + i, "h", "/tmp/evil" + i), "stdout")).append('\n');
    }

    CliRun json = scan(log.toString(), "--input-format", "tracee");
    CliRun text = CliRun.run(CliRun.environment(log.toString()).withBuiltInSignatures(o -> List.of(
        TestSignatures.evilWrites("TEST-1"))), "scan", "--input-format", "tracee");

    Map<String, Object> summary = Json.object(json.lastStderrLine());
    assertEquals(0L, summary.get("events"));
    assertEquals(20L, summary.get("rejected"));
    assertEquals(Map.of("not a Tracee event: no eventName", 20L), summary.get("rejectedByReason"));
    assertTrue(String.valueOf(summary.get("warning")).contains("--input-format"), json.stderr());
    assertTrue(text.stderr().contains("WARNING: most lines were rejected"), text.stderr());
  }

  @Test
  void emptyObjectsAreNoCleanScan() {
    CliRun run = scan(lines("{}", "{}", "{}"));

    assertSummaryHas(run, Map.of("events", 0L, "rejected", 3L));
  }

  @Test
  void aByteOrderMarkAtTheStartIsSkipped() {
    CliRun run = scan("\ufeff" + lines(EVIL, TWIN));

    assertSummaryHas(run, Map.of("rejected", 0L, "findings", 2L));
  }

  @Test
  void detectionReadsNoFurtherThanTheFirstLine() throws IOException {
    byte[] first = (EVIL + "\n").getBytes(StandardCharsets.UTF_8);
    // A stream that fails past the first line: a live pipe that has sent one line so far.
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(first) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        int n = super.read(b, off, len);
        if (n < 0) {
          throw new AssertionError("read past the first line");
        }
        return n;
      }
    });

    assertEquals(InputFormat.TRACEE, InputFormat.detect(in));
    assertEquals(InputFormat.DOCKER_JSON, InputFormat.detect(buffered("\n  \n" + docker(EVIL, "stdout"))));
    assertEquals(InputFormat.CRI, InputFormat.detect(buffered(cri("F", EVIL))));
    assertEquals(InputFormat.TRACEE, InputFormat.detect(buffered("garbage")));
    assertEquals(InputFormat.TRACEE, InputFormat.detect(buffered("")));
  }

  @Test
  void unknownInputFormatIsAUsageError() {
    CliRun run = scan("", "--input-format", "syslog");

    assertUsageError(run, "'syslog' is not an input format");
    assertFalse(run.stderr().contains("Exception"), run.stderr());
  }

  private static BufferedInputStream buffered(String text) {
    return new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static CliRun scan(String stdin, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "scan";
    args[1] = "--summary";
    args[2] = "json";
    System.arraycopy(options, 0, args, 3, options.length);
    return CliRun.run(CliRun.environment(stdin).withBuiltInSignatures(
        o -> List.of(TestSignatures.evilWrites("TEST-1"))), args);
  }
}
