package dev.sigil.cli;

import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.signatures.Signatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sigil signatures, sigil explain, and usage errors a person can fix. */
class CommandsTest {
  @TempDir Path directory;

  @Test
  void signaturesListsEveryReportedIdWithItsOwnRow() {
    CliRun run = CliRun.run("", "signatures");

    assertEquals(0, run.status(), run.stderr());
    List<String> rows = run.stdoutLines();
    assertTrue(rows.get(0).startsWith("ID") && rows.get(0).contains("SEVERITY")
        && rows.get(0).contains("EVENTS") && rows.get(0).contains("MITRE"), rows.get(0));
    String sgl1002 = rows.stream().filter(r -> r.startsWith("SGL-1002 ")).findFirst().orElseThrow();
    assertTrue(sgl1002.contains("HIGH") && sgl1002.contains("kernel thread daemon")
        && sgl1002.contains("sched_process_exec") && sgl1002.contains("T1611"), sgl1002);
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("SGL-1001 ")), run.stdout());
    for (var signature : Signatures.builtIn()) {
      assertTrue(rows.stream().anyMatch(r -> r.startsWith(signature.metadata().id() + " ")),
          signature.metadata().id() + " missing");
    }
  }

  @Test
  void signaturesAsJsonIsOneArray() {
    CliRun run = CliRun.run("", "signatures", "--format", "json");

    assertEquals(0, run.status());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) Json.parse(run.stdout().strip());
    Map<String, Object> sgl1002 = list.stream().filter(m -> "SGL-1002".equals(m.get("id")))
        .findFirst().orElseThrow();
    assertEquals("HIGH", sgl1002.get("severity"));
    assertEquals("SGL-1001", sgl1002.get("variantOf"));
    assertEquals("T1611", sgl1002.get("mitreTechniqueId"));
    assertTrue(((List<?>) sgl1002.get("events")).contains(Map.of("event", "sched_process_exec", "origin", "host")),
        sgl1002.toString());
  }

  @Test
  void explainPrintsDescriptionWhatItLooksForOptionsAndBlindSpots() {
    CliRun run = CliRun.run("", "explain", "sgl-1001");

    assertEquals(0, run.status(), run.stderr());
    String text = run.stdout();
    assertTrue(text.startsWith("SGL-1001  A contained executable was executed by an unusual process"), text);
    for (String heading : List.of("Description", "What it looks for", "Options", "Known blind spots")) {
      assertTrue(text.contains("\n" + heading + "\n"), heading + " missing:\n" + text);
    }
    assertTrue(text.contains("--storage-root"), text);
    assertTrue(text.contains("100,000"), "the inode index's limit is a blind spot: " + text);
  }

  @Test
  void everyBuiltInIdHasDocumentedBlindSpots() {
    for (Catalog.Entry entry : Catalog.of(Signatures.builtIn())) {
      Map<String, String> explanation = entry.explanation();
      for (String section : List.of("looks for", "options", "blind spots")) {
        assertTrue(explanation.containsKey(section), entry.id() + " has no '" + section + "' section:"
            + " write it in signatures/src/main/resources/" + Catalog.EXPLAIN_RESOURCE + entry.id() + ".txt");
      }
    }
  }

  @Test
  void aSignatureWithoutWrittenExplanationIsStillExplained() {
    CliRun run = CliRun.run(CliRun.environment("").withBuiltInSignatures(
        o -> List.of(TestSignatures.evilWrites("TEST-1"))), "explain", "TEST-1");

    assertEquals(0, run.status(), run.stderr());
    assertTrue(run.stdout().contains("Events: magic_write."), run.stdout());
    assertTrue(run.stdout().contains("None documented for this signature."), run.stdout());
  }

  @Test
  void explainOfAnUnknownIdSuggestsTheNearestAndFails() {
    CliRun run = CliRun.run("", "explain", "TRC-10222");

    assertUsageError(run, "did you mean TRC-1022?");
  }

  @Test
  void typoedOptionOrCommandGetsADidYouMean() {
    CliRun option = CliRun.run("", "scan", "--sumary", "json");
    CliRun command = CliRun.run("", "scna", "events.jsonl");

    assertEquals(2, option.status());
    assertTrue(option.stderr().contains("unknown option '--sumary'; did you mean --summary?"), option.stderr());
    assertEquals(2, command.status());
    assertTrue(command.stderr().contains("unknown command 'scna'; did you mean scan?"), command.stderr());
  }

  @Test
  void aFileIsNeverReportedAsAnUnknownOption() throws IOException {
    // Relative to the working directory, as a person would type it.
    Path dashed = Files.writeString(Path.of("-sigil-test-events.jsonl"), "");
    CliRun dashedFile;
    try {
      dashedFile = CliRun.run("", "scan", dashed.toString());
    } finally {
      Files.delete(dashed);
    }
    CliRun valueOfATypo = CliRun.run("", "scan", "events.jsonl", "--formt", "ocsf");
    CliRun secondFile = CliRun.run("", "scan", "a.jsonl", "b.jsonl");

    assertTrue(valueOfATypo.stderr().contains("unknown option '--formt'; did you mean --format?"),
        valueOfATypo.stderr());
    assertFalse(valueOfATypo.stderr().contains("'ocsf'"), valueOfATypo.stderr());
    assertFalse(secondFile.stderr().contains("unknown option"), secondFile.stderr());
    assertTrue(secondFile.stderr().contains("'b.jsonl'"), secondFile.stderr());
    assertEquals(2, dashedFile.status());
    assertTrue(dashedFile.stderr().contains("write ./-sigil-test-events.jsonl"), dashedFile.stderr());
  }

  @Test
  void signaturesThatFailToConstructShowWhy() throws IOException {
    Path jar = SignaturesOptionTest.jarWithThrowingConstructor(directory, "needs ACME_TOKEN to be set");

    CliRun run = CliRun.run("", "scan", "--signatures", jar.toString());

    assertUsageError(run, "needs ACME_TOKEN to be set");
  }
}
