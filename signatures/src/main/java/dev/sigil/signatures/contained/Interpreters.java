package dev.sigil.signatures.contained;

import java.util.ArrayList;
import java.util.List;

/**
 * The host programs that run a file named by an argument, by family (which decides how the
 * argument is found, see {@link ScriptArguments}):
 * <ul>
 *   <li>shells: {@code sh}, {@code bash}, {@code dash}, {@code ash}, {@code ksh}, {@code mksh},
 *       {@code pdksh}, {@code oksh}, {@code zsh}, {@code yash}, {@code posh}, {@code hush};</li>
 *   <li>{@code busybox} (its applet names the shell);</li>
 *   <li>{@code python*}, {@code perl}, {@code ruby}, {@code node}, {@code nodejs}, {@code php},
 *       {@code lua}, {@code luajit};</li>
 *   <li>the dynamic loader: a basename starting with {@code ld-} or {@code ld.} that contains
 *       {@code .so} ({@code ld-linux-x86-64.so.2}, {@code ld-musl-x86_64.so.1},
 *       {@code ld-2.31.so}, {@code ld.so}).</li>
 * </ul>
 * A name followed by a version counts ({@code ruby3.1}, {@code php8.2}, {@code lua5.4},
 * {@code ksh93}, {@code perl5.36.0}: digits and dots after the name); {@code python} matches any
 * name it starts.
 */
final class Interpreters {
  static final int NONE = 0;
  static final int SHELL = 1;
  static final int BUSYBOX = 2;
  static final int PYTHON = 3;
  static final int PERL = 4;
  static final int RUBY = 5;
  static final int NODE = 6;
  static final int PHP = 7;
  static final int LUA = 8;
  static final int LOADER = 9;

  private static final String[] SHELLS =
      {"sh", "bash", "dash", "ash", "ksh", "mksh", "pdksh", "oksh", "zsh", "yash", "posh", "hush"};
  private static final Name[] NAMES = names();
  private static final Name[][] BY_FIRST = byFirstCharacter(NAMES);

  /** A name, its family, and whether any suffix (not only a version) may follow it. */
  private record Name(String name, int family, boolean prefix) {}

  private Interpreters() {}

  private static Name[] names() {
    List<Name> names = new ArrayList<>();
    for (String shell : SHELLS) {
      names.add(new Name(shell, SHELL, false));
    }
    names.add(new Name("busybox", BUSYBOX, false));
    names.add(new Name("python", PYTHON, true));
    names.add(new Name("perl", PERL, false));
    names.add(new Name("ruby", RUBY, false));
    names.add(new Name("node", NODE, false));
    names.add(new Name("nodejs", NODE, false));
    names.add(new Name("php", PHP, false));
    names.add(new Name("lua", LUA, false));
    names.add(new Name("luajit", LUA, false));
    return names.toArray(new Name[0]);
  }

  /**
   * Returns the family of the program at a path, by its basename; {@link #NONE} for other
   * programs. Names are looked up by the basename's first character, so that most programs are
   * rejected after reading one character of their name. Allocates nothing.
   *
   * @param path a path; an empty basename (a trailing {@code /}) is no program
   */
  static int family(CharSequence path) {
    return family(path, basenameStart(path), path.length());
  }

  /** Whether the basename of the path is a shell name (busybox's applets). */
  static boolean isShell(CharSequence text) {
    return family(text) == SHELL;
  }

  /** Whether the basename of the path is {@code busybox} (or it with a version). */
  static boolean isBusybox(CharSequence text) {
    return family(text) == BUSYBOX;
  }

  static int basenameStart(CharSequence path) {
    int start = path.length();
    while (start > 0 && path.charAt(start - 1) != '/') {
      start--;
    }
    return start;
  }

  private static int family(CharSequence path, int start, int end) {
    if (start == end) {
      return NONE;
    }
    char first = path.charAt(start);
    if (first >= BY_FIRST.length) {
      return NONE;
    }
    for (Name name : BY_FIRST[first]) {
      String text = name.name();
      if (text.length() <= end - start && named(path, start, text)
          && (name.prefix() || isVersion(path, start + text.length(), end))) {
        return name.family();
      }
    }
    return first == 'l' && isLoader(path, start, end) ? LOADER : NONE;
  }

  /** Nothing, or digits and dots starting with a digit. */
  private static boolean isVersion(CharSequence path, int from, int end) {
    if (from == end) {
      return true;
    }
    char c = path.charAt(from);
    if (c < '0' || c > '9') {
      return false;
    }
    for (int i = from + 1; i < end; i++) {
      c = path.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoader(CharSequence path, int start, int end) {
    if (end - start < 5 || path.charAt(start + 1) != 'd'
        || (path.charAt(start + 2) != '-' && path.charAt(start + 2) != '.')) {
      return false;
    }
    for (int i = start + 2; i + 3 <= end; i++) {
      if (path.charAt(i) == '.' && path.charAt(i + 1) == 's' && path.charAt(i + 2) == 'o'
          && (i + 3 == end || path.charAt(i + 3) == '.')) {
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
  private static Name[][] byFirstCharacter(Name[] names) {
    Name[][] table = new Name[128][];
    for (char c = 0; c < table.length; c++) {
      List<Name> starting = new ArrayList<>();
      for (Name name : names) {
        if (name.name().charAt(0) == c) {
          starting.add(name);
        }
      }
      table[c] = starting.toArray(new Name[0]);
    }
    return table;
  }
}
