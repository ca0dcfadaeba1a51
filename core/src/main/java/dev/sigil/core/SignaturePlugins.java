package dev.sigil.core;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * Loads signatures that jars or a class loader register for {@link ServiceLoader}, so that an
 * application runs signatures it was not built with.
 *
 * <p>A signature library registers its classes, each with a public no-argument constructor:
 * as a JPMS module with {@code provides dev.sigil.core.Signature with com.acme.MySignature;}
 * (and {@code requires transitive dev.sigil.core;}), or on the class path with a file
 * {@code META-INF/services/dev.sigil.core.Signature} listing the class names, one a line. A jar
 * built both ways works both ways.
 *
 * <pre>{@code
 * List<Signature> extra = SignaturePlugins.load(List.of(Path.of("plugins")));   // every *.jar in it
 * Engine engine = Engine.builder().addAll(Signatures.builtIn()).addAll(extra)...
 * }</pre>
 *
 * <p>Every call returns new signature instances, for one engine. A failure throws
 * {@link SignaturePluginException} naming the jar (or class loader) and the class, with the
 * cause: a constructor that throws shows its exception. Two signatures of one call with the same
 * id are refused, naming both classes.
 */
public final class SignaturePlugins {
  private SignaturePlugins() {}

  /**
   * Loads the signatures jars register, path by path. Each path is a jar file, or a directory
   * whose {@code *.jar} files are loaded together (so a signature jar may sit beside the library
   * jars it uses). Each path gets a class loader of its own, whose parent is the one that loaded
   * Sigil, and never closed: the signatures' classes are used until the process ends. Only
   * classes those jars define count, so signatures the application already sees (the built-in
   * ones, registered by Sigil's own jar) are not loaded a second time. A path registering no
   * signature adds none; call this per path to tell which.
   *
   * @param paths jar files or directories of jar files
   * @return new signature instances, in path order, then in registration order
   * @throws SignaturePluginException naming the path when it is missing, unreadable, not a jar
   *     (or holds one that is not), or a signature it registers cannot be loaded or instantiated,
   *     or has an id that another signature of these paths has (naming both classes)
   */
  public static List<Signature> load(List<Path> paths) {
    List<Signature> all = new ArrayList<>();
    Map<String, String> idOwners = new HashMap<>();
    for (Path path : paths) {
      URLClassLoader loader = new URLClassLoader("signatures " + path, urlsOf(jarsOf(path)),
          SignaturePlugins.class.getClassLoader());
      all.addAll(load(loader, loader, "'" + path + "'", idOwners));
    }
    return all;
  }

  /**
   * Loads every signature registered for {@link ServiceLoader} that a class loader sees: in the
   * named modules of the layers it loads, and in {@code META-INF/services} of its class path,
   * its parents' included. {@code load(ClassLoader.getSystemClassLoader())} finds the built-in
   * signatures too, when they are on the class or module path.
   *
   * @param loader the class loader
   * @return new signature instances
   * @throws SignaturePluginException naming the class when a registered signature cannot be
   *     loaded or instantiated, or has an id that another one it sees has (naming both classes)
   */
  public static List<Signature> load(ClassLoader loader) {
    return load(loader, null, "class loader " + loader, new HashMap<>());
  }

  /**
   * Instantiates the providers a loader sees; only those it defines, when {@code owner} is set.
   * Ids are checked here, where the class and its source can still be named: the engine would
   * refuse a duplicate too, but could name neither.
   *
   * @param idOwners the class and source of each id loaded so far in this call; extended
   */
  private static List<Signature> load(ClassLoader loader, @Nullable ClassLoader owner,
      String source, Map<String, String> idOwners) {
    List<Signature> found = new ArrayList<>();
    Iterator<ServiceLoader.Provider<Signature>> providers =
        ServiceLoader.load(Signature.class, loader).stream().iterator();
    String className = null;
    try {
      while (providers.hasNext()) {
        ServiceLoader.Provider<Signature> provider = providers.next();
        className = provider.type().getName();
        if (owner == null || provider.type().getClassLoader() == owner) {
          Signature signature = provider.get();
          String id = signature.metadata().id();
          String taken = idOwners.putIfAbsent(id, className + " from " + source);
          if (taken != null) {
            throw new SignaturePluginException("cannot load signatures from " + source + ": class "
                + className + ": id " + id + " is already taken by " + taken);
          }
          found.add(signature);
        }
        className = null;
      }
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      if (e instanceof SignaturePluginException) {
        throw e;
      }
      throw new SignaturePluginException("cannot load signatures from " + source + ": "
          + (className == null ? "" : "class " + className + ": ") + describe(e), e);
    }
    return found;
  }

  // The error's message, then each cause's: a constructor's exception is the cause of the
  // ServiceConfigurationError that says "could not be instantiated".
  private static String describe(Throwable error) {
    String prefix = Signature.class.getName() + ": ";
    String message = String.valueOf(error.getMessage());
    StringBuilder text = new StringBuilder(
        message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      text.append(": ").append(cause);
    }
    return text.toString();
  }

  private static List<Path> jarsOf(Path path) {
    if (!Files.exists(path)) {
      throw problem(path, "no such file or directory", null);
    }
    if (!Files.isReadable(path)) {
      throw problem(path, "not readable", null);
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
      throw problem(path, "cannot list the directory (" + e.getMessage() + ")", e);
    }
    jars.sort(null);
    return jars;
  }

  private static URL[] urlsOf(List<Path> jars) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile check = new JarFile(jar.toFile())) {
        check.getManifest(); // opening and reading it proves a jar: a class loader would not say
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw problem(jar, "not a usable path: " + e.getMessage(), e);
      } catch (IOException e) {
        throw problem(jar, "not a readable jar file (" + e.getMessage() + ")", e);
      }
    }
    return urls.toArray(new URL[0]);
  }

  private static SignaturePluginException problem(Path path, String reason,
      @Nullable Throwable cause) {
    String message = "cannot load signatures from '" + path + "': " + reason;
    return cause == null
        ? new SignaturePluginException(message)
        : new SignaturePluginException(message, cause);
  }
}
