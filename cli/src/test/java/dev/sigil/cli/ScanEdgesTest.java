package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hard edges of sigil scan: garbage in bulk, a pipe closed early, state files, arguments. */
class ScanEdgesTest {
  @TempDir Path directory;

  @Test
  void rejectedLinesArePrintedForTheFirstHundredThenCountedByReason() {
    byte[] garbage = new byte[200_000];
    new Random(42).nextBytes(garbage);
    String input = new String(garbage, StandardCharsets.ISO_8859_1) + "\n" + lines("{}", "{}", "[1]");

    CliRun run = scan(input, "--summary", "json");

    assertEquals(0, run.status());
    List<String> err = run.stderrLines();
    assertTrue(err.size() <= Diagnostics.MAX_REJECTION_LINES + 2, err.size() + " lines on stderr");
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    long rejected = (Long) summary.get("rejected");
    assertTrue(rejected > 500, "random bytes hold many lines: " + rejected);
    @SuppressWarnings("unchecked")
    Map<String, Long> byReason = (Map<String, Long>) summary.get("rejectedByReason");
    assertEquals(rejected, byReason.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(2L, byReason.get("not a Tracee event: no eventName"));
    assertTrue(run.stderr().contains("further rejected lines are only counted"), run.stderr());
  }

  @Test
  void afterAClosedPipeFindingsAndFindingsBySignatureAgree() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      input.append(magicWrite(T0 + i, "h", "/tmp/evil" + i)).append('\n');
    }
    OutputStream closesAfterTwo = new OutputStream() {
      private int lines;

      @Override
      public void write(int b) throws IOException {
        if (lines >= 2) {
          throw new IOException("Broken pipe");
        }
        if (b == '\n') {
          lines++;
        }
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = CliRun.environment(input.toString())
        .withStreams(new java.io.ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
            closesAfterTwo, new PrintStream(err, true, StandardCharsets.UTF_8))
        .withBuiltInSignatures(o -> List.of(TestSignatures.evilWrites("TEST-1")));

    int status = SigilCli.run(new String[] {"scan", "--summary", "json"}, environment);

    String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
    Map<String, Object> summary = Json.object(lines[lines.length - 1]);
    assertEquals(1, status);
    assertEquals(2L, summary.get("findings"));
    assertEquals(Map.of("TEST-1", 2L), summary.get("findingsBySignature"));
    assertTrue((Long) summary.get("findingsNotWritten") >= 1, summary.toString());
    assertEquals(false, summary.get("complete"));
  }

  @Test
  void stateDirectoryThatCannotBeWrittenIsExitTwoBeforeScanning() {
    Path proc = Path.of("/proc");
    Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc, where nobody, root included, creates files");

    CliRun run = scan(lines(magicWrite(T0, "h", "/tmp/evil")), "--state",
        proc.resolve("sigil-state.json").toString());

    assertEquals(2, run.status(), run.stderr());
    assertTrue(run.stderr().contains("is not writable"), run.stderr());
    assertEquals("", run.stdout(), "nothing was scanned");
  }

  @Test
  void stateOfSignaturesNotLoadedIsKeptAndNamedInAWarning() throws IOException {
    Path state = directory.resolve("state.json");
    Files.writeString(state, "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[],"
        + "\"signatures\":{\"OTHER-1\":{\"learned\":[\"a\",\"b\"]},\"OTHER-2\":{\"learned\":[]}}}");

    CliRun run = scan(lines(magicWrite(T0, "h", "/tmp/evil")), "--state", state.toString());

    assertEquals(0, run.status(), run.stderr());
    assertTrue(run.stderr().contains("warning: state file '" + state + "' holds the state of"
        + " signatures not loaded in this run: OTHER-1, OTHER-2"), run.stderr());
    Map<String, Object> saved = Json.object(Files.readString(state));
    assertEquals(Map.of("OTHER-1", Map.of("learned", List.of("a", "b")), "OTHER-2",
        Map.of("learned", List.of())), saved.get("signatures"));
  }

  @Test
  void aStateWhoseSignaturesAreAllLoadedRestoresWithoutAWarning() throws IOException {
    Path state = directory.resolve("state.json");
    scan(lines(magicWrite(T0, "h", "/tmp/evil")), "--state", state.toString());

    CliRun again = scan(lines(magicWrite(T0, "h", "/tmp/evil")), "--state", state.toString());

    assertEquals(0, again.status(), again.stderr());
    assertFalse(again.stderr().contains("warning"), again.stderr());
  }

  @Test
  void negativeCountsInTheStateAreRefused() throws IOException {
    Path state = directory.resolve("state.json");
    String negative = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[{\"key\":\"k\","
        + "\"lastEmittedAt\":1,\"suppressedCount\":-3,\"lastSuppressedAt\":1}],\"signatures\":{}}";
    Files.writeString(state, negative);

    CliRun run = scan("", "--state", state.toString());

    assertUsageError(run, "negative");
    assertEquals(negative, Files.readString(state));
  }

  @Test
  void corruptStateIsExplainedWithoutTheParsersNoise() throws IOException {
    Path state = Files.writeString(directory.resolve("state.json"), "{\"format\": \"sigil-engine-st");

    CliRun run = scan("", "--state", state.toString());

    assertUsageError(run, "not valid JSON");
    assertFalse(run.stderr().contains("Source"), run.stderr());
    assertFalse(run.stderr().contains("REDACTED"), run.stderr());
  }

  @Test
  void learningPeriodsWithoutLearningAreAUsageError() {
    for (String option : List.of("--training-period", "--activation-period")) {
      CliRun run = scan("", option, "P1D");

      assertEquals(2, run.status(), option);
      assertTrue(run.stderr().contains(option) && run.stderr().contains("--learning"), run.stderr());
    }
    assertEquals(0, scan("", "--learning", "--training-period", "P1D").status());
  }

  private static CliRun scan(String stdin, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "scan";
    System.arraycopy(options, 0, args, 1, options.length);
    return CliRun.run(CliRun.environment(stdin).withBuiltInSignatures(
        o -> List.of(TestSignatures.evilWrites("TEST-1"))), args);
  }
}
