package dev.sigil.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sigil.flink.DetectedFinding;
import dev.sigil.flink.InputRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void linesAreNumberedAsSigilScanNumbersThemAndLongOnesCutWithoutBuffering() throws IOException {
    String text = "{\"a\":1}\r\n\n" + "x".repeat(100) + "\n{\"b\":2}\nlast-no-newline";
    StreamFormat.Reader<InputRecord> reader = new TraceeLineFormat(16)
        .createReader(new Configuration(), stream(text.getBytes(StandardCharsets.UTF_8)));
    List<String> lines = new ArrayList<>();
    InputRecord record;
    while ((record = reader.read()) != null) {
      lines.add(record.position() + ":" + new String(record.value(), StandardCharsets.UTF_8));
    }
    // Line 2 is empty and not handed on; line 3 is cut after 17 bytes, so the reader rejects
    // it as too long (16), and line 4 follows intact.
    assertEquals(List.of("1:{\"a\":1}\r", "3:" + "x".repeat(17), "4:{\"b\":2}", "5:last-no-newline"),
        lines);
    assertNull(reader.read());

    // A line longer than the reader's buffer is skipped without being kept.
    StreamFormat.Reader<InputRecord> big = new TraceeLineFormat(16).createReader(new Configuration(),
        stream(("y".repeat(300_000) + "\n{\"c\":3}\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals(17, big.read().value().length);
    InputRecord after = big.read();
    assertEquals(2, after.position());
    assertEquals("{\"c\":3}", new String(after.value(), StandardCharsets.UTF_8));
    assertNull(big.read());
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
