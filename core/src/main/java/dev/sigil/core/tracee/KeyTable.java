package dev.sigil.core.tracee;

import dev.sigil.core.internal.JsonBytes;
import java.nio.charset.StandardCharsets;

/**
 * The member names of one kind of JSON object, in the order Tracee writes them, for matching
 * keys without reading them: the decoder first compares the bytes at its position with the key
 * that follows the previous one in that order ({@code "name":}, eight bytes at a time), and reads
 * and looks up the key only when they differ.
 */
final class KeyTable {
  /** What {@link #find} returns for a name the table does not hold. */
  static final int UNKNOWN = -1;

  private final String[] names;
  private final byte[][] nameBytes;
  private final long[][] patterns;
  private final int[] patternLengths;

  KeyTable(String... names) {
    this.names = names;
    this.nameBytes = new byte[names.length][];
    this.patterns = new long[names.length][];
    this.patternLengths = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      nameBytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
      byte[] pattern = ("\"" + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
      patterns[i] = JsonBytes.words(pattern);
      patternLengths[i] = pattern.length;
    }
  }

  int size() {
    return names.length;
  }

  String name(int field) {
    return names[field];
  }

  /**
   * Compares the bytes at {@code at} with a field's key, quotes and colon included.
   *
   * @return the length of {@code "name":} when they match, else 0
   */
  int match(byte[] bytes, int at, int field) {
    if (field < names.length && JsonBytes.matches(bytes, at, patterns[field], patternLengths[field])) {
      return patternLengths[field];
    }
    return 0;
  }

  /** Looks a name up by its ASCII bytes. */
  int find(byte[] bytes, int offset, int length) {
    for (int i = 0; i < names.length; i++) {
      byte[] name = nameBytes[i];
      if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, offset, offset + length)) {
        return i;
      }
    }
    return UNKNOWN;
  }

  /** Looks a name up by its characters (a key written with escapes). */
  int find(CharSequence name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].contentEquals(name)) {
        return i;
      }
    }
    return UNKNOWN;
  }

  /** Which field Tracee writes after {@code field}, when {@code field} is known. */
  static int following(int expected, int field) {
    return field == UNKNOWN ? expected : field + 1;
  }
}
