package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil} as a real process: the exit status reaches the shell, and SIGTERM on a scan of
 * a pipe that stays open (as {@code tracee | sigil scan -} does) goes through the shutdown hook.
 */
class SigilProcessTest {
  private static final Path DEMO = Path.of("demo", "tracee-demo.jsonl");

  @TempDir Path directory;

  @Test
  void usageErrorIsTheProcessExitStatus() throws Exception {
    Process process = start("scan", "--no-such-option");
    process.getOutputStream().close();

    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    assertTrue(read(process.getErrorStream()).contains("--no-such-option"));
  }

  @Test
  void sigtermFlushesFindingsPrintsTheSummaryAndSavesTheState() throws Exception {
    Path state = directory.resolve("state.json");
    Process process = start("scan", "--summary", "json", "--state", state.toString(), "-");
    Drain stdout = new Drain(process.getInputStream());
    Drain stderr = new Drain(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(Files.readAllBytes(DEMO));
      stdin.flush();
      awaitLines(stdout.bytes, 10);
      // The last finding comes a few lines before the end, and findings are written by a thread
      // of their own: give the reader time to take in the rest, so that the pipe is idle.
      Thread.sleep(1000);

      // SIGTERM while the pipe is open and idle; Process.destroy() would also close our ends of
      // the child's stdout and stderr, and with them what it prints on its way out.
      assertTrue(process.toHandle().destroy());

      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ends on SIGTERM");
    }
    String err = stderr.text();
    assertEquals(143, process.exitValue(), err);
    String[] lines = err.split("\\R");
    Map<String, Object> summary = Json.object(lines[lines.length - 1]);
    long demoEvents = Files.readAllLines(DEMO).stream().filter(line -> !line.isBlank()).count();
    assertEquals(demoEvents, (Long) summary.get("events") + (Long) summary.get("skipped"),
        "every line was read: decoded, or skipped as no signature selects its event");
    assertEquals(10L, summary.get("findings"), "every demo finding was written before the exit");
    assertEquals(false, summary.get("complete"));
    assertEquals("sigil-engine-state", Json.object(Files.readString(state)).get("format"));
  }

  @Test
  void sigtermStopsWithinFiveSecondsWhileStandardOutputIsBlocked() throws Exception {
    // Enough findings to fill the pipe (64 KiB) and the writer's queue many times over.
    Path big = directory.resolve("big.jsonl");
    try (var out = Files.newBufferedWriter(big)) {
      for (int i = 0; i < 40_000; i++) {
        out.write(TraceeLines.magicWrite(TraceeLines.T0 + i, "node-1", "/tmp/dropped-" + i));
        out.write('\n');
      }
    }
    Path state = directory.resolve("state.json");
    Process process = start("scan", "--summary", "json", "--state", state.toString(), big.toString());
    Drain stderr = new Drain(process.getErrorStream());
    try {
      // Standard output is never read, as with `sigil scan big.jsonl | sleep 60`: wait until
      // the scan is surely stuck on it.
      Thread.sleep(3000);
      assertTrue(process.isAlive(), "the scan is blocked on its output: " + stderr.bytes);

      long signalled = System.nanoTime();
      assertTrue(process.toHandle().destroy());
      boolean ended = process.waitFor(10, TimeUnit.SECONDS);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);

      assertTrue(ended, "the process ends on SIGTERM although its output is blocked");
      assertTrue(seconds < 5, "stopped within 5 s, took " + seconds + " s");
    } finally {
      process.destroyForcibly();
    }
    String err = stderr.text();
    assertEquals(143, process.exitValue(), err);
    String[] lines = err.split("\\R");
    Map<String, Object> summary = Json.object(lines[lines.length - 1]);
    assertTrue((Long) summary.get("findingsNotWritten") > 0, err);
    assertTrue(err.contains("could not be written"), err);
    assertEquals(false, summary.get("complete"));
    @SuppressWarnings("unchecked")
    Map<String, Long> bySignature = (Map<String, Long>) summary.get("findingsBySignature");
    assertEquals(summary.get("findings"), bySignature.values().stream().mapToLong(Long::longValue).sum());
    assertEquals("sigil-engine-state", Json.object(Files.readString(state)).get("format"),
        "the state is saved");
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SigilCli.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** Copies a process's output as it comes, so the process never blocks on a full pipe. */
  private static final class Drain {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread pump;

    Drain(InputStream in) {
      pump = new Thread(() -> {
        try {
          in.transferTo(bytes);
        } catch (IOException e) {
          // the process is gone; what arrived is in the buffer
        }
      });
      pump.setDaemon(true);
      pump.start();
    }

    /** Everything, once the process closed the stream. */
    String text() throws InterruptedException {
      pump.join(TimeUnit.SECONDS.toMillis(30));
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static void awaitLines(ByteArrayOutputStream out, int lines) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (out.toString(StandardCharsets.UTF_8).split("\n").length < lines
        || !out.toString(StandardCharsets.UTF_8).endsWith("\n")) {
      assertTrue(System.nanoTime() < deadline, "findings did not arrive: " + out);
      Thread.sleep(20);
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
