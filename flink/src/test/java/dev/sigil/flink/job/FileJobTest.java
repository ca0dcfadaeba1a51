package dev.sigil.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
