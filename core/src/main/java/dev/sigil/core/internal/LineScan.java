package dev.sigil.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of a line and notices non-ASCII bytes in one pass, eight bytes at a time (the
 * SWAR "has zero byte" test), so that framing lines costs a fraction of decoding them.
 */
public final class LineScan {
  /** Set in {@link #scan}'s result when the scanned bytes include a non-ASCII byte. */
  public static final long NON_ASCII = Long.MIN_VALUE;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;

  private LineScan() {}

  /**
   * Scans {@code [from, to)} up to the first {@code '\n'}.
   *
   * @param bytes the bytes
   * @param from where to start
   * @param to where to stop
   * @return the index of the first newline, or {@code to} when there is none, in the low 32 bits;
   *     {@link #NON_ASCII} or'ed in when a byte before that index is not ASCII
   */
  public static long scan(byte[] bytes, int from, int to) {
    long high = 0;
    int i = from;
    while (i <= to - 8) {
      long word = (long) LONGS.get(bytes, i);
      long x = word ^ NEWLINES;
      long newlines = (x - ONES) & ~x & HIGH_BITS;
      if (newlines != 0) {
        // The lowest flagged byte is exact (false positives only occur above a true zero byte).
        int k = Long.numberOfTrailingZeros(newlines) >>> 3;
        high |= word & ((1L << (k << 3)) - 1);
        return result(i + k, high);
      }
      high |= word;
      i += 8;
    }
    for (; i < to; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        break;
      }
      high |= b & 0xff;
    }
    return result(i, high);
  }

  private static long result(int index, long high) {
    return (high & HIGH_BITS) != 0 ? index | NON_ASCII : index;
  }
}
