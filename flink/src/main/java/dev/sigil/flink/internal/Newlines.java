package dev.sigil.flink.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds and counts newlines eight bytes at a time (SWAR), for framing a file's lines without a
 * byte-by-byte loop on the source's thread.
 */
public final class Newlines {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

  private Newlines() {}

  /** The high bit of each byte of the word that is zero, exactly (no false positives). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * Returns the index of the first {@code '\n'} in {@code [from, to)}, or {@code to}.
   *
   * @param bytes the bytes
   * @param from the first index
   * @param to one past the last
   * @return the index
   */
  public static int next(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - 8; i += 8) {
      long hits = zeroBytes((long) LONGS.get(bytes, i) ^ NEWLINES);
      if (hits != 0) {
        return i + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /**
   * Returns the index of the last {@code '\n'} in {@code [from, to)}, or -1.
   *
   * @param bytes the bytes
   * @param from the first index
   * @param to one past the last
   * @return the index
   */
  public static int last(byte[] bytes, int from, int to) {
    int i = to;
    for (; i - 8 >= from; i -= 8) {
      long hits = zeroBytes((long) LONGS.get(bytes, i - 8) ^ NEWLINES);
      if (hits != 0) {
        return i - 8 + ((63 - Long.numberOfLeadingZeros(hits)) >>> 3);
      }
    }
    for (i--; i >= from; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Counts the {@code '\n'}s in {@code [from, to)}.
   *
   * @param bytes the bytes
   * @param from the first index
   * @param to one past the last
   * @return the count
   */
  public static int count(byte[] bytes, int from, int to) {
    int n = 0;
    int i = from;
    for (; i <= to - 8; i += 8) {
      n += Long.bitCount(zeroBytes((long) LONGS.get(bytes, i) ^ NEWLINES));
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * Tells whether {@code [from, to)} holds only spaces, tabs and carriage returns: a line the
   * Tracee reader skips as blank.
   *
   * @param bytes the bytes
   * @param from the first index
   * @param to one past the last
   * @return whether blank
   */
  public static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
