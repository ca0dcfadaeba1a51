package dev.sigil.flink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.flink.InputRecord;
import dev.sigil.flink.NodeKey;
import dev.sigil.flink.RejectedRecord;
import dev.sigil.flink.SigilDetector;
import dev.sigil.flink.testing.Collected;
import dev.sigil.flink.testing.FlinkCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing operator on a local cluster: what batches it sends, in what order, how large. */
class NodeBatcherTest {
  @TempDir Path temp;

  @Test
  void eachNodesRecordsLeaveInInputOrderInBoundedBatches() throws Exception {
    Random random = new Random(7);
    List<InputRecord> records = new ArrayList<>();
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    List<Long> unroutable = new ArrayList<>();
    for (long offset = 0; offset < 3000; offset++) {
      if (offset % 97 == 5) {
        records.add(record("{\"other\":1}", 2, offset));
        unroutable.add(offset);
        continue;
      }
      String node = "node-" + random.nextInt(3);
      records.add(record("{\"node\":\"" + node + "\",\"pad\":\"" + "x".repeat(random.nextInt(150))
          + "\"}", 2, offset));
      expected.computeIfAbsent(node, k -> new ArrayList<>()).add(offset);
    }

    List<String> batches = run(records, NodeKey.jsonPointer("/node"), 256, 5, 1024);
    Map<String, List<Long>> actual = new LinkedHashMap<>();
    for (String batch : batches) {
      String[] parts = batch.split("\\|");
      int count = Integer.parseInt(parts[1]);
      int size = Integer.parseInt(parts[2]);
      assertTrue(count >= 1 && count <= 5, batch);
      assertTrue(size <= 256 || count == 1, "a batch outgrows its limit by no record: " + batch);
      for (String position : parts[3].split(",")) {
        actual.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(position));
      }
    }
    expected.values().forEach(list -> assertTrue(list.size() > 500));
    assertEquals(expected.keySet(), actual.keySet());
    for (String node : expected.keySet()) {
      assertEquals(expected.get(node), actual.get(node), node + ": every record once, in order");
    }
    List<Long> rejected = new ArrayList<>();
    for (RejectedRecord r : Collected.get("rejected", RejectedRecord.class)) {
      assertEquals(2, r.partition());
      assertTrue(r.reason().startsWith("no node key at /node"), r.reason());
      rejected.add(r.position());
    }
    assertEquals(unroutable, rejected);
  }

  @Test
  void aFilesRecordIsRoutedLineByLineAndNumberedFromItsPosition() throws Exception {
    String block = "{\"node\":\"a\",\"x\":1}\n\n \r\n{\"node\":\"b\"}\nnot json\n{\"node\":\"a\",\"x\":2}\n";
    List<String> batches = run(List.of(new InputRecord(null, bytes(block), -1, 10)),
        NodeKey.jsonPointer("/node"), 1 << 20, 100, 1 << 20);
    assertEquals(2, batches.size(), batches.toString());
    String a = "{\"node\":\"a\",\"x\":1}\n{\"node\":\"a\",\"x\":2}\n";
    assertTrue(batches.contains("a|2|" + a.length() + "|10,15|" + a), batches.toString());
    assertTrue(batches.contains("b|1|13|13|{\"node\":\"b\"}\n"), batches.toString());
    List<RejectedRecord> rejected = Collected.get("rejected", RejectedRecord.class);
    assertEquals(1, rejected.size());
    assertEquals("line 14: rejected: no node key at /node (not JSON, absent, or not a string or"
        + " number)", rejected.get(0).toString());

    // One node's file: the block goes on whole, the detector numbers its lines.
    batches = run(List.of(new InputRecord(null, bytes(block), -1, 10)), NodeKey.constant("n"),
        1 << 20, 100, 1 << 20);
    assertEquals(List.of("n|1|" + (block.length() + 1) + "|10|" + block + "\n"), batches);
  }

  @Test
  void withoutBatchingEveryRecordIsSentAlone() throws Exception {
    List<InputRecord> records = new ArrayList<>();
    for (long offset = 0; offset < 50; offset++) {
      records.add(new InputRecord("node-" + offset % 2, bytes("{}"), 0, offset));
    }
    List<String> batches = run(records, NodeKey.recordKey(), 0, 1024, 1 << 20);
    assertEquals(50, batches.size());
    for (int i = 0; i < 50; i++) {
      assertEquals("node-" + i % 2 + "|1|3|" + i + "|{}\n", batches.get(i));
    }
  }

  /**
   * Runs the operator alone; returns each batch as node|count|size|positions|payload, the payload
   * holding each record and its newline.
   */
  private List<String> run(List<InputRecord> records, NodeKey key, int batchBytes, int batchRecords,
      long bufferedBytes) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1,
        FlinkCluster.loopback(temp));
    SingleOutputStreamOperator<NodeBatch> batches = env
        .fromData(records, TypeInformation.of(InputRecord.class))
        .transform("batch", NodeBatchSerializer.TYPE, new NodeBatcher(key, null,
            SigilDetector.REJECTED, batchBytes, batchRecords, bufferedBytes, 60_000));
    batches.map(NodeBatcherTest::describe, Types.STRING).sinkTo(new Collected<>("batches"));
    batches.getSideOutput(SigilDetector.REJECTED).sinkTo(new Collected<>("rejected"));
    env.execute("batcher test");
    return Collected.get("batches", String.class);
  }

  private static String describe(NodeBatch batch) {
    StringBuilder positions = new StringBuilder();
    for (int i = 0; i < batch.count(); i++) {
      positions.append(i == 0 ? "" : ",").append(batch.position(i));
    }
    return batch.node() + "|" + batch.count() + "|" + batch.size() + "|" + positions + "|"
        + new String(batch.bytes(), 0, batch.size(), StandardCharsets.UTF_8);
  }

  private static InputRecord record(String json, int partition, long offset) {
    return new InputRecord(null, bytes(json), partition, offset);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
