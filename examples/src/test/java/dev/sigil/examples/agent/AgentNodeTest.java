package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.SIGNATURES;
import static dev.sigil.examples.agent.AgentTesting.awaitBytesRead;
import static dev.sigil.examples.agent.AgentTesting.send;
import static dev.sigil.examples.agent.AgentTesting.signatureIdsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Partitions;
import dev.sigil.core.tracee.TraceeReader;
import dev.sigil.examples.agent.AgentTesting.Running;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One node's events meet in one engine, whatever their {@code hostName}: a file written in a
 * pod (whose events carry the pod's name) and executed from the host (the node's name) is found
 * by SGL-1001, as {@code sigil scan} finds it in the same events.
 */
@Timeout(60)
class AgentNodeTest {
  private static final String POD = "shop-web-7d9c8b5-x2k4p";
  private static final String NODE = "demo-node-1";

  /** A container's ELF write (hostName: the pod) and the host's exec of it (hostName: the node). */
  private static byte[] podWriteThenNodeExec() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        AgentNodeTest.class.getResourceAsStream("pod-write-node-exec.jsonl"))) {
      return in.readAllBytes();
    }
  }

  private static String[] lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).split("\n");
  }

  /** What one engine over the whole input finds, as {@code sigil scan} runs it. */
  private static Map<String, Integer> scanFinds(byte[] events) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    try (Engine engine = Engine.builder().addAll(SIGNATURES.get())
        .onFinding(f -> ids.merge(f.metadata().id(), 1, Integer::sum)).build()) {
      TraceeReader.builder().build().read(new ByteArrayInputStream(events), engine::accept);
    }
    return ids;
  }

  private static Running startTracee(AgentOptions options) throws IOException {
    return new Running(options.withStatsInterval(Duration.ZERO), new ByteArrayOutputStream());
  }

  @Test
  void theAgentFindsTheWriteThenExecCorrelationThatAScanFinds() throws Exception {
    byte[] events = podWriteThenNodeExec();
    assertTrue(new String(events, StandardCharsets.UTF_8).contains("\"hostName\":\"" + POD + "\""));
    Map<String, Integer> scan = scanFinds(events);
    assertEquals(1, scan.get("SGL-1001"), "a scan finds the correlation: " + scan);
    assertNotEquals(Partitions.of(POD, 8), Partitions.of(NODE, 8),
        "keyed by hostName, the two events would reach different engines");

    byte[] sent = ("#node " + NODE + "\n" + new String(events, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    try (Running run = startTracee(AgentOptions.listening(0).withPartitions(8).withOnce(true))) {
      send(run.port(), sent, 512);
      AgentStats stats = run.awaitEnd();

      assertEquals(scan, signatureIdsIn(run.out.toByteArray()));
      assertEquals(1, stats.partitions().size());
    }
  }

  @Test
  void twoConnectionsOfOneNodeMeetInOneEngine() throws Exception {
    Map<String, Integer> scan = scanFinds(podWriteThenNodeExec());
    String[] events = lines(podWriteThenNodeExec());
    byte[] write = ("#node " + NODE + "\n" + events[0] + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] exec = ("#node " + NODE + "\n" + events[1] + "\n").getBytes(StandardCharsets.UTF_8);
    try (Running run = startTracee(AgentOptions.listening(0).withPartitions(8))) {
      send(run.port(), write, 4096);
      AgentTesting.eventually(() -> run.agent.stats().eventsAccepted() == 1);
      send(run.port(), exec, 4096);
      awaitBytesRead(run.agent, write.length + exec.length);
      run.stop();

      assertEquals(scan, signatureIdsIn(run.out.toByteArray()));
    }
  }

  @Test
  void aSenderThatNamesNoNodeBelongsToTheDefaultNode() throws Exception {
    Map<String, Integer> scan = scanFinds(podWriteThenNodeExec());
    String[] events = lines(podWriteThenNodeExec());
    try (Running run = startTracee(AgentOptions.listening(0).withPartitions(8).withNode(NODE))) {
      send(run.port(), (events[0] + "\n").getBytes(StandardCharsets.UTF_8), 4096);
      AgentTesting.eventually(() -> run.agent.stats().eventsAccepted() == 1);
      send(run.port(), (events[1] + "\n").getBytes(StandardCharsets.UTF_8), 4096);
      AgentTesting.eventually(() -> run.agent.stats().eventsAccepted() == 2);
      AgentStats stats = run.stop();

      assertEquals(scan, signatureIdsIn(run.out.toByteArray()));
      assertEquals(Partitions.of(NODE, 8), stats.partitions().get(0).index());
      assertTrue(run.log().contains("): node " + NODE + ", partition "), run.log());
    }
  }

  @Test
  void aNodeLineWithoutAValidNameIsReportedAndTheDefaultNodeUsed() throws Exception {
    byte[] sent = ("#node bad\u0001name\n" + lines(podWriteThenNodeExec())[0] + "\n")
        .getBytes(StandardCharsets.UTF_8);
    try (Running run = startTracee(AgentOptions.listening(0).withOnce(true))) {
      send(run.port(), sent, 4096);
      AgentStats stats = run.awaitEnd();

      assertEquals(1, stats.linesRejected());
      assertEquals(1, stats.eventsAccepted());
      String log = run.log();
      assertTrue(log.contains("connection 1 line 1: rejected: '#node' line without a valid node"
          + " name"), log);
      assertTrue(log.contains("node local, partition"), log);
      assertTrue(!log.contains("\u0001"), "the input is never quoted");
    }
  }
}
