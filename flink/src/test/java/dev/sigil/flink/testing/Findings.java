package dev.sigil.flink.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares findings per node and, when they differ, says how in a few short lines. */
public final class Findings {
  private static final Pattern SIGNATURE = Pattern.compile("\"signatureID\":\"([^\"]+)\"");
  private static final Pattern PATH = Pattern.compile("\"name\":\"path\",\"type\":\"string\",\"value\":\"([^\"]+)\"");

  private Findings() {}

  /**
   * Fails unless both hold the same findings per node (each list sorted).
   *
   * @param expected the reference
   * @param actual what the job wrote
   * @param what a label
   */
  public static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual,
      String what) {
    if (expected.equals(actual)) {
      return;
    }
    List<String> report = new ArrayList<>();
    TreeSet<String> nodes = new TreeSet<>(expected.keySet());
    nodes.addAll(actual.keySet());
    for (String node : nodes) {
      List<String> e = expected.getOrDefault(node, List.of());
      List<String> a = actual.getOrDefault(node, List.of());
      if (e.equals(a)) {
        continue;
      }
      List<String> missing = new ArrayList<>(e);
      a.forEach(missing::remove);
      List<String> extra = new ArrayList<>(a);
      e.forEach(extra::remove);
      report.add(node + ": expected " + e.size() + ", got " + a.size() + "; missing "
          + missing.stream().limit(3).map(Findings::brief).toList() + (missing.size() > 3 ? "..." : "")
          + "; extra " + extra.stream().limit(3).map(Findings::brief).toList() + (extra.size() > 3 ? "..." : ""));
    }
    fail(what + ": findings differ\n" + String.join("\n", report));
  }

  /**
   * Returns a finding's signature id and path, or its first 120 characters.
   *
   * @param finding the JSON
   * @return a short description
   */
  public static String brief(String finding) {
    Matcher id = SIGNATURE.matcher(finding);
    Matcher path = PATH.matcher(finding);
    if (id.find()) {
      return id.group(1) + (path.find() ? " " + path.group(1) : "");
    }
    return finding.substring(0, Math.min(120, finding.length()));
  }
}
