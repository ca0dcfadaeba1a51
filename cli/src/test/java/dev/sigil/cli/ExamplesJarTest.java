package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.containerExec;
import static dev.sigil.cli.TraceeLines.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil scan --signatures} with the examples jar, as the README shows it: EX-0001 comes
 * from the jar's ServiceLoader registration, beside the built-in signatures.
 *
 * <p>The build names the examples artifact in {@code sigil.examples.artifact} and keeps it off
 * this module's test class path: were EX-0001 already on the class path, it would not count as
 * the jar's own signature.
 */
class ExamplesJarTest {
  private static final long CHARACTER_DEVICE = 0020000;
  private static final long PIPE = 0010000;

  @TempDir Path directory;

  /** The examples jar; a jar made here from its classes when the reactor gives a directory. */
  private Path examplesJar() throws IOException {
    String artifact = System.getProperty("sigil.examples.artifact");
    assertNotNull(artifact, "sigil.examples.artifact is set by the build (run through Maven)");
    Path path = Path.of(artifact);
    assertTrue(Files.exists(path), "the examples module is built first: " + path);
    if (!Files.isDirectory(path)) {
      return path;
    }
    Path jar = directory.resolve("sigil-examples.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(path)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(path.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void ex0001FromTheExamplesJarFiresBesideTheBuiltInSignatures() throws IOException {
    Path jar = examplesJar();
    String input = lines(
        containerExec(T0, "node-1", "/bin/bash", CHARACTER_DEVICE),
        containerExec(T0 + SECOND, "node-1", "/bin/bash", PIPE));

    CliRun run = CliRun.run(input, "scan", "--summary", "json", "--signatures", jar.toString());

    assertEquals(0, run.status(), run.stderr());
    assertFalse(run.stderr().contains("no signatures registered"), run.stderr());
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(2L, summary.get("events"), run.stderr());
    assertEquals(Map.of("EX-0001", 1L), summary.get("findingsBySignature"), run.stderr());
    List<String> findings = run.stdoutLines();
    assertEquals(1, findings.size(), run.stdout());
    assertEquals("interactive_shell_in_container", Json.object(findings.get(0)).get("eventName"));
  }
}
