package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.awaitBytesRead;
import static dev.sigil.examples.agent.AgentTesting.eventually;
import static dev.sigil.examples.agent.AgentTesting.send;
import static dev.sigil.examples.agent.AgentTesting.signatureIdsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sigil.examples.agent.AgentTesting.Running;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nodes that share a partition share its thread, never an engine: a write on one node is not
 * correlated with an exec on another, and every finding names its node.
 */
@Timeout(60)
class AgentNodeEnginesTest {
  private static final long T0 = 1_763_900_000_000_000_000L;

  /** A container on the node writes an ELF file, (dev 2049, inode 4242), in a pod. */
  private static String write(long timestamp) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":41,\"hostProcessId\":30411,"
        + "\"hostParentProcessId\":30390,\"processName\":\"curl\",\"hostName\":\"pod-1\","
        + "\"containerId\":\"5d1f00\",\"container\":{\"id\":\"5d1f00\"},\"kubernetes\":{},"
        + "\"eventId\":\"6029\",\"eventName\":\"magic_write\",\"argsNum\":4,\"returnValue\":0,"
        + "\"syscall\":\"write\",\"contextFlags\":{\"containerStarted\":true},"
        + "\"args\":[{\"name\":\"pathname\",\"type\":\"const char*\","
        + "\"value\":\"/tmp/payload\"},{\"name\":\"bytes\",\"type\":\"bytes\","
        + "\"value\":\"f0VMRgIBAQAAAAAAAAAAAA==\"},{\"name\":\"dev\",\"type\":\"dev_t\","
        + "\"value\":2049},{\"name\":\"inode\",\"type\":\"unsigned long\",\"value\":4242}]}";
  }

  /** The host runs the file of (dev 2049, inode 4242) from a path under no storage root. */
  private static String exec(long timestamp) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":5100,\"hostProcessId\":5100,"
        + "\"hostParentProcessId\":2218,\"processName\":\"x\",\"hostName\":\"node\","
        + "\"containerId\":\"\",\"container\":{},\"kubernetes\":{},\"eventId\":\"715\","
        + "\"eventName\":\"sched_process_exec\",\"argsNum\":5,\"returnValue\":0,"
        + "\"syscall\":\"execve\",\"args\":["
        + "{\"name\":\"cmdpath\",\"type\":\"const char*\",\"value\":\"/usr/local/bin/x\"},"
        + "{\"name\":\"pathname\",\"type\":\"const char*\",\"value\":\"/usr/local/bin/x\"},"
        + "{\"name\":\"dev\",\"type\":\"dev_t\",\"value\":2049},"
        + "{\"name\":\"inode\",\"type\":\"unsigned long\",\"value\":4242},"
        + "{\"name\":\"prev_comm\",\"type\":\"const char*\",\"value\":\"bash\"}]}";
  }

  private static byte[] from(String node, String... lines) {
    return ("#node " + node + "\n" + String.join("\n", lines) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Running start(AgentOptions options) throws IOException {
    return new Running(options.withStatsInterval(Duration.ZERO), new ByteArrayOutputStream());
  }

  /**
   * Sends one sender's event, waits until it is accepted, then sends the other's: the order in
   * which a partition sees the two is then the order given.
   */
  private static void sendInTurn(Running run, byte[] first, byte[] second)
      throws IOException, InterruptedException {
    send(run.port(), first, 4096);
    eventually(() -> run.agent.stats().eventsAccepted() == 1);
    send(run.port(), second, 4096);
    awaitBytesRead(run.agent, first.length + second.length);
    eventually(() -> run.agent.stats().eventsAccepted() == 2);
  }

  /** Sends the two in turn to an agent of one partition, and returns its findings' ids and nodes. */
  private static List<String> findingsInOnePartition(byte[] first, byte[] second)
      throws IOException, InterruptedException {
    try (Running run = start(AgentOptions.listening(0).withPartitions(1))) {
      sendInTurn(run, first, second);
      run.stop();
      return idsAndNodes(run.out.toByteArray());
    }
  }

  /** The {@code signatureID node} of every finding written, in order. */
  private static List<String> idsAndNodes(byte[] tracee) throws IOException {
    List<String> found = new ArrayList<>();
    JsonFactory factory = new JsonFactory();
    for (String line : new String(tracee, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String id = null;
      String node = null;
      try (JsonParser p = factory.createParser(line)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME && "signatureID".equals(p.currentName())) {
            id = p.nextTextValue();
          } else if (t == JsonToken.FIELD_NAME && "node".equals(p.currentName())) {
            node = p.nextTextValue();
          }
        }
      }
      found.add(id + " " + node);
    }
    return found;
  }

  @Test
  void aWriteOnOneNodeIsNotCorrelatedWithAnExecOnAnotherNodeOfTheSamePartition()
      throws Exception {
    byte[] onA = from("node-a", write(T0));
    byte[] onB = from("node-b", exec(T0 + 1));
    try (Running run = start(AgentOptions.listening(0).withPartitions(1))) {
      sendInTurn(run, onA, onB);
      AgentStats running = run.agent.stats();
      AgentStats stats = run.stop();

      assertEquals(Map.of("TRC-1022", 1), signatureIdsIn(run.out.toByteArray()),
          "the write alone fires TRC-1022; SGL-1001 would need both on one node");
      assertEquals(1, stats.partitions().size());
      assertEquals(2, running.partitions().get(0).nodes(), "one engine per node");
      assertEquals(0, stats.partitions().get(0).nodeEvictions());
    }
  }

  @Test
  void theSameWriteAndExecOnOneNodeAreCorrelatedAndTheFindingsNameTheNode() throws Exception {
    assertEquals(List.of("TRC-1022 node-a", "SGL-1001 node-a"),
        findingsInOnePartition(from("node-a", write(T0)), from("node-a", exec(T0 + 1))));
  }

  @Test
  void findingsOfTwoNodesInOnePartitionEachNameTheirOwnNode() throws Exception {
    assertEquals(List.of("TRC-1022 node-a", "TRC-1022 node-b"),
        findingsInOnePartition(from("node-a", write(T0)), from("node-b", write(T0 + 1))));
  }

  @Test
  void beyondItsBoundAPartitionClosesTheEngineOfTheNodeQuietTheLongestAndSaysSoOnce()
      throws Exception {
    try (Running run = start(AgentOptions.listening(0).withPartitions(1).withNodesPerPartition(1))) {
      send(run.port(), from("node-a", write(T0)), 4096);
      eventually(() -> run.agent.stats().eventsAccepted() == 1);
      send(run.port(), from("node-b", write(T0 + 1)), 4096);
      eventually(() -> run.agent.stats().eventsAccepted() == 2);
      send(run.port(), from("node-c", write(T0 + 2)), 4096);
      eventually(() -> run.agent.stats().eventsAccepted() == 3);
      send(run.port(), from("node-a", exec(T0 + 3)), 4096);
      eventually(() -> run.agent.stats().eventsAccepted() == 4);
      AgentStats stats = run.stop();

      assertEquals(Map.of("TRC-1022", 3), signatureIdsIn(run.out.toByteArray()),
          "node-a's engine was closed, and its write forgotten, before its exec");
      assertEquals(3, stats.partitions().get(0).nodeEvictions());
      assertEquals(4, stats.eventsAccepted(), "closed engines still count");
      String log = run.log();
      assertEquals(1, log.split("has more than 1 nodes", -1).length - 1, log);
      assertTrue(log.contains("raise --nodes-per-partition"), log);
    }
  }

  @Test
  void aConnectionSilentForTheIdleTimeoutIsClosedAndCounted() throws Exception {
    try (Running run = start(AgentOptions.listening(0).withIdleTimeout(Duration.ofMillis(300)));
        Socket idle = AgentTesting.connect(run.port())) {
      AgentTesting.write(idle, "#node quiet\n");

      assertTrue(eventually(() -> run.agent.stats().sendersIdle() == 1), run.log());
      assertTrue(eventually(() -> run.agent.stats().sendersOpen() == 0), run.log());
      assertEquals(-1, idle.getInputStream().read(), "the agent closed its end");
      assertTrue(run.log().contains("sent nothing for 0.3 s: closed (--idle-timeout)"), run.log());
    }
  }

  @Test
  void aConnectionThatKeepsSendingIsNotIdle() throws Exception {
    try (Running run = start(AgentOptions.listening(0).withIdleTimeout(Duration.ofMillis(600)));
        Socket busy = AgentTesting.connect(run.port())) {
      AgentTesting.write(busy, "#node busy\n");
      for (int i = 0; i < 8; i++) {
        Thread.sleep(150);
        AgentTesting.write(busy, "\n");
      }

      assertEquals(0, run.agent.stats().sendersIdle());
      assertEquals(1, run.agent.stats().sendersOpen());
    }
  }
}
