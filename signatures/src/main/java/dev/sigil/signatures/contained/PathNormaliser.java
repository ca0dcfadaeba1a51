package dev.sigil.signatures.contained;

/**
 * Lexical normalisation of absolute paths, so that {@code //}, {@code /./}, {@code ..} segments
 * and a trailing {@code /} cannot defeat a prefix rule. Nothing touches the file system:
 * {@code ..} removes the previous segment as written (symbolic links are the kernel's business;
 * Tracee's {@code pathname} is already resolved).
 *
 * <p>{@link #isNormal(CharSequence)} tells, without allocating, whether a path is already in
 * normal form (the common case); only other paths need {@link #normalise(CharSequence,
 * StringBuilder)}, which writes into a buffer the caller re-uses.
 */
final class PathNormaliser {
  private PathNormaliser() {}

  /**
   * Tells whether an absolute path is in normal form: it starts with {@code /}, has no empty,
   * {@code .} or {@code ..} segment and no trailing {@code /} (except the root itself).
   *
   * @param path the path
   * @return true when normalising would not change it; false for relative paths too
   */
  static boolean isNormal(CharSequence path) {
    int length = path.length();
    if (length == 0 || path.charAt(0) != '/') {
      return false;
    }
    if (length == 1) {
      return true;
    }
    // Only a segment starting with '/' (empty) or '.' can be abnormal: one pass that looks
    // closer at those alone.
    char previous = '/';
    for (int i = 1; i < length; i++) {
      char c = path.charAt(i);
      if (previous == '/' && (c == '/' || isDotSegment(path, i, length))) {
        return false;
      }
      previous = c;
    }
    return previous != '/';
  }

  /** Whether the segment starting at {@code start} is {@code .} or {@code ..}. */
  private static boolean isDotSegment(CharSequence path, int start, int length) {
    if (path.charAt(start) != '.') {
      return false;
    }
    int end = start + 1;
    if (end < length && path.charAt(end) == '.') {
      end++;
    }
    return end == length || path.charAt(end) == '/';
  }

  /**
   * Normalises an absolute path lexically into {@code out} (cleared first).
   *
   * @param path an absolute path
   * @param out the buffer to write into
   * @return false when the path is not absolute ({@code out} is then empty)
   */
  static boolean normalise(CharSequence path, StringBuilder out) {
    out.setLength(0);
    int length = path.length();
    if (length == 0 || path.charAt(0) != '/') {
      return false;
    }
    int segmentStart = 1;
    for (int i = 1; i <= length; i++) {
      if (i == length || path.charAt(i) == '/') {
        int segmentLength = i - segmentStart;
        if (segmentLength == 2 && isDots(path, segmentStart, 2)) {
          int parent = out.lastIndexOf("/");
          out.setLength(Math.max(parent, 0));
        } else if (segmentLength > 0 && !(segmentLength == 1 && path.charAt(segmentStart) == '.')) {
          out.append('/').append(path, segmentStart, i);
        }
        segmentStart = i + 1;
      }
    }
    if (out.length() == 0) {
      out.append('/');
    }
    return true;
  }

  /**
   * Returns the normal form of an absolute path as a new string (allocates; for findings and
   * keys, not the hot path).
   *
   * @param path the path
   * @return the normal form, or the path unchanged when it is not absolute
   */
  static String normalised(CharSequence path) {
    if (isNormal(path)) {
      return path.toString();
    }
    StringBuilder out = new StringBuilder(path.length());
    return normalise(path, out) ? out.toString() : path.toString();
  }

  private static boolean isDots(CharSequence path, int start, int length) {
    return (length == 1 && path.charAt(start) == '.')
        || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
  }
}
