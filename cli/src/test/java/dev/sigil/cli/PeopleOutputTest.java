package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person at a terminal sees: text findings, colour, escapes, notices, no glued lines. */
class PeopleOutputTest {
  private static final String INPUT = lines(magicWrite(T0, "node-1", "/tmp/evil"),
      magicWrite(T0 + SECOND, "node-1", "/usr/bin/fine"));

  @TempDir Path directory;

  @Test
  void textFormatIsOneLineAFindingWithTimeSeverityIdNameWhereProcessAndData() {
    CliRun run = scan(environment(INPUT), "--format", "text");

    assertEquals(0, run.status(), run.stderr());
    List<String> findings = run.stdoutLines();
    assertEquals(1, findings.size(), run.stdout());
    String line = findings.get(0);
    assertTrue(line.startsWith("2025-11-23T12:13:20.000Z  MEDIUM    TEST-1  Evil write  container web"),
        line);
    assertTrue(line.contains("process sh[4012]"), line);
    assertTrue(line.endsWith("path=/tmp/evil"), line);
    assertFalse(line.contains("\u001b"), "no colour unless standard output is a terminal");
  }

  @Test
  void autoIsTextOnATerminalAndTraceeJsonOtherwise() {
    CliRun piped = scan(environment(INPUT));
    CliRun terminal = scan(environment(INPUT).withTerminals(false, true, false));

    assertTrue(piped.stdout().startsWith("{"), piped.stdout());
    assertEquals("test_evil_write", Json.object(piped.stdoutLines().get(0)).get("eventName"));
    assertTrue(terminal.stdout().startsWith("2025-11-23T"), terminal.stdout());
  }

  @Test
  void severityIsColouredOnATerminalUnlessNoColor() {
    CliRun coloured = scan(environment(INPUT).withTerminals(false, true, false), "--format", "text");
    CliRun plain = scan(environment(INPUT).withTerminals(false, true, false).withNoColor(true),
        "--format", "text");

    assertTrue(coloured.stdout().contains("\u001b[33mMEDIUM\u001b[0m"), coloured.stdout());
    assertFalse(plain.stdout().contains("\u001b"), plain.stdout());
  }

  @Test
  void controlCharactersFromTheInputNeverReachTheTerminalRaw() {
    String hostile = "{\"timestamp\":" + T0 + ",\"eventName\":\"x\\u001b[2Jy\",\"processName\":\"a\\u009bb\","
        + "\"hostName\":\"h\",\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"/evil\\u001b]0;t\\u0007\"}]}";
    CliRun run = CliRun.run(environment(lines(hostile)).withTerminals(false, true, true)
        .withBuiltInSignatures(o -> List.of(TestSignatures.throwingOnEveryEvent("TEST-ERR"))), "scan");

    assertTrue(run.stderr().contains("x\\x1B[2Jy"), run.stderr());
    assertFalse(run.stderr().contains("\u001b"), run.stderr());
    assertFalse(run.stderr().contains("\u009b"), run.stderr());
  }

  @Test
  void textFindingsEscapeControlCharactersToo() {
    String hostile = magicWrite(T0, "node-1", "/tmp/evil\\u001b[2J");

    CliRun run = scan(environment(lines(hostile)), "--format", "text");

    assertTrue(run.stdout().contains("path=/tmp/evil\\x1B[2J"), run.stdout());
    assertFalse(run.stdout().contains("\u001b"), run.stdout());
  }

  @Test
  void standardInputOnATerminalSaysItIsReadingAndHowToEnd() {
    CliRun typing = scan(environment(INPUT).withTerminals(true, false, true));
    CliRun piped = scan(environment(INPUT));

    assertTrue(typing.stderrLines().get(0).contains("reading Tracee events from standard input"),
        typing.stderr());
    assertTrue(typing.stderrLines().get(0).contains("Ctrl-D"), typing.stderr());
    assertFalse(piped.stderr().contains("Ctrl-D"), piped.stderr());
  }

  @Test
  void progressLineNeverSharesALineWithAFindingOnOneTerminal() throws IOException {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      input.append(magicWrite(T0 + i, "h", i % 10 == 0 ? "/tmp/evil" + i : "/usr/bin/fine")).append('\n');
    }
    Path file = Files.writeString(directory.resolve("events.jsonl"), input);
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream shared = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    AtomicLong clock = new AtomicLong();
    CliEnvironment environment = CliRun.environment("").withStreams(System.in, shared, shared)
        .withTerminals(false, true, true).withNanoTime(() -> clock.addAndGet(SECOND))
        .withBuiltInSignatures(o -> List.of(TestSignatures.evilWrites("TEST-1")));

    int status = SigilCli.run(new String[] {"scan", file.toString()}, environment);

    assertEquals(0, status);
    String screen = terminal.toString(StandardCharsets.UTF_8);
    assertTrue(screen.contains("events/s"), "a progress line was drawn: " + screen);
    int findings = 0;
    for (String line : screen.split("\n")) {
      // What a terminal shows of a line is what follows its last carriage return.
      String shown = line.substring(line.lastIndexOf('\r') + 1);
      if (line.contains("TEST-1  Evil write")) {
        findings++;
        assertTrue(shown.startsWith("2025-"), "a finding glued to the progress line: " + line);
      }
    }
    assertEquals(30, findings);
  }

  private static CliEnvironment environment(String stdin) {
    return CliRun.environment(stdin)
        .withBuiltInSignatures(o -> List.of(TestSignatures.evilWrites("TEST-1")));
  }

  private static CliRun scan(CliEnvironment environment, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "scan";
    System.arraycopy(options, 0, args, 1, options.length);
    return CliRun.run(environment, args);
  }
}
