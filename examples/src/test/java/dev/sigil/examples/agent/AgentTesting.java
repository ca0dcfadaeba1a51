package dev.sigil.examples.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sigil.core.Signature;
import dev.sigil.examples.shell.InteractiveShellInContainer;
import dev.sigil.signatures.Signatures;
import dev.sigil.core.output.FindingFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Starts agents on loopback for a test, sends to them, and reads what they wrote. */
final class AgentTesting {
  static final Supplier<List<Signature>> SIGNATURES = () -> {
    List<Signature> all = new ArrayList<>(Signatures.builtIn());
    all.add(new InteractiveShellInContainer());
    return all;
  };

  private AgentTesting() {}

  /** An agent started by a test, with its output and log kept in memory. */
  static final class Running implements AutoCloseable {
    final Agent agent;
    final ByteArrayOutputStream out;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    Running(AgentOptions options, ByteArrayOutputStream out) throws IOException {
      this.out = out;
      this.agent = new Agent(options, SIGNATURES, out,
          new PrintStream(log, true, StandardCharsets.UTF_8));
      agent.start();
    }

    int port() {
      return agent.port();
    }

    String log() {
      return log.toString(StandardCharsets.UTF_8);
    }

    /** Stops the agent and waits for it, at most its stop bound and a margin. */
    AgentStats stop() throws InterruptedException {
      agent.shutdown();
      assertTrue(agent.awaitTermination(20_000), "agent terminated");
      return agent.stats();
    }

    /** Waits (boundedly) for the agent to end by itself. */
    AgentStats awaitEnd() throws InterruptedException {
      assertTrue(agent.awaitTermination(20_000), "agent terminated");
      return agent.stats();
    }

    @Override
    public void close() {
      agent.shutdown();
      try {
        agent.awaitTermination(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts an agent writing OCSF, without periodic statistics. */
  static Running start(AgentOptions options) throws IOException {
    return new Running(options.withFormat(FindingFormat.OCSF).withStatsInterval(Duration.ZERO),
        new ByteArrayOutputStream());
  }

  static Socket connect(int port) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), port);
  }

  /** Sends bytes on a connection of their own, in chunks, then closes it. */
  static void send(int port, byte[] bytes, int chunk) throws IOException {
    try (Socket socket = connect(port); OutputStream out = socket.getOutputStream()) {
      for (int i = 0; i < bytes.length; i += chunk) {
        out.write(bytes, i, Math.min(chunk, bytes.length - i));
        out.flush();
      }
    }
  }

  static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** Polls a condition every 5 ms for at most 20 s. */
  static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  static void awaitBytesRead(Agent agent, long bytes) throws InterruptedException {
    eventually(() -> agent.stats().bytesRead() >= bytes);
    assertEquals(bytes, agent.stats().bytesRead(), "the agent read everything sent");
  }

  static void awaitWritten(Agent agent, long findings) throws InterruptedException {
    eventually(() -> agent.stats().findingsWritten() >= findings);
    assertEquals(findings, agent.stats().findingsWritten(), agent.stats().summary());
  }

  static void assertStatsAddUp(AgentStats stats, long findings) {
    assertEquals(stats.linesRouted(), stats.eventsDecoded() + stats.linesUndecodable(),
        "every routed line was decoded or rejected: " + stats);
    assertEquals(stats.eventsDecoded(), stats.eventsAccepted(), "every decoded event reached an engine");
    assertEquals(findings, stats.findingsMade(), stats.toString());
    assertEquals(findings, stats.findingsWritten(), stats.toString());
    assertEquals(0, stats.findingsQueued());
    assertEquals(0, stats.findingsDropped());
  }

  /** Reads OCSF output back into "id host detail" keys, counting repeats. */
  static Map<String, Integer> findingsIn(byte[] ocsf) throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    for (Map<?, ?> finding : objects(ocsf)) {
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

  /** Reads Tracee finding events back into signature ids, counting repeats. */
  static Map<String, Integer> signatureIdsIn(byte[] tracee) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    for (Map<?, ?> finding : objects(tracee)) {
      Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) finding.get("metadata")).get("Properties");
      ids.merge((String) properties.get("signatureID"), 1, Integer::sum);
    }
    return ids;
  }

  private static List<Map<?, ?>> objects(byte[] jsonLines) throws IOException {
    List<Map<?, ?>> objects = new ArrayList<>();
    JsonFactory factory = new JsonFactory();
    for (String line : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try (JsonParser p = factory.createParser(line)) {
        objects.add((Map<?, ?>) tree(p, p.nextToken()));
      }
    }
    return objects;
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
}
