package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.awaitWritten;
import static dev.sigil.examples.agent.AgentTesting.findingsIn;
import static dev.sigil.examples.agent.AgentTesting.send;
import static dev.sigil.examples.agent.AgentTesting.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.AllocationMeter;
import dev.sigil.examples.agent.AgentTesting.Running;
import dev.sigil.core.output.FindingFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a sender of garbage, or a large setting, costs the agent: bounded logs, lazy memory. */
@Timeout(60)
class AgentLimitsTest {
  @Test
  void rejectedLinesAreLoggedLikeTheCliDoesTheFirst100ThenOnlyCounted() throws Exception {
    Traffic traffic = Traffic.fromNode("node-0");
    for (int i = 0; i < 150; i++) {
      traffic.raw(i % 2 == 0 ? "not json " + i + "\n" : "{\"timestamp\":\n");
    }
    traffic.droppedElf("node-0", "/after/the/garbage");
    try (Running run = start(AgentOptions.listening(0).withOnce(true))) {
      send(run.port(), traffic.bytes(), 4096);
      AgentStats stats = run.awaitEnd();

      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
      assertEquals(150, stats.linesRejected());
      assertEquals(150, stats.rejectedByReason().values().stream().mapToLong(Long::longValue)
          .sum(), stats.rejectedByReason().toString());
      String log = run.log();
      long individually = log.lines().filter(l -> l.matches(
          "sigil-agent: connection 1 line \\d+: rejected: .*")).count();
      assertEquals(RejectionLog.LOGGED_LINES, individually, log);
      assertTrue(log.contains("connection 1 line 2: rejected: "), "line 1 is the #node line");
      assertTrue(log.contains("connection 1 line 101: rejected: "), log);
      assertTrue(!log.contains("connection 1 line 102: rejected: "), log);
      assertTrue(log.contains("further rejected lines are only counted, by reason"), log);
      assertTrue(log.contains("rejectedByReason="), "the final stats count them by reason");
    }
  }

  @Test
  void thousandsOfPartitionsCostNothingUntilNodesArrive() throws Exception {
    AtomicReference<Running> started = new AtomicReference<>();
    long bytes = AllocationMeter.allocatedBytes(1, i -> {
      try {
        started.set(new Running(AgentOptions.listening(0).withPartitions(1000).withFormat(FindingFormat.OCSF)
            .withStatsInterval(Duration.ZERO), new ByteArrayOutputStream()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try (Running run = started.get()) {
      assertTrue(bytes < 16 << 20, "starting 1,000 partitions allocated " + bytes + " bytes");
      assertEquals(0, run.agent.stats().partitions().size(), "none started before a node came");

      Traffic[] nodes = Traffic.severalNodes(3, 2);
      for (Traffic traffic : nodes) {
        send(run.port(), traffic.bytes(), 4096);
      }
      awaitWritten(run.agent, Traffic.expectedFindings(nodes));
      assertEquals(3, run.agent.stats().partitions().size(), "one started per node");
      assertEquals(Traffic.expected(nodes), findingsIn(run.out.toByteArray()));
    }
  }

  @Test
  void batchesStartSmallGrowOnlyForALongLineAndRememberWhereEachLineCameFrom() {
    Batch batch = new Batch(8);
    assertTrue(batch.fits(7), "seven bytes and the newline");
    batch.append("0123456".getBytes(StandardCharsets.US_ASCII), 0, 7, 3, 42);
    assertEquals(8, batch.bytes.length);
    assertEquals(1, batch.lines);
    assertEquals(3, batch.senders[0]);
    assertEquals(42, batch.lineNumbers[0]);
    assertFalse(batch.fits(1), "a batch holding lines does not grow: it is handed on");
    batch.clear();
    assertTrue(batch.fits(100), "an empty batch grows to hold a long line");
    assertEquals(101, batch.bytes.length);
  }
}
