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

  /** The longest {@code "name":} compared as three words; longer ones word by word. */
  private static final int WIDE = 24;

  private final String[] names;
  private final byte[][] nameBytes;
  private final long[][] patterns;
  private final int[] patternLengths;
  // Each pattern as three little-endian words and the masks of their bytes that count.
  private final long[] word0;
  private final long[] word1;
  private final long[] word2;
  private final long[] mask0;
  private final long[] mask1;
  private final long[] mask2;

  KeyTable(String... names) {
    int n = names.length;
    this.names = names;
    this.nameBytes = new byte[n][];
    this.patterns = new long[n][];
    this.patternLengths = new int[n];
    this.word0 = new long[n];
    this.word1 = new long[n];
    this.word2 = new long[n];
    this.mask0 = new long[n];
    this.mask1 = new long[n];
    this.mask2 = new long[n];
    for (int i = 0; i < n; i++) {
      nameBytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
      byte[] pattern = ("\"" + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
      patterns[i] = JsonBytes.words(pattern);
      patternLengths[i] = pattern.length;
      long[] words = JsonBytes.words(java.util.Arrays.copyOf(pattern, WIDE));
      word0[i] = words[0];
      word1[i] = words[1];
      word2[i] = words[2];
      mask0[i] = mask(pattern.length, 0);
      mask1[i] = mask(pattern.length, 8);
      mask2[i] = mask(pattern.length, 16);
    }
  }

  /** The mask of the bytes of a pattern of {@code length} bytes within the word at {@code from}. */
  private static long mask(int length, int from) {
    int bytes = Math.max(0, Math.min(8, length - from));
    return bytes == 8 ? -1L : (1L << (bytes << 3)) - 1;
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
    if (field >= names.length) {
      return 0;
    }
    int length = patternLengths[field];
    if (length <= WIDE && at + WIDE <= bytes.length) {
      long difference = (JsonBytes.longAt(bytes, at) ^ word0[field]) & mask0[field]
          | (JsonBytes.longAt(bytes, at + 8) ^ word1[field]) & mask1[field]
          | (JsonBytes.longAt(bytes, at + 16) ^ word2[field]) & mask2[field];
      return difference == 0 ? length : 0;
    }
    return JsonBytes.matches(bytes, at, patterns[field], length) ? length : 0;
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
