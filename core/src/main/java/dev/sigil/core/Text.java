package dev.sigil.core;

/**
 * Allocation-free comparisons and hashing of the character-sequence views that events hand out.
 *
 * <p>Views compare and hash by identity ({@link Object#equals(Object)} and
 * {@link Object#hashCode()} are not overridden, as with any flyweight): use these methods, or
 * {@link CharSequence#compare(CharSequence, CharSequence)}. In particular
 * {@code event.hostName().hashCode()} differs for every view and says nothing of the text; use
 * {@link #hash(CharSequence)}, or {@link Partitions#of(CharSequence, int)} to route by a key.
 */
public final class Text {
  private Text() {}

  /**
   * Hashes a sequence by its characters, exactly as {@link String#hashCode()} does (so
   * {@code Text.hash(view) == view.toString().hashCode()}), without allocating.
   *
   * @param text the sequence
   * @return the hash
   */
  public static int hash(CharSequence text) {
    int h = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  /**
   * Tells whether two sequences hold the same characters.
   *
   * @param a one sequence
   * @param b another
   * @return true when they have the same length and characters
   */
  public static boolean contentEquals(CharSequence a, CharSequence b) {
    int length = a.length();
    if (length != b.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a sequence starts with a prefix.
   *
   * @param text the sequence
   * @param prefix the prefix
   * @return true when it does
   */
  public static boolean startsWith(CharSequence text, CharSequence prefix) {
    return regionMatches(text, 0, prefix);
  }

  /**
   * Tells whether a sequence ends with a suffix.
   *
   * @param text the sequence
   * @param suffix the suffix
   * @return true when it does
   */
  public static boolean endsWith(CharSequence text, CharSequence suffix) {
    return regionMatches(text, text.length() - suffix.length(), suffix);
  }

  /**
   * Tells whether {@code part} occurs in {@code text} at {@code offset}.
   *
   * @param text the sequence
   * @param offset where {@code part} should start; may be negative or past the end (then false)
   * @param part the characters to find there
   * @return true when they are there
   */
  public static boolean regionMatches(CharSequence text, int offset, CharSequence part) {
    int length = part.length();
    if (offset < 0 || offset + length > text.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(offset + i) != part.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the index of the last occurrence of a character.
   *
   * @param text the sequence
   * @param c the character
   * @return its index, or -1
   */
  public static int lastIndexOf(CharSequence text, char c) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the index of the first occurrence of {@code part} at or after {@code from}.
   *
   * @param text the sequence
   * @param part the characters to find
   * @param from where to start looking
   * @return the index, or -1
   */
  public static int indexOf(CharSequence text, CharSequence part, int from) {
    for (int i = Math.max(0, from); i + part.length() <= text.length(); i++) {
      if (regionMatches(text, i, part)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Tells whether the last path segment of {@code path} (after its last {@code /}) equals
   * {@code name}.
   *
   * @param path a path such as {@code /usr/bin/bash}
   * @param name a file name such as {@code bash}
   * @return true when the basename is {@code name}
   */
  public static boolean basenameEquals(CharSequence path, CharSequence name) {
    int start = lastIndexOf(path, '/') + 1;
    return path.length() - start == name.length() && regionMatches(path, start, name);
  }
}
