package dev.sigil.flink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.cli.SigilCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference: what {@code sigil scan} prints, run in-process. */
public final class SigilScan {
  private SigilScan() {}

  /**
   * Scans a file and returns its findings, sorted.
   *
   * @param file the Tracee lines
   * @param options more options of sigil scan
   * @return the findings, one JSON text each, sorted
   */
  public static List<String> findings(Path file, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("scan"));
    args.addAll(List.of(options));
    args.add(file.toString());
    int status = SigilCli.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]),
        out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<String> findings = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
    findings.sort(null);
    return findings;
  }
}
