package dev.sigil.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
public final class Utf8 {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Utf8() {}

  /**
   * Tells whether a byte range is well-formed UTF-8.
   *
   * @param bytes the bytes
   * @param start the first byte
   * @param end one past the last byte
   * @return true when every sequence in the range is well-formed
   */
  public static boolean isValid(byte[] bytes, int start, int end) {
    int i = start;
    while (i < end) {
      // Mostly ASCII: skip eight ASCII bytes at a time.
      while (i <= end - 8 && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
        i += 8;
      }
      if (i >= end) {
        break;
      }
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      i = sequenceEnd(bytes, i, end);
      if (i < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks one multi-byte sequence.
   *
   * @param bytes the bytes
   * @param at the sequence's first byte (at or above 0x80)
   * @param end one past the last byte that may belong to it
   * @return one past the sequence's last byte, or -1 when it is not well-formed
   */
  public static int sequenceEnd(byte[] bytes, int at, int end) {
    int b = bytes[at] & 0xff;
    int extra;
    int min;
    if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return -1;
    }
    if (at + extra >= end) {
      return -1;
    }
    int codePoint = b & (0x3f >> extra);
    for (int k = 1; k <= extra; k++) {
      int c = bytes[at + k] & 0xff;
      if ((c & 0xc0) != 0x80) {
        return -1;
      }
      codePoint = codePoint << 6 | (c & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return -1;
    }
    return at + extra + 1;
  }

  /**
   * Returns the code point of a sequence that {@link #sequenceEnd} accepted.
   *
   * @param bytes the bytes
   * @param at the sequence's first byte
   * @return the code point
   */
  public static int codePoint(byte[] bytes, int at) {
    int b = bytes[at] & 0xff;
    int extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    int codePoint = b & (0x3f >> extra);
    for (int k = 1; k <= extra; k++) {
      codePoint = codePoint << 6 | (bytes[at + k] & 0x3f);
    }
    return codePoint;
  }
}
