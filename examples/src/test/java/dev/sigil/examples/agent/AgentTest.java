package dev.sigil.examples.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sigil.core.Signature;
import dev.sigil.examples.shell.InteractiveShellInContainer;
import dev.sigil.signatures.Signatures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the agent on loopback, feeds it Tracee JSON from several hosts, checks every finding. */
@Timeout(60)
class AgentTest {
  private static final String ELF_BASE64 = "f0VMRgIBAQAAAAAAAAAAAA==";
  private static final long CHR = 0020000;
  private static final Supplier<List<Signature>> SIGNATURES = () -> {
    List<Signature> all = new ArrayList<>(Signatures.builtIn());
    all.add(new InteractiveShellInContainer());
    return all;
  };

  /** A stream of Tracee lines and the findings it must produce, as "id host detail" keys. */
  static final class Traffic {
    final StringBuilder lines = new StringBuilder();
    final Map<String, Integer> expected = new HashMap<>();
    private long time = 1_763_900_000_000_000_000L;

    private String context(String host, String event, boolean inContainer) {
      time += 1_000;
      return "{\"timestamp\":" + time + ",\"processorId\":1,\"processId\":7,\"threadId\":7,"
          + "\"parentProcessId\":1,\"hostProcessId\":4107,\"hostThreadId\":4107,"
          + "\"hostParentProcessId\":4100,\"userId\":0,\"processName\":\"sh\",\"hostName\":\""
          + host + "\"," + (inContainer ? "\"containerId\":\"c0ffee\",\"container\":{\"id\":"
          + "\"c0ffee\",\"name\":\"web\",\"image\":\"nginx:1\"}," : "")
          + "\"eventId\":\"1\",\"eventName\":\"" + event + "\",\"contextFlags\":"
          + "{\"containerStarted\":" + inContainer + ",\"isCompat\":false},";
    }

    Traffic droppedElf(String host, String path) {
      lines.append(context(host, "magic_write", true))
          .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"").append(path)
          .append("\"},{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"").append(ELF_BASE64)
          .append("\"},{\"name\":\"dev\",\"type\":\"uint32\",\"value\":1},{\"name\":\"inode\","
              + "\"type\":\"uint64\",\"value\":2}]}\n");
      expected.merge("TRC-1022 " + host + " " + path, 1, Integer::sum);
      return this;
    }

    Traffic textWrite(String host, String path) {
      lines.append(context(host, "magic_write", true))
          .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"").append(path)
          .append("\"},{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"aGVsbG8=\"}]}\n");
      return this;
    }

    Traffic interactiveShell(String host, String shell, boolean inContainer) {
      lines.append(context(host, "sched_process_exec", inContainer))
          .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"")
          .append(shell).append("\"},{\"name\":\"stdin_type\",\"type\":\"uint16\",\"value\":")
          .append(CHR).append("}]}\n");
      if (inContainer) {
        expected.merge("EX-0001 " + host + " " + shell, 1, Integer::sum);
      }
      return this;
    }

    Traffic raw(String text) {
      lines.append(text);
      return this;
    }

    byte[] bytes() {
      return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    int expectedFindings() {
      return expected.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static Traffic severalHosts(int hosts, int rounds) {
    Traffic traffic = new Traffic();
    for (int round = 0; round < rounds; round++) {
      for (int h = 0; h < hosts; h++) {
        String host = "node-" + h;
        traffic.droppedElf(host, "/usr/bin/payload-" + round)
            .textWrite(host, "/etc/motd")
            .interactiveShell(host, "/bin/bash", true)
            .interactiveShell(host, "/bin/bash", false);
      }
    }
    return traffic;
  }

  /** Reads the agent's OCSF output back into "id host detail" keys, counting repeats. */
  static Map<String, Integer> findingsIn(byte[] ocsf) throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    JsonFactory factory = new JsonFactory();
    for (String line : new String(ocsf, StandardCharsets.UTF_8).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      Map<?, ?> finding;
      try (JsonParser p = factory.createParser(line)) {
        finding = (Map<?, ?>) tree(p, p.nextToken());
      }
      Map<?, ?> info = (Map<?, ?>) finding.get("finding_info");
      String id = (String) ((Map<?, ?>) info.get("analytic")).get("uid");
      Map<?, ?> evidence = (Map<?, ?>) ((List<?>) finding.get("evidences")).get(0);
      Map<?, ?> data = (Map<?, ?>) evidence.get("data");
      Object detail = "TRC-1022".equals(id) ? data.get("path") : data.get("shell");
      String host = (String) ((Map<?, ?>) finding.get("device")).get("hostname");
      seen.merge(id + " " + host + " " + detail, 1, Integer::sum);
    }
    return seen;
  }

  private static Object tree(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> object = new HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        object.put(name, tree(p, p.nextToken()));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> array = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        array.add(tree(p, t));
      }
      return array;
    }
    return p.getText();
  }

  private static void send(int port, byte[] bytes, int chunk) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
         OutputStream out = socket.getOutputStream()) {
      for (int i = 0; i < bytes.length; i += chunk) {
        out.write(bytes, i, Math.min(chunk, bytes.length - i));
        out.flush();
      }
    }
  }

  /** A connection not yet accepted at shutdown was never received; wait until it was read. */
  private static void awaitBytesRead(Agent agent, long bytes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (agent.stats().bytesRead() < bytes && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(bytes, agent.stats().bytesRead(), "the agent read everything sent");
  }

  private static void assertStatsAddUp(AgentStats stats, long findings) {
    assertEquals(stats.linesRouted(), stats.eventsDecoded() + stats.linesRejected(),
        "every routed line was decoded or rejected: " + stats);
    assertEquals(stats.eventsDecoded(), stats.eventsAccepted(), "every decoded event reached an engine");
    assertEquals(findings, stats.findingsMade(), stats.toString());
    assertEquals(findings, stats.findingsWritten(), stats.toString());
    assertEquals(0, stats.findingsQueued());
  }

  @Test
  void everyFindingOfEveryHostComesOutExactlyOnceAndTheStatsAddUp() throws Exception {
    Traffic traffic = severalHosts(5, 20)
        .raw("\n   \n")
        .raw("{\"hostName\":\"node-1\", this is not json\n")
        .interactiveShell("node-3", "/bin/zsh", true)
        .raw("{\"timestamp\":1,\"hostName\":\"node-4\",\"eventName\":\"magic_write\"}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withPartitions(3)
        .withFormat(OutputFormat.OCSF).withStatsInterval(Duration.ZERO), SIGNATURES, out,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    agent.start();

    send(agent.port(), traffic.bytes(), 997);
    awaitBytesRead(agent, traffic.bytes().length);
    agent.shutdown();
    assertTrue(agent.awaitTermination(20_000), "agent terminated");

    assertEquals(traffic.expected, findingsIn(out.toByteArray()));
    AgentStats stats = agent.stats();
    assertStatsAddUp(stats, traffic.expectedFindings());
    assertEquals(5 * 20 * 4 + 3, stats.linesRouted(), "a last line without newline counts");
    assertEquals(1, stats.linesRejected());
    assertEquals(2, stats.blankLines());
    assertEquals(traffic.bytes().length, stats.bytesRead());
    assertTrue(stats.engines().stream().allMatch(e -> e.events() > 0),
        "five hosts spread over three partitions: " + stats.summary());
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("rejected"), logged);
    assertTrue(logged.contains("final stats"), logged);
  }

  @Test
  void writesTraceeFindingEventsByDefault() throws Exception {
    Traffic traffic = severalHosts(2, 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withStatsInterval(Duration.ZERO)
        .withOnce(true), SIGNATURES, out, new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    send(agent.port(), traffic.bytes(), 4096);
    assertTrue(agent.awaitTermination(20_000), "agent terminated");

    Map<String, Integer> ids = new HashMap<>();
    JsonFactory factory = new JsonFactory();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      try (JsonParser p = factory.createParser(line)) {
        Map<?, ?> finding = (Map<?, ?>) tree(p, p.nextToken());
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) finding.get("metadata")).get("Properties");
        ids.merge((String) properties.get("signatureID"), 1, Integer::sum);
      }
    }
    assertEquals(Map.of("TRC-1022", 6, "EX-0001", 6), ids);
  }

  @Test
  void aHostsEventsStayInOnePartition() throws Exception {
    Traffic traffic = severalHosts(1, 50);
    Agent agent = new Agent(AgentOptions.listening(0).withPartitions(4)
        .withFormat(OutputFormat.OCSF).withStatsInterval(Duration.ZERO).withOnce(true),
        SIGNATURES, new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    send(agent.port(), traffic.bytes(), 4096);
    assertTrue(agent.awaitTermination(20_000), "--once ends the agent with the connection");

    long busy = agent.stats().engines().stream().filter(e -> e.events() > 0).count();
    assertEquals(1, busy, agent.stats().summary());
    assertEquals(200, agent.stats().eventsAccepted());
  }

  @Test
  void tinyQueuesAndASlowOutputApplyBackPressureWithoutLosingAFinding() throws Exception {
    Traffic traffic = severalHosts(7, 60);
    OutputStream slow = new ByteArrayOutputStream() {
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
    Agent agent = new Agent(AgentOptions.listening(0).withPartitions(2).withQueues(1, 1)
        .withFormat(OutputFormat.OCSF).withStatsInterval(Duration.ofMillis(50)), SIGNATURES, slow,
        new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    send(agent.port(), traffic.bytes(), 65536);
    awaitBytesRead(agent, traffic.bytes().length);
    agent.shutdown();
    assertTrue(agent.awaitTermination(30_000), "agent terminated");

    assertEquals(traffic.expected, findingsIn(((ByteArrayOutputStream) slow).toByteArray()));
    assertStatsAddUp(agent.stats(), traffic.expectedFindings());
  }

  @Test
  void shutdownWithAConnectionStillOpenDrainsWhatTheSenderSent() throws Exception {
    Traffic traffic = severalHosts(3, 10).raw("{\"hostName\":\"node-0\",\"cut");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withFormat(OutputFormat.OCSF)
        .withStatsInterval(Duration.ZERO), SIGNATURES, out,
        new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.port())) {
      socket.getOutputStream().write(traffic.bytes());
      socket.getOutputStream().flush();
      awaitBytesRead(agent, traffic.bytes().length);
      agent.shutdown();
      assertTrue(agent.awaitTermination(20_000), "agent terminated with the sender still connected");
    }

    assertEquals(traffic.expected, findingsIn(out.toByteArray()));
    assertEquals(1, agent.stats().incompleteLines(), "the line cut by shutdown is counted");
    assertStatsAddUp(agent.stats(), traffic.expectedFindings());
  }

  @Test
  void aLineLongerThanTheLimitIsDroppedWithoutHarmingTheLinesAroundIt() throws Exception {
    String huge = "{\"hostName\":\"node-0\",\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}\n";
    Traffic traffic = severalHosts(2, 3).raw(huge).droppedElf("node-0", "/after/the/long/line");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withFormat(OutputFormat.OCSF)
        .withStatsInterval(Duration.ZERO).withOnce(true), SIGNATURES, out,
        new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    send(agent.port(), traffic.bytes(), 8192);
    assertTrue(agent.awaitTermination(20_000), "agent terminated");

    assertEquals(traffic.expected, findingsIn(out.toByteArray()));
    assertEquals(1, agent.stats().longLines());
    assertStatsAddUp(agent.stats(), traffic.expectedFindings());
  }

  private static Path fifo(Path dir) throws Exception {
    Path fifo = dir.resolve("tracee.pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    return fifo;
  }

  @Test
  void readsAFifoUntilItsWriterClosesIt(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    Traffic traffic = severalHosts(3, 4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agent agent = new Agent(AgentOptions.listening(0).withFifo(fifo).withFormat(OutputFormat.OCSF)
        .withStatsInterval(Duration.ZERO), SIGNATURES, out,
        new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    try (OutputStream writer = Files.newOutputStream(fifo)) {
      writer.write(traffic.bytes());
    }
    assertTrue(agent.awaitTermination(20_000), "the agent ends with its FIFO");

    assertEquals(traffic.expected, findingsIn(out.toByteArray()));
    assertStatsAddUp(agent.stats(), traffic.expectedFindings());
  }

  @Test
  void shutdownWhileWaitingForAFifoWriterEndsCleanly(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    Agent agent = new Agent(AgentOptions.listening(0).withFifo(fifo)
        .withStatsInterval(Duration.ZERO), SIGNATURES, new ByteArrayOutputStream(),
        new PrintStream(new ByteArrayOutputStream()));
    agent.start();

    agent.shutdown();
    assertTrue(agent.awaitTermination(20_000), "no writer ever came, yet the agent ended");
    assertEquals(0, agent.stats().bytesRead());
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Agent agent = new Agent(AgentOptions.listening(0).withStatsInterval(Duration.ZERO), SIGNATURES,
        new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream()));
    agent.start();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.port())) {
      assertTrue(socket.getInetAddress().isLoopbackAddress());
    } finally {
      agent.shutdown();
      assertTrue(agent.awaitTermination(20_000));
    }
  }

  @Test
  void theCommandLineRunsTheAgentAndSigtermLosesNoFinding() throws Exception {
    Traffic traffic = severalHosts(4, 5);
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

      send(port, traffic.bytes(), 1500);
      String everythingRead = "stats bytes=" + traffic.bytes().length + " ";
      String line = stderr.readLine();
      while (line != null && !line.contains(everythingRead)) {
        line = stderr.readLine(); // periodic statistics, every second
      }
      assertTrue(line != null, "a periodic stats line reported every byte read");
      process.toHandle().destroy(); // SIGTERM: the shutdown hook drains
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "agent exited");

      assertEquals(traffic.expected, findingsIn(stdout.get(30, TimeUnit.SECONDS)));
      StringBuilder rest = new StringBuilder();
      for (line = stderr.readLine(); line != null; line = stderr.readLine()) {
        rest.append(line).append('\n');
      }
      assertTrue(rest.toString().contains("final stats"), rest.toString());
      assertTrue(rest.toString().contains(" written=" + traffic.expectedFindings()), rest.toString());
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theCommandLineRejectsBadOptionsWithExitCode2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, AgentMain.run(new String[] {}, new ByteArrayOutputStream(), errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--format", "xml"},
        new ByteArrayOutputStream(), errStream));
    assertEquals(2, AgentMain.run(new String[] {"--port", "0", "--partitions", "0"},
        new ByteArrayOutputStream(), errStream));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--port N or --fifo PATH"), text);
    assertTrue(text.contains("--format must be tracee or ocsf, not 'xml'"), text);
  }
}
