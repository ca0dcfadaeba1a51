package dev.sigil.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sigil.cli.SigilCli;
import java.io.ByteArrayInputStream;
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

  static List<String> scan(Path file, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("scan"));
    args.addAll(List.of(options));
    args.add(file.toString());
    int status = SigilCli.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]),
        out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return sorted(out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.sort(copy);
    return copy;
  }
}
