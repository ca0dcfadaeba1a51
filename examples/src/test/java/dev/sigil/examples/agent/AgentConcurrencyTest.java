package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.assertStatsAddUp;
import static dev.sigil.examples.agent.AgentTesting.awaitBytesRead;
import static dev.sigil.examples.agent.AgentTesting.awaitWritten;
import static dev.sigil.examples.agent.AgentTesting.connect;
import static dev.sigil.examples.agent.AgentTesting.findingsIn;
import static dev.sigil.examples.agent.AgentTesting.send;
import static dev.sigil.examples.agent.AgentTesting.start;
import static dev.sigil.examples.agent.AgentTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.examples.agent.AgentTesting.Running;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections are read concurrently, up to a limit, and none is lost at a stop. */
@Timeout(60)
class AgentConcurrencyTest {
  @Test
  void anIdleConnectionDoesNotBlindTheAgentToAnother() throws Exception {
    Traffic busy = Traffic.fromNode("node-b").rounds("node-b", 5);
    try (Running run = start(AgentOptions.listening(0));
        Socket idle = connect(run.port())) {
      write(idle, "#node node-a\n{\"timestamp\":1,"); // then silence, mid-line

      send(run.port(), busy.bytes(), 1024);
      awaitWritten(run.agent, busy.expectedFindings());
      assertEquals(busy.expected, findingsIn(run.out.toByteArray()),
          "the second sender's findings came out while the first stayed connected and silent");
      assertEquals(1, run.agent.stats().sendersOpen(), "the idle connection is still open");
    }
  }

  @Test
  void eachConnectionHasItsOwnPartialLine() throws Exception {
    Traffic a = Traffic.fromNode("node-a").droppedElf("node-a", "/a");
    Traffic b = Traffic.fromNode("node-a").droppedElf("node-a", "/b");
    byte[] first = a.bytes();
    int half = first.length - 40;
    try (Running run = start(AgentOptions.listening(0))) {
      try (Socket one = connect(run.port()); Socket two = connect(run.port())) {
        one.getOutputStream().write(first, 0, half);
        awaitBytesRead(run.agent, half);
        two.getOutputStream().write(b.bytes()); // whole lines, between the halves of one's line
        awaitBytesRead(run.agent, half + b.bytes().length);
        one.getOutputStream().write(first, half, first.length - half);
        awaitBytesRead(run.agent, first.length + b.bytes().length);
      }
      AgentStats stats = run.stop();

      assertEquals(Traffic.expected(a, b), findingsIn(run.out.toByteArray()));
      assertEquals(0, stats.linesRejected(), run.log());
      assertStatsAddUp(stats, 2);
    }
  }

  @Test
  void aSenderBeyondTheLimitWaitsUntilAConnectionEnds() throws Exception {
    Traffic waiting = Traffic.fromNode("node-b").rounds("node-b", 3);
    try (Running run = start(AgentOptions.listening(0).withMaxConnections(1))) {
      try (Socket first = connect(run.port())) {
        write(first, "#node node-a\n");
        awaitBytesRead(run.agent, "#node node-a\n".length());
        send(run.port(), waiting.bytes(), 4096); // accepted by the kernel, not by the agent
        Thread.sleep(3 * Input.QUIET_MILLIS);
        assertEquals(1, run.agent.stats().sendersOpened(), "one connection at a time");
      }
      awaitWritten(run.agent, waiting.expectedFindings());
      assertEquals(waiting.expected, findingsIn(run.out.toByteArray()));
    }
  }

  @Test
  void aSenderQueuedAtTheStopIsReadWhileTheDrainTimeLasts() throws Exception {
    Traffic queued = Traffic.fromNode("node-b").rounds("node-b", 3);
    try (Running run = start(AgentOptions.listening(0).withMaxConnections(1));
        Socket idle = connect(run.port())) {
      write(idle, "#node node-a\n");
      awaitBytesRead(run.agent, "#node node-a\n".length());
      send(run.port(), queued.bytes(), 4096); // waits in the accept queue behind the idle one

      AgentStats stats = run.stop();

      assertEquals(queued.expected, findingsIn(run.out.toByteArray()));
      assertEquals(2, stats.sendersOpened());
      assertEquals(0, stats.sendersUnread());
      assertStatsAddUp(stats, queued.expectedFindings());
    }
  }

  @Test
  void aSenderStillQueuedWhenTheStopEndsIsCountedNotLostSilently() throws Exception {
    Traffic queued = Traffic.fromNode("node-b").rounds("node-b", 3);
    try (Running run = start(AgentOptions.listening(0).withMaxConnections(1)
        .withStopTimes(Duration.ZERO, Duration.ofSeconds(3)));
        Socket idle = connect(run.port())) {
      write(idle, "#node node-a\n");
      awaitBytesRead(run.agent, "#node node-a\n".length());
      send(run.port(), queued.bytes(), 4096);

      AgentStats stats = run.stop();

      assertEquals(1, stats.sendersUnread(), stats.summary());
      assertTrue(run.log().contains("1 connection(s) waiting at the stop were closed unread"),
          run.log());
      assertTrue(run.log().contains(" unread=1"), run.log());
    }
  }

  @Test
  void connectionsAreNumberedInTheLogAsTheyAreAccepted() throws Exception {
    try (Running run = start(AgentOptions.listening(0).withNode("solo"))) {
      send(run.port(), "not json\n".getBytes(StandardCharsets.UTF_8), 16);
      send(run.port(), "#node other\nnot json\n".getBytes(StandardCharsets.UTF_8), 16);
      AgentTesting.eventually(() -> run.agent.stats().linesRejected() == 2);
      run.stop();
      String log = run.log();
      assertTrue(log.contains("connection 1 (127.0.0.1:"), log);
      assertTrue(log.contains("): node solo, partition "), log);
      assertTrue(log.contains("connection 2 line 2: rejected: "), log);
    }
  }
}
