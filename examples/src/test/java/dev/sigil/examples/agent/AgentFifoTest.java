package dev.sigil.examples.agent;

import static dev.sigil.examples.agent.AgentTesting.assertStatsAddUp;
import static dev.sigil.examples.agent.AgentTesting.awaitWritten;
import static dev.sigil.examples.agent.AgentTesting.findingsIn;
import static dev.sigil.examples.agent.AgentTesting.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.examples.agent.AgentTesting.Running;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A named pipe as the input: read, opened again for the next writer, and stoppable. */
@Timeout(60)
class AgentFifoTest {
  private static Path fifo(Path dir) throws Exception {
    Path fifo = dir.resolve("tracee.pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    return fifo;
  }

  private static void writeAndClose(Path fifo, Traffic traffic) throws Exception {
    try (OutputStream writer = Files.newOutputStream(fifo)) {
      writer.write(traffic.bytes());
    }
  }

  @Test
  void withOnceTheAgentEndsWithItsFirstWriter(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 4);
    try (Running run = start(AgentOptions.reading(fifo).withOnce(true))) {
      writeAndClose(fifo, traffic);
      AgentStats stats = run.awaitEnd();

      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
      assertStatsAddUp(stats, traffic.expectedFindings());
    }
  }

  @Test
  void thePipeIsOpenedAgainWhenItsWriterCloses(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    Traffic before = Traffic.fromNode("node-0").rounds("node-0", 3);
    Traffic after = Traffic.fromNode("node-0").rounds("node-0", 2).raw("not json\n");
    try (Running run = start(AgentOptions.reading(fifo))) {
      writeAndClose(fifo, before); // Tracee stops...
      awaitWritten(run.agent, before.expectedFindings());
      assertFalse(run.agent.awaitTermination(3 * Input.QUIET_MILLIS), "still running");

      writeAndClose(fifo, after); // ...and restarts
      awaitWritten(run.agent, Traffic.expectedFindings(before, after));
      AgentStats stats = run.stop();

      assertEquals(Traffic.expected(before, after), findingsIn(run.out.toByteArray()));
      assertStatsAddUp(stats, Traffic.expectedFindings(before, after));
      assertTrue(run.log().contains("waiting for the next one"), run.log());
      assertTrue(run.log().contains("fifo writer 2 line 10: rejected: "),
          "each writer numbers its own lines: " + run.log());
    }
  }

  @Test
  void aStopWhileWaitingForAWriterEndsCleanly(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    try (Running run = start(AgentOptions.reading(fifo))) {
      AgentStats stats = run.stop();
      assertEquals(0, stats.bytesRead());
    }
  }

  @Test
  void aStopWhileAWriterKeepsThePipeOpenReadsWhatItSent(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 3);
    try (Running run = start(AgentOptions.reading(fifo));
        OutputStream writer = Files.newOutputStream(fifo)) {
      writer.write(traffic.bytes());
      writer.flush();
      AgentTesting.awaitBytesRead(run.agent, traffic.bytes().length);
      AgentStats stats = run.stop();

      assertEquals(traffic.expected, findingsIn(run.out.toByteArray()));
      assertStatsAddUp(stats, traffic.expectedFindings());
    }
  }

  @Test
  void aRegularFileIsReadOnlyWithOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.jsonl");
    Traffic traffic = Traffic.fromNode("node-0").rounds("node-0", 2);
    Files.write(file, traffic.bytes());
    try (Running run = start(AgentOptions.reading(file))) {
      run.awaitEnd();
      assertTrue(run.agent.failed());
      assertTrue(run.log().contains("is not a named pipe"), run.log());
    }
    try (Running run = start(AgentOptions.reading(file).withOnce(true))) {
      AgentStats stats = run.awaitEnd();
      assertFalse(run.agent.failed());
      assertStatsAddUp(stats, traffic.expectedFindings());
    }
  }
}
