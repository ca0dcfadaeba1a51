package dev.sigil.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.flink.testing.SigilScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJobTest {
  private static final Path DEMO = Path.of("../cli/demo/tracee-demo.jsonl");

  @TempDir Path temp;

  @Test
  void fileToFileHoldsExactlyTheFindingsOfSigilScanAtAnyParallelism() throws IOException {
    List<String> expected = scan(DEMO);
    assertFalse(expected.isEmpty());
    for (int parallelism : new int[] {1, 2}) {
      Path out = temp.resolve("findings-" + parallelism + ".jsonl");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = SigilJob.run(new String[] {"--input", DEMO.toString(), "--output", out.toString(),
          "--parallelism", Integer.toString(parallelism)},
          LocalCluster.configuration(temp.resolve("flink-" + parallelism)),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      assertEquals(expected, sorted(Files.readAllLines(out)), "parallelism " + parallelism);
    }
  }

  @Test
  void theRoutingFunctionIsChainedToTheOneFileReaderAtAnyParallelism() {
    // A file has one reader; a routing function at another parallelism would get its lines
    // dealt out round-robin, and one node's lines could reach its engine out of order.
    for (int parallelism : new int[] {1, 2, 3}) {
      SigilJob job = new SigilJob(new Configuration(), System.err);
      SigilJob.commandLine(job).parseArgs("--input", DEMO.toString(), "--output", "discard",
          "--parallelism", Integer.toString(parallelism), "--node-key", "json:/node");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      job.build(env);
      JobGraph graph = env.getStreamGraph().getJobGraph();
      List<String> vertices = new ArrayList<>();
      for (JobVertex vertex : graph.getVertices()) {
        vertices.add(vertex.getName() + " x" + vertex.getParallelism());
      }
      assertTrue(vertices.stream().anyMatch(v -> v.startsWith("Source: File: ")
          && v.contains("-> Sigil: node key") && v.endsWith(" x1")), vertices.toString());
      assertTrue(vertices.stream().anyMatch(v -> v.startsWith("Sigil: detect")
          && v.endsWith(" x" + parallelism)), vertices.toString());
    }
  }

  @Test
  void ocsfFindingsAreSigilScansWithTheSameUids() throws IOException {
    // created_time is when the finding was made (wall clock); everything else is deterministic.
    List<String> expected = withoutCreatedTime(scan(DEMO, "--format", "ocsf"));
    Path out = temp.resolve("findings-ocsf.jsonl");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SigilJob.run(new String[] {"--input", DEMO.toString(), "--output", out.toString(),
        "--parallelism", "2", "--format", "ocsf"}, LocalCluster.configuration(temp.resolve("flink-ocsf")),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(expected, withoutCreatedTime(Files.readAllLines(out)));
  }

  private static List<String> withoutCreatedTime(List<String> findings) {
    return sorted(findings.stream().map(f -> f.replaceAll("\"created_time\":\\d+", "")).toList());
  }

  static List<String> scan(Path file, String... options) {
    return SigilScan.findings(file, options);
  }

  static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.sort(copy);
    return copy;
  }
}
