package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package graph of core's classes, as {@code jdeps -verbose:package} reports it, has no
 * cycle, and {@code dev.sigil.core.internal} is a leaf that depends on no other Sigil package.
 */
class PackageCyclesTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(dev\\.sigil\\.[\\w.]+)\\s+->\\s+(dev\\.sigil\\.[\\w.]+)\\s");

  private static Map<String, Set<String>> packageGraph() throws IOException, InterruptedException {
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    assumeTrue(Files.isExecutable(jdeps), "jdeps comes with a JDK, not a JRE");
    Path classes;
    try {
      classes = Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        jars.add(entry);
      }
    }
    Process process = new ProcessBuilder(jdeps.toString(), "--multi-release", "17",
        "--module-path", String.join(File.pathSeparator, jars), "-verbose:package",
        classes.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : output.split("\n")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.find() && !edge.group(1).equals(edge.group(2))) {
        graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
      }
    }
    assertTrue(graph.containsKey("dev.sigil.core.tracee"), "jdeps reported the packages: " + output);
    return graph;
  }

  @Test
  void noPackageReachesItselfThroughOthers() throws IOException, InterruptedException {
    Map<String, Set<String>> graph = packageGraph();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      path.add(start);
      assertNoPathBack(graph, start, start, path, new TreeSet<>());
    }
  }

  private static void assertNoPathBack(Map<String, Set<String>> graph, String start, String from,
      List<String> path, Set<String> visited) {
    for (String next : graph.getOrDefault(from, Set.of())) {
      path.add(next);
      assertTrue(!next.equals(start), "package cycle: " + String.join(" -> ", path));
      if (visited.add(next)) {
        assertNoPathBack(graph, start, next, path, visited);
      }
      path.remove(path.size() - 1);
    }
  }

  @Test
  void internalIsALeaf() throws IOException, InterruptedException {
    assertEquals(Set.of(), packageGraph().getOrDefault("dev.sigil.core.internal", Set.of()));
  }
}
