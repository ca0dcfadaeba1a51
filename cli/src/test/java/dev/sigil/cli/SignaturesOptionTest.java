package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Signature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigil scan --signatures}: user jars compiled here, as a team would build them. */
class SignaturesOptionTest {
  private static final String INPUT = lines(
      magicWrite(T0, "node-1", "/tmp/dropper"),
      magicWrite(T0 + SECOND, "node-1", "/usr/bin/fine"));

  @TempDir Path directory;

  /**
   * Compiles a signature that fires on magic_write under /tmp, and jars it with its
   * ServiceLoader registration, the way a user's build would.
   */
  private Path signatureJar(String jarName, String className, String id) throws IOException {
    return compiledSignatureJar(directory, jarName, className, "package acme;\n"
        + "import dev.sigil.core.*;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "public final class " + className + " implements Signature {\n"
        + "  private static final ArgKey PATHNAME = ArgKey.of(\"pathname\");\n"
        + "  private static final SignatureMetadata METADATA = SignatureMetadata.builder(\"" + id
        + "\").name(\"Write under /tmp\").eventName(\"acme_tmp_write\").build();\n"
        + "  public SignatureMetadata metadata() { return METADATA; }\n"
        + "  public List<Selector> selectors() { return List.of(Selector.event(\"magic_write\")); }\n"
        + "  public void onEvent(Event event, SignatureContext context) {\n"
        + "    CharSequence path = event.string(PATHNAME);\n"
        + "    if (path != null && Text.startsWith(path, \"/tmp/\")) {\n"
        + "      context.report(event, Map.of(\"path\", path.toString()));\n"
        + "    }\n"
        + "  }\n"
        + "}\n");
  }

  /** A jar whose one signature's constructor throws, as one missing its configuration would. */
  static Path jarWithThrowingConstructor(Path directory, String message) throws IOException {
    return compiledSignatureJar(directory, "unconfigured.jar", "Unconfigured", "package acme;\n"
        + "import dev.sigil.core.*;\n"
        + "import java.util.List;\n"
        + "public final class Unconfigured implements Signature {\n"
        + "  public Unconfigured() { throw new IllegalStateException(\"" + message + "\"); }\n"
        + "  public SignatureMetadata metadata() { return SignatureMetadata.builder(\"ACME-2\").build(); }\n"
        + "  public List<Selector> selectors() { return List.of(Selector.any()); }\n"
        + "  public void onEvent(Event event, SignatureContext context) {}\n"
        + "}\n");
  }

  /**
   * Compiles one class {@code acme.<className>} and jars it under {@code directory/jars} with its
   * ServiceLoader registration.
   */
  private static Path compiledSignatureJar(Path directory, String jarName, String className,
      String source) throws IOException {
    Path sourceFile = Files.createDirectories(directory.resolve("src-" + className + "/acme"))
        .resolve(className + ".java");
    Files.writeString(sourceFile, source);
    Path classes = Files.createDirectories(directory.resolve("classes-" + className));
    // java.util.spi.ToolProvider, not javax.tools: this module does not read java.compiler.
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    int status = javac.run(System.out, System.err, "--release", "17", "-proc:none", "-classpath",
        System.getProperty("java.class.path"), "-d", classes.toString(), sourceFile.toString());
    assertEquals(0, status, "the test signature compiles");

    Path jar = Files.createDirectories(directory.resolve("jars")).resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("acme/" + className + ".class"));
      out.write(Files.readAllBytes(classes.resolve("acme/" + className + ".class")));
      out.closeEntry();
      out.putNextEntry(new JarEntry("META-INF/services/" + Signature.class.getName()));
      out.write(("acme." + className + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static CliRun scan(String... args) {
    return CliRun.run(INPUT, withOcsf(args));
  }

  private static CliRun scanWithoutBuiltIns(String... args) {
    return CliRun.run(CliRun.environment(INPUT).withBuiltInSignatures(options -> List.of()),
        withOcsf(args));
  }

  /** OCSF names the signature in finding_info.analytic.uid. */
  private static String[] withOcsf(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--format", "ocsf"));
    all.addAll(List.of(args));
    return all.toArray(new String[0]);
  }

  private static List<String> signatureIds(CliRun run) {
    List<String> ids = new ArrayList<>();
    for (String line : run.stdoutLines()) {
      Map<String, Object> finding = Json.object(line);
      @SuppressWarnings("unchecked")
      Map<String, Object> info = (Map<String, Object>) finding.get("finding_info");
      @SuppressWarnings("unchecked")
      Map<String, Object> analytic = (Map<String, Object>) info.get("analytic");
      ids.add((String) analytic.get("uid"));
    }
    return ids;
  }

  @Test
  void addsTheSignaturesAJarRegisters() throws IOException {
    Path jar = signatureJar("acme.jar", "TmpWrite", "ACME-0001");

    CliRun run = scanWithoutBuiltIns("--signatures", jar.toString());

    assertEquals(0, run.status(), run.stderr());
    assertEquals(List.of("ACME-0001"), signatureIds(run));
  }

  @Test
  void addsThemBesideTheBuiltInOnesWithoutLoadingTheBuiltInOnesTwice() throws IOException {
    Path jar = signatureJar("acme.jar", "TmpWrite", "ACME-0001");

    // Sigil's own jar registers TRC-1022 for ServiceLoader too; were it loaded again through
    // the user's class loader, its id would clash and the scan would stop.
    CliRun run = scan("--signatures", jar.toString());

    assertEquals(0, run.status(), run.stderr());
    List<String> ids = signatureIds(run);
    assertTrue(ids.contains("ACME-0001") && ids.contains("TRC-1022"), ids.toString());
  }

  @Test
  void aDirectoryAddsEveryJarInItAndTheOptionRepeats() throws IOException {
    Path first = signatureJar("a.jar", "TmpWriteA", "ACME-0001");
    signatureJar("b.jar", "TmpWriteB", "ACME-0002");
    Path other = Files.createDirectories(directory.resolve("other"));
    Path third = signatureJar("c.jar", "TmpWriteC", "ACME-0003");
    Files.move(third, other.resolve("c.jar"));

    CliRun run = scanWithoutBuiltIns("--signatures", first.getParent().toString(),
        "--signatures", other.toString());

    assertEquals(0, run.status(), run.stderr());
    assertEquals(List.of("ACME-0001", "ACME-0002", "ACME-0003"),
        signatureIds(run).stream().sorted().toList());
  }

  @Test
  void aMissingPathStopsTheScanNamingIt() {
    Path missing = directory.resolve("nowhere.jar");

    CliRun run = scanWithoutBuiltIns("--signatures", missing.toString());

    assertUsageError(run, "'" + missing + "'");
    assertTrue(run.stderr().contains("no such file or directory"), run.stderr());
    assertEquals("", run.stdout());
  }

  @Test
  void aFileThatIsNotAJarStopsTheScanNamingIt() throws IOException {
    Path bogus = Files.writeString(directory.resolve("bogus.jar"), "not a zip");

    CliRun run = scanWithoutBuiltIns("--signatures", bogus.toString());

    assertUsageError(run, "'" + bogus + "'");
    assertTrue(run.stderr().contains("not a readable jar file"), run.stderr());
  }

  @Test
  void aSignatureWhoseConstructorThrowsStopsTheScanNamingTheJarTheClassAndTheCause()
      throws IOException {
    Path jar = jarWithThrowingConstructor(directory, "needs ACME_TOKEN to be set");

    CliRun run = scanWithoutBuiltIns("--signatures", jar.toString());

    assertUsageError(run, "'" + jar + "'");
    assertTrue(run.stderr().contains("acme.Unconfigured"), run.stderr());
    assertTrue(run.stderr().contains("needs ACME_TOKEN to be set"), run.stderr());
    assertEquals("", run.stdout());
  }

  @Test
  void anIdTakenByABuiltInSignatureStopsTheScanNamingTheId() throws IOException {
    Path jar = signatureJar("impostor.jar", "Impostor", "TRC-1022");

    CliRun run = scan("--signatures", jar.toString());

    assertUsageError(run, "TRC-1022");
  }

  @Test
  void twoJarsWithTheSameIdStopTheScanNamingTheId() throws IOException {
    Path first = signatureJar("a.jar", "TmpWriteA", "ACME-0001");
    Path second = signatureJar("b.jar", "TmpWriteB", "ACME-0001");

    CliRun run = scanWithoutBuiltIns("--signatures", first.toString(), "--signatures",
        second.toString());

    assertUsageError(run, "ACME-0001");
  }

  @Test
  void aJarWithoutRegisteredSignaturesIsMentionedButNotAnError() throws IOException {
    Path empty = directory.resolve("empty.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
      out.flush();
    }

    CliRun run = scanWithoutBuiltIns("--signatures", empty.toString());

    assertEquals(0, run.status(), run.stderr());
    assertTrue(run.stderr().contains("no signatures registered in '" + empty + "'"), run.stderr());
  }
}
