package dev.sigil.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Signature;
import dev.sigil.core.SignaturePluginException;
import dev.sigil.core.SignaturePlugins;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading signatures from jars, compiled here as a team's build would make them. */
class SignaturePluginsTest {
  @TempDir Path directory;

  /** Compiles a signature class (with the given constructor body) into a jar registering it. */
  private Path signatureJar(String jarName, String className, String id, String constructorBody)
      throws IOException {
    Path sources = Files.createDirectories(directory.resolve("src-" + className + "/acme"));
    Path source = sources.resolve(className + ".java");
    Files.writeString(source, "package acme;\n"
        + "import dev.sigil.core.*;\n"
        + "import java.util.List;\n"
        + "public final class " + className + " implements Signature {\n"
        + "  private static final SignatureMetadata METADATA = SignatureMetadata.builder(\"" + id
        + "\").build();\n"
        + "  public " + className + "() { " + constructorBody + " }\n"
        + "  public SignatureMetadata metadata() { return METADATA; }\n"
        + "  public List<Selector> selectors() { return List.of(Selector.any()); }\n"
        + "  public void onEvent(Event event, SignatureContext context) {}\n"
        + "}\n");
    Path classes = Files.createDirectories(directory.resolve("classes-" + className));
    // java.util.spi.ToolProvider, not javax.tools: core's tests do not read java.compiler.
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    int status = javac.run(System.out, System.err, "--release", "17", "-proc:none", "-classpath",
        System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
    assertEquals(0, status, "the test signature compiles");
    return jar(jarName, List.of("acme." + className), classes);
  }

  private Path jar(String jarName, List<String> registered, Path classes) throws IOException {
    Path jar = Files.createDirectories(directory.resolve("jars")).resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      if (classes != null) {
        try (var files = Files.walk(classes)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
          }
        }
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + Signature.class.getName()));
      out.write((String.join("\n", registered) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static List<String> ids(List<Signature> signatures) {
    List<String> ids = new ArrayList<>();
    for (Signature signature : signatures) {
      ids.add(signature.metadata().id());
    }
    return ids;
  }

  @Test
  void loadsTheSignaturesAJarRegistersAndNotThoseTheApplicationAlreadySees() throws IOException {
    Path jar = signatureJar("acme.jar", "TmpWrite", "ACME-0001", "");

    List<Signature> loaded = SignaturePlugins.load(List.of(jar));

    assertEquals(List.of("ACME-0001"), ids(loaded));
    assertEquals(List.of("ACME-0001"), ids(SignaturePlugins.load(List.of(jar))), "again, anew");
  }

  @Test
  void aDirectoryLoadsEveryJarInItInNameOrder() throws IOException {
    signatureJar("b.jar", "Second", "ACME-0002", "");
    Path first = signatureJar("a.jar", "First", "ACME-0001", "");

    assertEquals(List.of("ACME-0001", "ACME-0002"),
        ids(SignaturePlugins.load(List.of(first.getParent()))));
  }

  @Test
  void aClassLoaderYieldsEverySignatureItSees() throws IOException {
    Path jar = signatureJar("acme.jar", "TmpWrite", "ACME-0001", "");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        getClass().getClassLoader())) {

      List<String> ids = ids(SignaturePlugins.load(loader));

      assertTrue(ids.contains("ACME-0001") && ids.contains("CLASSPATH-1"), ids.toString());
    }
  }

  @Test
  void aMissingPathIsNamed() {
    Path missing = directory.resolve("nowhere.jar");

    SignaturePluginException e = assertThrows(SignaturePluginException.class,
        () -> SignaturePlugins.load(List.of(missing)));

    assertEquals("cannot load signatures from '" + missing + "': no such file or directory",
        e.getMessage());
  }

  @Test
  void aFileThatIsNotAJarIsNamed() throws IOException {
    Path bogus = Files.writeString(directory.resolve("bogus.jar"), "not a zip");

    SignaturePluginException e = assertThrows(SignaturePluginException.class,
        () -> SignaturePlugins.load(List.of(bogus)));

    assertTrue(e.getMessage().startsWith("cannot load signatures from '" + bogus
        + "': not a readable jar file"), e.getMessage());
  }

  @Test
  void aConstructorThatThrowsShowsTheJarTheClassAndTheCause() throws IOException {
    Path jar = signatureJar("broken.jar", "Broken", "ACME-0009",
        "throw new IllegalStateException(\"needs /etc/acme.conf\");");

    SignaturePluginException e = assertThrows(SignaturePluginException.class,
        () -> SignaturePlugins.load(List.of(jar)));

    assertTrue(e.getMessage().contains("'" + jar + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("acme.Broken"), e.getMessage());
    assertTrue(e.getMessage().contains("IllegalStateException: needs /etc/acme.conf"),
        e.getMessage());
  }

  @Test
  void twoSignaturesWithOneIdAreRefusedNamingBothClassesAndJars() throws IOException {
    Path first = signatureJar("a.jar", "First", "ACME-0001", "");
    Path second = signatureJar("b.jar", "Second", "ACME-0001", "");

    SignaturePluginException e = assertThrows(SignaturePluginException.class,
        () -> SignaturePlugins.load(List.of(first, second)));

    assertEquals("cannot load signatures from '" + second + "': class acme.Second: id ACME-0001"
        + " is already taken by acme.First from '" + first + "'", e.getMessage());
  }

  @Test
  void aRegisteredClassThatIsMissingIsNamed() throws IOException {
    Path jar = jar("empty.jar", List.of("acme.Ghost"), null);

    SignaturePluginException e = assertThrows(SignaturePluginException.class,
        () -> SignaturePlugins.load(List.of(jar)));

    assertTrue(e.getMessage().contains("'" + jar + "'") && e.getMessage().contains("acme.Ghost"),
        e.getMessage());
  }

  @Test
  void aJarRegisteringNothingAddsNothing() throws IOException {
    Path empty = directory.resolve("empty.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
      out.flush();
    }

    assertEquals(List.of(), SignaturePlugins.load(List.of(empty)));
  }
}
