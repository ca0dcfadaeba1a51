package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGINT/SIGTERM: the JVM runs the registered stop action on a thread of its own; these tests
 * run it themselves, while the scan reads from a pipe that stays open like {@code tracee | sigil}.
 */
class StopSignalTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicReference<Runnable> stopAction = new AtomicReference<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicInteger status = new AtomicInteger(-1);
  private final PipedOutputStream feed = new PipedOutputStream();
  private Thread scanning = new Thread(() -> { });

  @AfterEach
  void closePipe() throws IOException, InterruptedException {
    feed.close();
    scanning.join(TimeUnit.SECONDS.toMillis(10));
  }

  @Test
  void stopFinishesAScanBlockedOnAnIdlePipe() throws Exception {
    startScan(Duration.ofMillis(50));
    feed(magicWrite(T0, "h", "/evil"), magicWrite(T0 + 1, "h", "/fine"));
    awaitFinding();

    stopAction.get().run();

    Map<String, Object> summary = lastStderrJson();
    assertEquals(2L, summary.get("events"));
    assertEquals(1L, summary.get("findings"));
    assertEquals(false, summary.get("complete"));
    assertEquals(1, out.toString(StandardCharsets.UTF_8).split("\n").length);
    feed.close();
    scanning.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(scanning.isAlive());
    assertEquals(Scan.STOPPED, status.get());
    assertTrue(cancelled.get(), "the stop action is unregistered once the scan is over");
    assertEquals(summary, lastStderrJson(), "nothing is printed after the summary");
  }

  @Test
  void stopLetsTheReadingThreadFinishWhenItWakesUpInTime() throws Exception {
    startScan(Duration.ofSeconds(30));
    feed(magicWrite(T0, "h", "/evil"));
    awaitFinding();

    Thread stopping = new Thread(() -> stopAction.get().run());
    stopping.start();
    Thread.sleep(100);
    feed(magicWrite(T0 + 1, "h", "/evil-after-stop"));
    stopping.join(TimeUnit.SECONDS.toMillis(10));
    scanning.join(TimeUnit.SECONDS.toMillis(10));

    assertFalse(stopping.isAlive(), "the stop action returns once the reading thread finished");
    assertFalse(scanning.isAlive());
    assertEquals(Scan.STOPPED, status.get());
    assertTrue(lastStderrJson().get("events") instanceof Long);
  }

  private void startScan(Duration grace) throws IOException {
    PipedInputStream pipe = new PipedInputStream(feed, 1 << 16);
    StopSignals signals = action -> {
      stopAction.set(action);
      return () -> cancelled.set(true);
    };
    CliEnvironment environment = new CliEnvironment(pipe, out,
        new PrintStream(err, true, StandardCharsets.UTF_8), false, signals, grace,
        options -> List.of(TestSignatures.evilWrites("TEST-1")), System::nanoTime);
    scanning = new Thread(() -> status.set(
        SigilCli.run(new String[] {"scan", "--summary", "json", "-"}, environment)));
    scanning.start();
  }

  private void feed(String... events) throws IOException {
    feed.write(lines(events).getBytes(StandardCharsets.UTF_8));
    feed.flush();
  }

  private void awaitFinding() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString(StandardCharsets.UTF_8).contains(TestSignatures.EVIL_EVENT_NAME)) {
      assertTrue(System.nanoTime() < deadline, "no finding within 10 s; stderr: " + err);
      Thread.sleep(10);
    }
  }

  private Map<String, Object> lastStderrJson() {
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
    return Json.object(lines[lines.length - 1]);
  }
}
