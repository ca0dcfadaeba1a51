package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sigil scan --format ocsf}: one OCSF Detection Finding per line (field by field in core). */
class ScanOcsfFormatTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> parent, String field) {
    return (Map<String, Object>) parent.get(field);
  }

  @Test
  void writesEachFindingAsAnOcsfDetectionFinding() {
    CliRun run = CliRun.run(lines(magicWrite(T0 + 123_456_789L, "node-1", "/usr/bin/dropped")),
        "scan", "--format", "ocsf");

    assertEquals(0, run.status(), run.stderr());
    List<String> lines = run.stdoutLines();
    assertEquals(1, lines.size(), run.stdout());
    Map<String, Object> finding = Json.object(lines.get(0));
    assertEquals(2004L, finding.get("class_uid"));
    assertEquals(2L, finding.get("category_uid"));
    assertEquals(1L, finding.get("activity_id"));
    assertEquals(200401L, finding.get("type_uid"));
    assertEquals(T0 / 1_000_000 + 123L, finding.get("time"));
    assertEquals(3L, finding.get("severity_id"), "TRC-1022 is Tracee severity 2, Medium");
    assertEquals("1.3.0", object(finding, "metadata").get("version"));
    assertEquals("TRC-1022", object(object(finding, "finding_info"), "analytic").get("uid"));
    assertEquals("node-1", object(finding, "device").get("hostname"));
  }

  @Test
  void rejectsAnUnknownFormatWithExitCode2() {
    CliRun run = CliRun.run("", "scan", "--format", "xml");

    assertEquals(2, run.status());
  }
}
