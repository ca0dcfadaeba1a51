package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.assertStatsAddUp;
import static dev.sigil.examples.agent.AgentTesting.awaitBytesRead;
import static dev.sigil.examples.agent.AgentTesting.findingsIn;
import static dev.sigil.examples.agent.AgentTesting.send;
import static dev.sigil.examples.agent.AgentTesting.signatureIdsIn;
import static dev.sigil.examples.agent.AgentTesting.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Partitions;
import dev.sigil.examples.agent.AgentTesting.Running;
import dev.sigil.core.output.FindingFormat;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the agent on loopback, feeds it Tracee JSON from several nodes, checks every finding. */
@Timeout(60)
class AgentTest {
  @Test
  void everyFindingOfEveryNodeComesOutExactlyOnceAndTheStatsAddUp() throws Exception {
    Traffic[] nodes = Traffic.severalNodes(5, 20);
    nodes[1].raw("\n   \n").raw("{\"hostName\":\"node-1\", this is not json\n");
    nodes[3].interactiveShell("node-3", "/bin/zsh", true)
        .raw("{\"timestamp\":1,\"hostName\":\"node-4\",\"eventName\":\"magic_write\"}");
    try (Running run = start(AgentOptions.listening(0).withPartitions(3))) {
      for (Traffic traffic : nodes) {
        send(run.port(), traffic.bytes(), 997);
      }
      awaitBytesRead(run.agent, Traffic.bytes(nodes));
      AgentStats stats = run.stop();

      assertEquals(Traffic.expected(nodes), findingsIn(run.out.toByteArray()));
      assertStatsAddUp(stats, Traffic.expectedFindings(nodes));
      assertEquals(5 * 20 * 4 + 3, stats.linesRouted(), "a last line without newline counts");
      assertEquals(1, stats.linesRejected());
      assertEquals(2, stats.blankLines());
      assertEquals(5, stats.sendersOpened());
      assertEquals(3, stats.partitions().size(), "five nodes spread over three partitions: "
          + stats.summary());
      String log = run.log();
      assertTrue(log.contains("connection 2 line 84: rejected: "), log);
      assertTrue(log.contains("final stats"), log);
    }
  }

  @Test
  void writesTraceeFindingEventsByDefault() throws Exception {
    Traffic[] nodes = Traffic.severalNodes(2, 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Running run = new Running(AgentOptions.listening(0).withStatsInterval(Duration.ZERO),
        out)) {
      for (Traffic traffic : nodes) {
        send(run.port(), traffic.bytes(), 4096);
      }
      awaitBytesRead(run.agent, Traffic.bytes(nodes));
      run.stop();
    }
    assertEquals(Map.of("TRC-1022", 6, "EX-0001", 6), signatureIdsIn(out.toByteArray()));
  }

  @Test
  void aNodesEventsStayInOnePartitionWhateverTheirHostNames() throws Exception {
    Traffic traffic = Traffic.fromNode("worker-7");
    for (int pod = 0; pod < 20; pod++) {
      traffic.rounds("pod-" + pod, 2); // containers report their pod's name as hostName
    }
    traffic.rounds("worker-7", 2);
    try (Running run = start(AgentOptions.listening(0).withPartitions(4).withOnce(true))) {
      send(run.port(), traffic.bytes(), 4096);
      AgentStats stats = run.awaitEnd();

      assertEquals(1, stats.partitions().size(), stats.summary());
      assertEquals(Partitions.of("worker-7", 4), stats.partitions().get(0).index());
      assertEquals(21 * 2 * 4, stats.eventsAccepted());
      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
    }
  }

  @Test
  void tinyQueuesAndASlowOutputApplyBackPressureWithoutLosingAFinding() throws Exception {
    Traffic[] nodes = Traffic.severalNodes(7, 60);
    ByteArrayOutputStream slow = new ByteArrayOutputStream() {
      private int writes;

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        if (++writes % 50 == 0) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        super.write(b, off, len);
      }
    };
    try (Running run = new Running(AgentOptions.listening(0).withPartitions(2).withQueues(1, 1)
        .withFormat(FindingFormat.OCSF).withStatsInterval(Duration.ofMillis(50)), slow)) {
      CompletableFuture<?>[] senders = new CompletableFuture<?>[nodes.length];
      for (int n = 0; n < nodes.length; n++) {
        byte[] bytes = nodes[n].bytes();
        senders[n] = CompletableFuture.runAsync(() -> {
          try {
            send(run.port(), bytes, 65536);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      CompletableFuture.allOf(senders).get(30, TimeUnit.SECONDS);
      awaitBytesRead(run.agent, Traffic.bytes(nodes));
      AgentStats stats = run.stop();

      assertEquals(Traffic.expected(nodes), findingsIn(slow.toByteArray()));
      assertStatsAddUp(stats, Traffic.expectedFindings(nodes));
    }
  }

  @Test
  void shutdownWithAConnectionStillOpenDrainsWhatTheSenderSent() throws Exception {
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 10)
        .raw("{\"hostName\":\"node-0\",\"cut");
    try (Running run = start(AgentOptions.listening(0));
        Socket socket = AgentTesting.connect(run.port())) {
      socket.getOutputStream().write(traffic.bytes());
      socket.getOutputStream().flush();
      awaitBytesRead(run.agent, traffic.bytes().length);
      AgentStats stats = run.stop();

      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
      assertEquals(1, stats.incompleteLines(), "the line cut by shutdown is counted");
      assertStatsAddUp(stats, traffic.expectedFindings());
    }
  }

  @Test
  void aLineLongerThanTheLimitIsDroppedWithoutHarmingTheLinesAroundIt() throws Exception {
    String huge = "{\"hostName\":\"node-0\",\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}\n";
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 3).raw(huge)
        .droppedElf("node-0", "/after/the/long/line");
    try (Running run = start(AgentOptions.listening(0).withOnce(true))) {
      send(run.port(), traffic.bytes(), 8192);
      AgentStats stats = run.awaitEnd();

      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
      assertEquals(1, stats.longLines());
      assertEquals(Map.of("line longer than 1048576 bytes", 1L), stats.rejectedByReason());
      assertTrue(run.log().contains("connection 1 line 14: rejected: line longer than 1048576"
          + " bytes"), run.log());
      assertStatsAddUp(stats, traffic.expectedFindings());
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (Running run = start(AgentOptions.listening(0));
        Socket socket = AgentTesting.connect(run.port())) {
      assertTrue(socket.getInetAddress().isLoopbackAddress());
    }
  }

  @Test
  void theCommandLineRunsTheAgentAndSigtermLosesNoFinding() throws Exception {
    Traffic[] nodes = Traffic.severalNodes(4, 5);
    String javaBinary = Objects.requireNonNull(System.getProperty("java.home")) + "/bin/java";
    Process process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
        AgentMain.class.getName(), "--port", "0", "--format", "ocsf", "--partitions", "3",
        "--stats-interval", "1").start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      BufferedReader stderr = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      String first = stderr.readLine();
      assertTrue(first != null && first.startsWith("sigil-agent: listening on 127.0.0.1:"), first);
      int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));

      for (Traffic traffic : nodes) {
        send(port, traffic.bytes(), 1500);
      }
      String everythingRead = "stats bytes=" + Traffic.bytes(nodes) + " ";
      String line = stderr.readLine();
      while (line != null && !line.contains(everythingRead)) {
        line = stderr.readLine(); // periodic statistics, every second
      }
      assertTrue(line != null, "a periodic stats line reported every byte read");
      process.toHandle().destroy(); // SIGTERM: the shutdown hook drains
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "agent exited");

      assertEquals(Traffic.expected(nodes), findingsIn(stdout.get(30, TimeUnit.SECONDS)));
      StringBuilder rest = new StringBuilder();
      for (line = stderr.readLine(); line != null; line = stderr.readLine()) {
        rest.append(line).append('\n');
      }
      assertTrue(rest.toString().contains("final stats"), rest.toString());
      assertTrue(rest.toString().contains(" written=" + Traffic.expectedFindings(nodes)),
          rest.toString());
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theCommandLineRejectsBadOptionsWithExitCode2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    OutputStream out = new ByteArrayOutputStream();
    assertEquals(2, AgentMain.run(new String[] {}, out, errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--format", "xml"}, out, errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--partitions", "0"}, out,
        errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--max-connections", "0"}, out,
        errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--node", "a b"}, out, errStream));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--port N or --fifo PATH"), text);
    assertTrue(text.contains("--format: no finding format 'xml': use tracee or ocsf"), text);
    assertTrue(text.contains("--max-connections must be at least 1"), text);
    assertTrue(text.contains("--node must be 1 to 253 visible ASCII characters"), text);
  }
}
