package dev.sigil.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.flink.DetectedFinding;
import dev.sigil.flink.InputRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's file source format and file sink, without a cluster. */
class FileFormatsTest {
  @TempDir Path temp;

  @Test
  void blocksOfWholeLinesAreNumberedAsSigilScanNumbersThemAndLongLinesCutWithoutBuffering()
      throws IOException {
    String text = "{\"a\":1}\r\n\n" + "x".repeat(100) + "\n{\"b\":2}\nlast-no-newline";
    // Blocks of up to 24 bytes, lines of up to 16.
    List<String> blocks = read(new TraceeLineFormat(16, 24), text);
    // Lines 1 and 2 (empty) fill the first block; line 3 is longer than a block and than the
    // limit, so it is cut after 17 bytes (the reader rejects it as too long, 16); lines 4 and 5
    // end the file.
    assertEquals(List.of("1:{\"a\":1}\r", "3:" + "x".repeat(17), "4:{\"b\":2}\nlast-no-newline"),
        blocks);

    // A line longer than the reader's buffer is skipped without being kept.
    List<String> big = read(new TraceeLineFormat(16), "y".repeat(300_000) + "\n{\"c\":3}\n");
    assertEquals(List.of("1:" + "y".repeat(17), "2:{\"c\":3}"), big);

    // Empty lines alone are not handed on, but counted.
    assertEquals(List.of("4:{}"), read(new TraceeLineFormat(16, 24), "\n\n\n{}\n\n"));
  }

  @Test
  void blocksHoldEveryLineOnceAtItsNumberWithinTheirSize() throws IOException {
    Random random = new Random(3);
    StringBuilder text = new StringBuilder();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      String line = random.nextInt(20) == 0 ? "" : "{\"n\":" + i + ",\"p\":\""
          + "z".repeat(random.nextInt(random.nextInt(30) == 0 ? 3000 : 300)) + "\"}";
      lines.add(line);
      text.append(line).append('\n');
    }
    int blockBytes = 1000;
    List<String> blocks = read(new TraceeLineFormat(1 << 20, blockBytes), text.toString());
    // The same blocks on every read: a restore skips exactly the blocks read before.
    assertEquals(blocks, read(new TraceeLineFormat(1 << 20, blockBytes), text.toString()));
    List<String> seen = new ArrayList<>();
    for (String block : blocks) {
      int colon = block.indexOf(':');
      int first = Integer.parseInt(block.substring(0, colon));
      String[] blockLines = block.substring(colon + 1).split("\n", -1);
      assertTrue(block.length() - colon - 1 <= blockBytes || blockLines.length == 1,
          "a block exceeds its size only for a single line");
      while (seen.size() < first - 1) {
        seen.add(""); // lines between blocks are empty ones
      }
      seen.addAll(Arrays.asList(blockLines));
    }
    while (seen.size() < lines.size()) {
      seen.add("");
    }
    assertEquals(lines, seen);
  }

  private static List<String> read(TraceeLineFormat format, String text) throws IOException {
    StreamFormat.Reader<InputRecord> reader = format.createReader(new Configuration(),
        stream(text.getBytes(StandardCharsets.UTF_8)));
    List<String> blocks = new ArrayList<>();
    InputRecord record;
    while ((record = reader.read()) != null) {
      assertEquals(-1, record.partition());
      blocks.add(record.position() + ":" + new String(record.value(), StandardCharsets.UTF_8));
    }
    assertNull(reader.read());
    return blocks;
  }

  @Test
  void aRestoredFileSinkTruncatesWhatFollowedTheCheckpoint() throws Exception {
    Path file = temp.resolve("findings.jsonl");
    FileLinesSink sink = new FileLinesSink(file);
    StatefulSinkWriter<DetectedFinding, Long> writer = sink.createWriter(null);
    writer.write(finding("{\"n\":1}"), null);
    writer.write(finding("{\"n\":2}"), null);
    long checkpointed = writer.snapshotState(1).get(0);
    writer.write(finding("{\"n\":3}"), null); // replayed after the failure below
    writer.flush(false);
    writer.close();
    assertEquals(3, Files.readAllLines(file).size());
    StatefulSinkWriter<DetectedFinding, Long> restored = sink.restoreWriter(null, List.of(checkpointed));
    restored.write(finding("{\"n\":3}"), null);
    restored.flush(true);
    restored.close();
    assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), Files.readAllLines(file));
    assertEquals(checkpointed, sink.getWriterStateSerializer().deserialize(1,
        sink.getWriterStateSerializer().serialize(checkpointed)));
  }

  private static DetectedFinding finding(String json) {
    return new DetectedFinding("", "id", "TEST-1", json);
  }

  private static FSDataInputStream stream(byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return new FSDataInputStream() {
      @Override
      public void seek(long desired) {
        in.reset();
        in.skip(desired);
      }

      @Override
      public long getPos() {
        return bytes.length - in.available();
      }

      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }
    };
  }
}
