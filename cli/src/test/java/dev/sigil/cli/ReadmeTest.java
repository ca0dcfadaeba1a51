package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README documents what the command line does, and nothing of one machine. */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void buildSectionSaysWhyJazzerAndNamesNoMachinePath() throws IOException {
    String readme = Files.readString(README);
    String build = readme.substring(readme.indexOf("## Building and testing"));

    assertTrue(build.contains("JAVA_HOME=/path/to/jdk-25"), build);
    assertFalse(readme.contains("/usr/lib/jvm"), "a machine-specific path");
    assertTrue(build.contains("Jazzer") && build.contains("jqwik") && build.contains("coverage-guided")
        && build.contains("@FuzzTest") && build.contains("seed corpus"), build);
  }

  @Test
  void commandLineSectionsDocumentEveryNewOptionAndCommand() throws IOException {
    String readme = Files.readString(README);

    for (String documented : List.of("--input-format auto\\|tracee\\|docker-json\\|cri",
        "--format auto\\|text\\|tracee\\|ocsf", "## `sigil signatures` and `sigil explain`",
        "rejectedByReason", "findingsNotWritten", "NO_COLOR", "the first 100")) {
      assertTrue(readme.contains(documented), documented + " is not in the README");
    }
  }
}
