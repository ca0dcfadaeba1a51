package dev.sigil.signatures.contained;

import java.util.ArrayList;
import java.util.List;

/**
 * The host programs whose argument is a script they run: {@code sh}, {@code bash}, {@code dash},
 * {@code ash}, {@code ksh}, {@code zsh}, {@code busybox}, {@code perl}, {@code ruby},
 * {@code node}, {@code php}, {@code lua}, and {@code python*}.
 */
final class Interpreters {
  private static final String[] NAMES =
      {"sh", "bash", "dash", "ash", "ksh", "zsh", "busybox", "perl", "ruby", "node", "php", "lua"};
  private static final String[] PREFIXES = {"python"};
  private static final String[][] NAMES_BY_FIRST = byFirstCharacter(NAMES);
  private static final String[][] PREFIXES_BY_FIRST = byFirstCharacter(PREFIXES);

  private Interpreters() {}

  /**
   * Tells whether the path's basename is one of the names or starts with one of the prefixes.
   * Names are looked up by the basename's first character, so that most programs are rejected
   * after reading one character of their name. Allocates nothing.
   */
  static boolean isInterpreter(CharSequence path) {
    int length = path.length();
    int start = length;
    while (start > 0 && path.charAt(start - 1) != '/') {
      start--;
    }
    if (start == length) {
      return false;
    }
    char first = path.charAt(start);
    if (first >= NAMES_BY_FIRST.length) {
      return false;
    }
    int basenameLength = length - start;
    for (String name : NAMES_BY_FIRST[first]) {
      if (name.length() == basenameLength && named(path, start, name)) {
        return true;
      }
    }
    for (String prefix : PREFIXES_BY_FIRST[first]) {
      if (prefix.length() <= basenameLength && named(path, start, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} occurs at {@code start} (the caller has checked the length). */
  private static boolean named(CharSequence path, int start, String name) {
    for (int i = 0; i < name.length(); i++) {
      if (path.charAt(start + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Names by their first (ASCII) character; no name is an empty array. */
  private static String[][] byFirstCharacter(String[] names) {
    String[][] table = new String[128][];
    for (char c = 0; c < table.length; c++) {
      List<String> starting = new ArrayList<>();
      for (String name : names) {
        if (name.charAt(0) == c) {
          starting.add(name);
        }
      }
      table[c] = starting.toArray(new String[0]);
    }
    return table;
  }
}
