package dev.sigil.cli;

import static dev.sigil.cli.SummaryFields.assertFieldsOf;
import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Signature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigil scan} end to end, in-process, with test signatures. */
class ScanCommandTest {
  private static final String INPUT = lines(
      magicWrite(T0, "node-1", "/tmp/evil"),
      "{\"timestamp\": 12, \"eventName\": ",
      "",
      magicWrite(T0 + SECOND, "node-1", "/usr/bin/fine"),
      "[1, 2, 3]",
      magicWrite(T0 + 2 * SECOND, "node-2", "/opt/evil-twin"));

  @TempDir Path directory;

  @Test
  void jsonSummaryIsTheLastLineOfStandardErrorWithEveryCount() {
    CliRun run = scan(INPUT, "--summary", "json");

    assertEquals(0, run.status(), run.stderr());
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(List.of("events", "rejected", "findings", "suppressed", "signatureErrors"),
        List.copyOf(summary.keySet()).subList(0, 5));
    assertFieldsOf(summary, Map.of("events", 3L, "rejected", 2L, "findings", 2L, "suppressed", 0L,
        "signatureErrors", 0L, "blankLines", 1L, "linesRead", 6L, "complete", true), run.stderr());
  }

  @Test
  void textSummaryIsTheDefault() {
    CliRun run = scan(INPUT);

    assertEquals(0, run.status());
    assertTrue(run.stderr().contains("sigil scan: standard input read to the end"), run.stderr());
    assertTrue(run.stderr().matches("(?s).*events\\s+3\\s.*"), run.stderr());
    assertTrue(run.stderr().matches("(?s).*rejected lines\\s+2\\s.*"), run.stderr());
    assertTrue(run.stderr().matches("(?s).*findings\\s+2\\s+TEST-1: 2\\R.*"), run.stderr());
  }

  @Test
  void rejectedLinesAreReportedWithTheirLineNumbersBeforeTheSummary() {
    CliRun run = scan(INPUT, "--summary", "json");

    List<String> err = run.stderrLines();
    assertEquals(3, err.size(), run.stderr());
    assertTrue(err.get(0).startsWith("line 2: rejected: "), err.get(0));
    assertTrue(err.get(1).startsWith("line 5: rejected: "), err.get(1));
    assertFalse(run.stderr().contains("eventName"), "a rejection never echoes the line");
  }

  @Test
  void inputWithOnlyBadLinesStillExitsZero() {
    CliRun run = scan(lines("not json", "{}{}", "\u0000"), "--summary", "json");

    assertEquals(0, run.status());
    assertEquals(3L, Json.object(run.lastStderrLine()).get("rejected"));
    assertEquals("", run.stdout());
  }

  @Test
  void findingsAreJsonLinesWithTheSignaturesEventName() {
    CliRun run = scan(INPUT);

    List<String> findings = run.stdoutLines();
    assertEquals(2, findings.size(), run.stdout());
    for (String line : findings) {
      Map<String, Object> finding = Json.object(line);
      assertEquals(TestSignatures.EVIL_EVENT_NAME, finding.get("eventName"));
      assertTrue(line.contains("evil"), line);
    }
    assertTrue(findings.get(0).contains("/tmp/evil") && findings.get(1).contains("/opt/evil-twin"));
  }

  @Test
  void dashAndNoFileBothReadStandardInput() {
    CliRun dash = scan(INPUT, "--summary", "json", "-");
    CliRun none = scan(INPUT, "--summary", "json");

    assertEquals(0, dash.status());
    assertEquals(dash.stdout(), none.stdout());
    assertEquals(2, dash.stdoutLines().size());
    assertEquals(3L, Json.object(dash.lastStderrLine()).get("events"));
  }

  @Test
  void fileReadsLikeStandardInput() throws IOException {
    Path file = Files.writeString(directory.resolve("events.jsonl"), INPUT);

    CliRun fromFile = scan("", "--summary", "json", file.toString());

    assertEquals(0, fromFile.status());
    assertEquals(scan(INPUT).stdout(), fromFile.stdout());
    assertEquals(file.toString(), Json.object(fromFile.lastStderrLine()).get("input"));
  }

  @Test
  void signatureErrorsAreReportedWithTheSignatureIdAndCounted() {
    String input = lines(magicWrite(T0, "h", "boom"), magicWrite(T0 + 1, "h", "/evil"));

    CliRun run = scan(input, List.of(TestSignatures.throwing("TEST-THROWS"),
        TestSignatures.evilWrites("TEST-1")), "--summary", "json");

    assertEquals(0, run.status());
    assertTrue(run.stderrLines().get(0).contains("TEST-THROWS")
        && run.stderrLines().get(0).contains("kaboom"), run.stderr());
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(1L, summary.get("signatureErrors"));
    assertEquals(1L, summary.get("findings"), "the other signature goes on");
  }

  @Test
  void repeatsWithinTheDedupPeriodAreSuppressedAndCounted() {
    String input = lines(magicWrite(T0, "h", "/evil"), magicWrite(T0 + SECOND, "h", "/evil"),
        magicWrite(T0 + 2 * SECOND, "other-host", "/evil"));

    Map<String, Object> summary = dedupScan(input);

    assertEquals(2L, summary.get("findings"));
    assertEquals(1L, summary.get("suppressed"));
  }

  @Test
  void dedupPeriodZeroTurnsDeduplicationOff() {
    String input = lines(magicWrite(T0, "h", "/evil"), magicWrite(T0 + SECOND, "h", "/evil"));

    Map<String, Object> summary = dedupScan(input, "--dedup-period", "PT0S");

    assertEquals(2L, summary.get("findings"));
    assertEquals(0L, summary.get("suppressed"));
  }

  @Test
  void dedupPeriodReplacesTheSignaturesWindow() {
    String input = lines(magicWrite(T0, "h", "/evil"), magicWrite(T0 + SECOND, "h", "/evil"),
        magicWrite(T0 + 3 * SECOND, "h", "/evil"));

    Map<String, Object> summary = dedupScan(input, "--dedup-period", "PT2S");

    assertEquals(2L, summary.get("findings"), "the third is beyond 2 s of the first");
    assertEquals(1L, summary.get("suppressed"));
  }

  @Test
  void stateCarriesSuppressionAcrossRuns() throws IOException {
    Path state = directory.resolve("sigil-state.json");

    Map<String, Object> first = dedupScan(lines(magicWrite(T0, "h", "/evil")),
        "--state", state.toString());
    assertTrue(Files.exists(state));
    assertEquals("sigil-engine-state", Json.object(Files.readString(state)).get("format"));
    Map<String, Object> second = dedupScan(lines(magicWrite(T0 + 3600 * SECOND, "h", "/evil")),
        "--state", state.toString());
    Map<String, Object> afresh = dedupScan(lines(magicWrite(T0 + 3600 * SECOND, "h", "/evil")));

    assertEquals(1L, first.get("findings"));
    assertEquals(0L, second.get("findings"));
    assertEquals(1L, second.get("suppressed"), "the restarted scan remembered the first finding");
    assertEquals(1L, afresh.get("findings"), "control: without the state it fires");
    try (var files = Files.list(directory)) {
      assertEquals(List.of(state), files.toList(), "no temporary file may be left");
    }
  }

  @Test
  void failingToSaveStateIsExitOneAndKeepsThePreviousFile() throws IOException {
    Path state = directory.resolve("state.json");
    scan(lines(magicWrite(T0, "h", "/evil")), "--state", state.toString());
    String before = Files.readString(state);

    CliRun run = scan(lines(magicWrite(T0, "h", "/evil")),
        List.of(TestSignatures.unsavable("TEST-1")), "--state", state.toString(), "--summary", "json");

    assertEquals(1, run.status());
    assertTrue(run.stderr().contains("saving the state to '" + state + "' failed"), run.stderr());
    assertEquals(1L, Json.object(run.lastStderrLine()).get("findings"), "the summary is still last");
    assertEquals(before, Files.readString(state));
    try (var files = Files.list(directory)) {
      assertEquals(List.of(state), files.toList(), "no temporary file may be left");
    }
  }

  @Test
  void progressIsNeverPrintedWhenStandardErrorIsNotATerminal() throws IOException {
    Path file = Files.writeString(directory.resolve("events.jsonl"), INPUT.repeat(200));

    CliRun run = CliRun.run(environment("").withNanoTime(everyCallASecondLater()), "scan",
        file.toString());

    assertEquals(0, run.status());
    assertFalse(run.stderr().contains("\r"), run.stderr());
    assertFalse(run.stderr().contains("events/s  "), run.stderr());
  }

  @Test
  void progressIsShownForATerminalReadingAFileAndClearedBeforeTheSummary() throws IOException {
    Path file = Files.writeString(directory.resolve("events.jsonl"), INPUT.repeat(200));

    CliRun run = CliRun.run(environment("").withStderrTerminal(true)
        .withNanoTime(everyCallASecondLater()), "scan", "--summary", "json", file.toString());

    assertEquals(0, run.status());
    assertTrue(run.stderr().contains("\r"), run.stderr());
    String last = run.lastStderrLine();
    assertEquals(last.strip(), last.substring(last.lastIndexOf('\r') + 1));
    assertEquals(600L, Json.object(last.substring(last.lastIndexOf('\r') + 1)).get("events"));
  }

  @Test
  void progressIsNotShownForStandardInputEvenOnATerminal() {
    CliRun run = CliRun.run(environment(INPUT.repeat(200)).withStderrTerminal(true)
        .withNanoTime(everyCallASecondLater()), "scan");

    assertEquals(0, run.status());
    assertFalse(run.stderr().contains("\r"));
  }

  @Test
  void failingOutputStopsTheScanWithExitOne() {
    OutputStream closedPipe = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = environment(INPUT);
    CliEnvironment captured = new CliEnvironment(environment.stdin(), closedPipe,
        new PrintStream(err, true, StandardCharsets.UTF_8), false,
        environment.stopSignals(), environment.stopGrace(), environment.builtInSignatures(),
        environment.nanoTime());

    int status = SigilCli.run(new String[] {"scan", "--summary", "json"}, captured);

    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, stderr);
    assertTrue(stderr.contains("writing findings failed") && stderr.contains("Broken pipe"), stderr);
    String[] lines = stderr.split("\\R");
    assertEquals(false, Json.object(lines[lines.length - 1]).get("complete"));
  }

  @Test
  void failingInputIsExitOneAfterTheSummary() {
    byte[] good = lines(magicWrite(T0, "h", "/evil")).getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private final InputStream first = new ByteArrayInputStream(good);

      @Override
      public int read() throws IOException {
        int b = first.read();
        if (b < 0) {
          throw new IOException("Input/output error");
        }
        return b;
      }
    };

    CliRun run = CliRun.run(new CliEnvironment(failing, OutputStream.nullOutputStream(),
        System.err, false, StopSignals.none(), CliEnvironment.DEFAULT_STOP_GRACE,
        options -> List.of(TestSignatures.evilWrites("TEST-1")), System::nanoTime),
        "scan", "--summary", "json");

    assertEquals(1, run.status());
    assertTrue(run.stderr().contains("reading standard input failed: Input/output error"), run.stderr());
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(1L, summary.get("findings"), "what was read was scanned");
    assertEquals(false, summary.get("complete"));
  }

  private Map<String, Object> dedupScan(String input, String... options) {
    String[] args = new String[options.length + 2];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "--summary";
    args[options.length + 1] = "json";
    CliRun run = scan(input, List.of(TestSignatures.dedupedEvilWrites("TEST-DEDUP")), args);
    assertEquals(0, run.status(), run.stderr());
    return Json.object(run.lastStderrLine());
  }

  private static CliRun scan(String stdin, String... options) {
    return scan(stdin, List.of(TestSignatures.evilWrites("TEST-1")), options);
  }

  private static CliRun scan(String stdin, List<Signature> signatures, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "scan";
    System.arraycopy(options, 0, args, 1, options.length);
    return CliRun.run(CliRun.environment(stdin).withBuiltInSignatures(o -> signatures), args);
  }

  private static CliEnvironment environment(String stdin) {
    return CliRun.environment(stdin)
        .withBuiltInSignatures(o -> List.of(TestSignatures.evilWrites("TEST-1")));
  }

  /** A clock for which every reading is a second after the last: any progress would be drawn. */
  private static LongSupplier everyCallASecondLater() {
    AtomicLong now = new AtomicLong();
    return () -> now.addAndGet(SECOND);
  }
}
