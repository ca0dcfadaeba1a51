package dev.sigil.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.flink.testing.Collected;
import dev.sigil.flink.testing.FlinkCluster;
import dev.sigil.flink.testing.NodeScenario;
import dev.sigil.flink.testing.SigilScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator through its API: nodes named by a shipper's wrapper, the event inside it, one
 * engine in memory per subtask (so every node's engine is saved, dropped and restored from keyed
 * state again and again), and rejected records on the side output.
 */
class SigilDetectorTest {
  @TempDir Path temp;

  @Test
  void wrappedEventsOfManyNodesThroughEvictedEnginesFindWhatSigilScanFindsPerNode() throws Exception {
    Map<String, List<String>> byNode = new TreeMap<>();
    for (int i = 0; i < 4; i++) {
      NodeScenario scenario = new NodeScenario("node-" + i, 30 + i);
      List<String> lines = new ArrayList<>(scenario.batch1());
      lines.addAll(scenario.batch2());
      // An event no signature selects: skipped undecoded, as sigil scan skips it.
      lines.add(1, "{\"timestamp\":" + (1_700_000_000_000_000_000L + i)
          + ",\"eventName\":\"sched_switch\",\"hostName\":\"" + scenario.node() + "\",\"args\":[]}");
      byNode.put(scenario.node(), lines);
    }
    List<InputRecord> records = new ArrayList<>();
    int longest = byNode.values().stream().mapToInt(List::size).max().orElse(0);
    long offset = 0;
    for (int i = 0; i < longest; i++) {
      for (Map.Entry<String, List<String>> node : byNode.entrySet()) {
        if (i < node.getValue().size()) {
          records.add(record(offset++, "{\"kubernetes\":{\"host\":\"" + node.getKey()
              + "\"},\"log\":" + quote(node.getValue().get(i) + "\n") + ",\"stream\":\"stdout\"}"));
        }
      }
    }
    records.add(record(offset++, "{\"log\":\"secret-content-1\"}"));
    records.add(record(offset++, "{\"kubernetes\":{\"host\":\"node-0\"},\"log\":\"secret-content-2\"}"));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
        FlinkCluster.loopback(temp));
    SigilDetector.Result result = SigilDetector.builder()
        .nodeKey(NodeKey.parse("json:/kubernetes/host"))
        .eventAt("/log")
        .maxEnginesPerSubtask(1)
        .build()
        .apply(env.fromData(records, TypeInformation.of(InputRecord.class)).setParallelism(1));
    result.findings().sinkTo(new Collected<>("findings"));
    result.rejected().sinkTo(new Collected<>("rejected"));
    JobExecutionResult run = env.execute("detector test");

    Map<String, List<String>> expected = new HashMap<>();
    for (Map.Entry<String, List<String>> node : byNode.entrySet()) {
      Path file = Files.write(temp.resolve(node.getKey() + ".jsonl"), node.getValue());
      expected.put(node.getKey(), SigilScan.findings(file));
    }
    Map<String, List<String>> actual = new HashMap<>();
    for (DetectedFinding finding : Collected.get("findings", DetectedFinding.class)) {
      assertTrue(finding.json().contains("\"findingId\":\"" + finding.id() + "\""), finding.id());
      assertTrue(finding.json().contains("\"signatureID\":\"" + finding.signatureId() + "\""));
      // sigil scan names no node: its ids are those of node "", the job's of each node, whose
      // findings name it in their properties too.
      String node = ",\"node\":\"" + finding.node() + "\"";
      assertTrue(finding.json().contains(node), finding.json());
      actual.computeIfAbsent(finding.node(), k -> new ArrayList<>())
          .add(finding.json().replace(finding.id(), "ID").replace(node, ""));
    }
    expected.replaceAll((node, findings) -> findings.stream()
        .map(f -> f.replaceAll("\"findingId\":\"[0-9a-f-]+\"", "\"findingId\":\"ID\"")).sorted().toList());
    actual.values().forEach(list -> list.sort(null));
    assertEquals(expected, actual);

    List<RejectedRecord> rejected = Collected.get("rejected", RejectedRecord.class);
    assertEquals(2, rejected.size(), rejected.toString());
    for (RejectedRecord r : rejected) {
      assertFalse(r.toString().contains("secret-content"), "a rejection never quotes the input: " + r);
      assertTrue(r.toString().startsWith("partition 0 offset " + r.position() + ": rejected: "), r.toString());
    }
    long events = run.getAccumulatorResult(SigilDetector.EVENTS);
    long skipped = run.getAccumulatorResult(SigilDetector.SKIPPED);
    assertEquals(byNode.size(), skipped, "one unselected event per node");
    assertEquals(byNode.values().stream().mapToInt(List::size).sum(), events + skipped);
    assertEquals(1L, (long) run.<Long>getAccumulatorResult(SigilDetector.UNROUTED));
    assertEquals(1L, (long) run.<Long>getAccumulatorResult(SigilDetector.REJECTED_LINES));
  }

  @Test
  void nodeKeysParseFromTheCommandLinesForm() {
    assertEquals(NodeKey.recordKey(), NodeKey.parse("record-key"));
    assertEquals(NodeKey.jsonPointer("/kubernetes/host"), NodeKey.parse("json:/kubernetes/host"));
    assertEquals(NodeKey.constant(""), NodeKey.parse("constant:"));
    assertEquals("json:/a~1b", NodeKey.parse("json:/a~1b").toString());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> NodeKey.parse("hostName"));
    assertTrue(e.getMessage().contains("record-key"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> NodeKey.parse("json:kubernetes"));
  }

  private static InputRecord record(long offset, String json) {
    return new InputRecord(null, json.getBytes(StandardCharsets.UTF_8), 0, offset);
  }

  private static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
