package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's Quick start: scanning the shipped demo file shows its attacks, and only those. */
class DemoScanTest {
  private static final Path DEMO = Path.of("demo", "tracee-demo.jsonl");
  private static final String WEB_OVERLAY =
      "/var/lib/docker/overlay2/4f1c0a9e7b2d3c5e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";
  private static final String API_OVERLAY =
      "/var/lib/docker/overlay2/a93e1b7c5d2f408e9b6a7c3d1e2f40516273849506a7b8c9d0e1f2a3b4c5d6e7";

  @Test
  void demoIsReadWhole() throws IOException {
    CliRun run = CliRun.run(CliEnvironment.of(System.in, java.io.OutputStream.nullOutputStream(),
        System.err), "scan", "--summary", "json", DEMO.toString());

    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(0, run.status(), run.stderr());
    assertEquals(1, run.stderrLines().size(), "no rejected line, no signature error: " + run.stderr());
    long lines = Files.readAllLines(DEMO).stream().filter(line -> !line.isBlank()).count();
    assertTrue(lines >= 300, "a few hundred lines of activity");
    assertEquals(lines, (Long) summary.get("events") + (Long) summary.get("skipped"),
        "every line is decoded or skipped as no signature selects its event");
    assertEquals(0L, summary.get("rejected"));
    assertEquals(0L, summary.get("signatureErrors"));
  }

  @Test
  void demoIsDecodedWholeWithStrict() {
    CliRun run = CliRun.run(CliEnvironment.of(System.in, java.io.OutputStream.nullOutputStream(),
        System.err), "scan", "--summary", "json", "--strict", DEMO.toString());

    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(0, run.status(), run.stderr());
    assertEquals(0L, summary.get("skipped"));
    assertEquals(summary.get("linesRead"), (Long) summary.get("events") + (Long) summary.get("blankLines"));
  }

  @Test
  void demoDropsFireTrc1022ExceptInSharedMemoryAndMemfd() {
    Map<String, List<String>> paths = findingPaths();

    assertEquals(List.of("/usr/bin/strace.dpkg-new", "/tmp/kworkerd",
        "/usr/local/lib/python3.12/site-packages/_speedups.bin", "/tmp/payload"),
        paths.get("TRC-1022"));
  }

  @Test
  void demoHostExecutionsOfContainedFilesFireSgl1001AndSgl1002() {
    Map<String, List<String>> paths = findingPaths();

    assertEquals(List.of(WEB_OVERLAY + "/merged/tmp/payload"), paths.get("SGL-1001"),
        "the host 'cat' of a container file is no execution of it");
    assertEquals(List.of(API_OVERLAY + "/diff/cmd"), paths.get("SGL-1002"));
  }

  @Test
  void demoFiresNothingButItsAttacks() {
    // The drops (one to a hidden path), the host executions of contained files, a reverse shell,
    // a core_pattern overwrite and a sudoers drop-in; hundreds of ordinary events fire nothing.
    Set<String> expected = Set.of("TRC-1022", "TRC-1015", "SGL-1001", "SGL-1002", "TRC-101",
        "TRC-1011", "TRC-1028");
    assertEquals(expected, findingPaths().keySet());
  }

  @Test
  void demoReverseShellCorePatternAndSudoersAttacksFire() {
    Map<String, List<Map<String, Object>>> data = findingData();

    assertEquals(List.of(Map.of("IP address", "203.0.113.50", "Port", "4444", "File descriptor", 0L)),
        data.get("TRC-101"));
    assertEquals(1, data.get("TRC-1011").size(), "core_pattern written from a container");
    assertEquals(1, data.get("TRC-1028").size(), "a sudoers drop-in written");
  }

  /** Scans the demo and returns each signature id's finding data (without detectedFrom). */
  @SuppressWarnings("unchecked")
  private static Map<String, List<Map<String, Object>>> findingData() {
    CliRun run = CliRun.run(CliEnvironment.of(System.in, java.io.OutputStream.nullOutputStream(),
        System.err), "scan", DEMO.toString());
    assertEquals(0, run.status(), run.stderr());
    Map<String, List<Map<String, Object>>> data = new TreeMap<>();
    for (String line : run.stdoutLines()) {
      Map<String, Object> finding = Json.object(line);
      Map<String, Object> properties =
          (Map<String, Object>) ((Map<String, Object>) finding.get("metadata")).get("Properties");
      Map<String, Object> values = new java.util.LinkedHashMap<>();
      for (Object arg : (List<Object>) finding.get("args")) {
        Map<String, Object> a = (Map<String, Object>) arg;
        if (!"detectedFrom".equals(a.get("name"))) {
          values.put((String) a.get("name"), a.get("value"));
        }
      }
      data.computeIfAbsent((String) properties.get("signatureID"), id -> new ArrayList<>()).add(values);
    }
    return data;
  }

  /** Scans the demo and returns each signature id's finding paths, in order. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> findingPaths() {
    CliRun run = CliRun.run(CliEnvironment.of(System.in, java.io.OutputStream.nullOutputStream(),
        System.err), "scan", DEMO.toString());
    assertEquals(0, run.status(), run.stderr());
    Map<String, List<String>> paths = new TreeMap<>();
    for (String line : run.stdoutLines()) {
      Map<String, Object> finding = Json.object(line);
      Map<String, Object> properties =
          (Map<String, Object>) ((Map<String, Object>) finding.get("metadata")).get("Properties");
      String path = null;
      for (Object arg : (List<Object>) finding.get("args")) {
        Map<String, Object> a = (Map<String, Object>) arg;
        if ("path".equals(a.get("name"))) {
          path = (String) a.get("value");
        }
      }
      paths.computeIfAbsent((String) properties.get("signatureID"), id -> new ArrayList<>()).add(path);
    }
    return paths;
  }
}
