package dev.sigil.cli;

import dev.sigil.core.Signature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Loads users' signatures for {@code --signatures DIR|JAR}: every {@link Signature} a jar
 * registers for {@link ServiceLoader} (a {@code META-INF/services/dev.sigil.core.Signature}
 * file listing classes with a public no-argument constructor), so teams extend
 * {@code sigil scan} without rebuilding it.
 *
 * <p>Each argument gets a class loader of its own: a jar file, or every {@code *.jar} of a
 * directory together (so a signature jar may sit beside the library jars it uses). Only
 * providers defined by that loader count; the built-in signatures, which Sigil's own jar also
 * registers, are not loaded twice.
 */
final class SignatureJars {
  private SignatureJars() {}

  /**
   * Loads the signatures of every path, in order.
   *
   * @param paths jar files or directories of jar files
   * @param stderr where a path without signatures is mentioned
   * @return new signature instances
   * @throws CliException with status 2, naming the path, when one is missing, unreadable, not
   *     a jar, or its signatures cannot be instantiated
   */
  static List<Signature> load(List<Path> paths, PrintStream stderr) throws CliException {
    List<Signature> all = new ArrayList<>();
    for (Path path : paths) {
      List<Signature> found = loadOne(path);
      if (found.isEmpty()) {
        stderr.println(Terminal.escape("sigil: no signatures registered in '" + path
            + "' (a jar needs META-INF/services/" + Signature.class.getName() + ")"));
      }
      all.addAll(found);
    }
    return all;
  }

  private static List<Signature> loadOne(Path path) throws CliException {
    List<Path> jars = jarsOf(path);
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile check = new JarFile(jar.toFile())) {
        check.getManifest(); // opening and reading it proves a jar: a class loader would not say
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw problem(jar, "not a usable path: " + e.getMessage());
      } catch (IOException e) {
        throw problem(jar, "not a readable jar file (" + e.getMessage() + ")");
      }
    }
    // Never closed: the signatures' classes are used until the process ends.
    URLClassLoader loader = new URLClassLoader("signatures " + path, urls.toArray(new URL[0]),
        SignatureJars.class.getClassLoader());
    List<Signature> found = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<Signature> provider
          : (Iterable<ServiceLoader.Provider<Signature>>)
              ServiceLoader.load(Signature.class, loader).stream()::iterator) {
        if (provider.type().getClassLoader() == loader) {
          found.add(provider.get());
        }
      }
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      throw problem(path, "cannot load its signatures: " + withCauses(e));
    }
    return found;
  }

  private static List<Path> jarsOf(Path path) throws CliException {
    if (!Files.exists(path)) {
      throw problem(path, "no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw problem(path, "not readable");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.jar")) {
      for (Path jar : entries) {
        jars.add(jar);
      }
    } catch (IOException e) {
      throw problem(path, "cannot list the directory (" + e.getMessage() + ")");
    }
    jars.sort(null);
    return jars;
  }

  /**
   * The message and every cause's: a signature whose constructor throws reaches us as "Provider
   * X could not be instantiated", and only the cause says why.
   */
  static String withCauses(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      text.append("; caused by ").append(cause.getClass().getName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString().replaceAll("\\s*\\R\\s*", " ");
  }

  private static CliException problem(Path path, String reason) {
    return new CliException(2, "cannot load signatures from '" + path + "': " + reason);
  }
}
