package dev.sigil.signatures.tracee;

import dev.sigil.core.Text;

/**
 * Go's {@code path.Base}, which Tracee's signatures use on paths, without allocating to compare:
 * trailing slashes are dropped first, an empty path is {@code "."}, and a path of slashes only
 * is {@code "/"}. ({@link Text#basenameEquals} takes what follows the last slash, so it sees
 * {@code ""} in {@code /usr/bin/}, where Go sees {@code bin}.)
 */
final class GoPath {
  private GoPath() {}

  /**
   * Tells whether Go's {@code path.Base(path)} equals a name.
   *
   * @param path the path
   * @param name the expected base
   * @return true when they are equal
   */
  static boolean baseEquals(CharSequence path, CharSequence name) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == 0) {
      return Text.contentEquals(name, path.length() == 0 ? "." : "/");
    }
    int start = end;
    while (start > 0 && path.charAt(start - 1) != '/') {
      start--;
    }
    if (end - start != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (path.charAt(start + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns Go's {@code path.Base(path)}; allocates, for findings.
   *
   * @param path the path
   * @return the last element
   */
  static String base(CharSequence path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == 0) {
      return path.length() == 0 ? "." : "/";
    }
    int start = end;
    while (start > 0 && path.charAt(start - 1) != '/') {
      start--;
    }
    return path.subSequence(start, end).toString();
  }
}
