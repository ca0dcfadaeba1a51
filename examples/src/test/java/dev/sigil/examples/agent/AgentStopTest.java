package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.SIGNATURES;
import static dev.sigil.examples.agent.AgentTesting.eventually;
import static dev.sigil.examples.agent.AgentTesting.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stop ends in bounded time whatever the output does, and says what it could not write. */
@Timeout(60)
class AgentStopTest {
  /** An output nobody reads: every write waits until the test ends. */
  private static final class BlockedOutput extends OutputStream {
    final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      entered.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aStopWithTheOutputBlockedEndsInTimeAndCountsTheFindingsItDropped() throws Exception {
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 30);
    BlockedOutput output = new BlockedOutput();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    AgentOptions options = AgentOptions.listening(0).withOnce(true).withQueues(2, 4)
        .withStatsInterval(Duration.ZERO)
        .withStopTimes(Duration.ofMillis(300), Duration.ofMillis(700));
    Agent agent = new Agent(options, SIGNATURES, output,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    agent.start();
    try {
      send(agent.port(), traffic.bytes(), 4096);
      assertTrue(output.entered.await(20, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(eventually(() -> agent.stats().findingsQueued() == 4), "the queue filled");

      long stopped = System.nanoTime();
      agent.shutdown();
      assertTrue(agent.awaitTermination(options.stopBound().toMillis() + 2_000),
          "the stop ended although the output never took a byte");
      long tookMillis = (System.nanoTime() - stopped) / 1_000_000;
      assertTrue(tookMillis < options.stopBound().toMillis() + 1_000, tookMillis + " ms");

      AgentStats stats = agent.stats();
      assertEquals(0, stats.findingsWritten());
      assertTrue(stats.findingsDropped() >= 5, stats.summary());
      assertEquals(stats.findingsMade(), stats.findingsWritten() + stats.findingsDropped(),
          stats.summary());
      String text = log.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains("the output was still blocked when the stop's time ran out: "
          + stats.findingsDropped() + " findings dropped, not written"), text);
      assertTrue(text.contains(" dropped=" + stats.findingsDropped()), text);
    } finally {
      output.released.countDown();
    }
  }

  @Test
  void aStopWithAHealthyOutputDropsNothing() throws Exception {
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 30);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withQueues(2, 4)
        .withStatsInterval(Duration.ZERO), SIGNATURES, out,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    agent.start();
    send(agent.port(), traffic.bytes(), 4096);
    AgentTesting.awaitBytesRead(agent, traffic.bytes().length);
    agent.shutdown();
    assertTrue(agent.awaitTermination(20_000));
    AgentTesting.assertStatsAddUp(agent.stats(), traffic.expectedFindings());
  }
}
