package dev.sigil.cli;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** "Did you mean": the candidate closest to what was typed, when one is close enough. */
final class Suggestions {
  private Suggestions() {}

  /**
   * Finds the candidate a typo most likely meant: the one at the smallest edit distance
   * (insertions, deletions, substitutions, transpositions; case ignored), if that distance is at
   * most a third of the typed length (at least 1, at most 3), or else the only candidate the
   * typed text begins.
   *
   * @param typed what was typed, e.g. {@code --sumary}
   * @param candidates what it could have been
   * @return the suggestion, or null when none is close
   */
  static @Nullable String closest(String typed, Collection<String> candidates) {
    String lower = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String prefixed = null;
    int prefixes = 0;
    for (String candidate : candidates) {
      String other = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(lower, other);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
      if (lower.length() >= 3 && other.startsWith(lower)) {
        prefixed = candidate;
        prefixes++;
      }
    }
    int allowed = Math.max(1, Math.min(3, lower.replaceFirst("^-+", "").length() / 3));
    if (best != null && bestDistance <= allowed) {
      return best;
    }
    return prefixes == 1 ? prefixed : null;
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
