package dev.sigil.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Character classes of JSON text in UTF-8 bytes, and the scans built on them, eight bytes at a
 * time where that pays (SWAR on {@code long}s read through a {@link VarHandle}): the pure,
 * stateless part of reading JSON, kept apart from the decoders that use it as jackson-core keeps
 * {@code CharTypes} apart from its parsers.
 *
 * <p>The scans rely on the line discipline of their callers: a line ends in {@code '\n'}, which no
 * scan passes (it is a control character inside a string, and not whitespace here), so they need
 * no bound but the array's.
 */
public final class JsonBytes {
  /** Reads eight bytes as one little-endian {@code long} (byte {@code i} is bits {@code 8i..8i+7}). */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
  private static final long SPACES = 0x2020202020202020L;

  private JsonBytes() {}

  /**
   * Reads eight bytes as a little-endian {@code long}.
   *
   * @param bytes the bytes
   * @param at the first byte; {@code at + 8} must not exceed the array's length
   * @return the bytes, {@code bytes[at]} in the low eight bits
   */
  public static long longAt(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  /**
   * Flags the bytes of a word equal to a byte value: the high bit of each such byte is set. Bytes
   * above the lowest flagged one may be flagged falsely; the lowest is exact.
   *
   * @param word eight bytes
   * @param repeated the byte value repeated in all eight bytes
   * @return the flags
   */
  public static long equalBytes(long word, long repeated) {
    long x = word ^ repeated;
    return (x - ONES) & ~x & HIGH_BITS;
  }

  /**
   * Flags the bytes of a word that interrupt a plain string: {@code '"'}, {@code '\\'}, a control
   * character (below 0x20, the line's {@code '\n'} among them) or a byte of a non-ASCII character.
   * The lowest flagged byte is exact.
   *
   * @param word eight bytes
   * @return the flags (the high bit of each flagged byte)
   */
  public static long stringStops(long word) {
    long quotes = word ^ QUOTES;
    long backslashes = word ^ BACKSLASHES;
    return ((quotes - ONES) & ~quotes
        | (backslashes - ONES) & ~backslashes
        | (word - SPACES) & ~word
        | word) & HIGH_BITS;
  }

  /**
   * Returns the index of the first byte, from {@code from}, that interrupts a plain string (see
   * {@link #stringStops(long)}). A line's {@code '\n'} is such a byte, so the scan never leaves
   * the line it started in.
   *
   * @param bytes the bytes
   * @param from where to start
   * @return the index, or {@code bytes.length} when there is none
   */
  public static int stringStop(byte[] bytes, int from) {
    int i = from;
    int wideEnd = bytes.length - 8;
    while (i <= wideEnd) {
      long stops = stringStops((long) LONGS.get(bytes, i));
      if (stops != 0) {
        return i + (Long.numberOfTrailingZeros(stops) >>> 3);
      }
      i += 8;
    }
    for (; i < bytes.length; i++) {
      int b = bytes[i];
      if (b == '"' || b == '\\' || (b & 0xff) < 0x20 || b < 0) {
        return i;
      }
    }
    return i;
  }

  /**
   * Tells whether a byte is JSON whitespace within a line: space, tab or carriage return (a
   * newline ends the line).
   *
   * @param b the byte
   * @return true for whitespace
   */
  public static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /**
   * Skips whitespace within a line.
   *
   * @param bytes the bytes
   * @param from where to start
   * @return the index of the first byte that is not whitespace (the line's {@code '\n'} at the
   *     latest)
   */
  public static int skipSpace(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && isSpace(bytes[i])) {
      i++;
    }
    return i;
  }

  /**
   * Tells whether a byte may start a JSON value.
   *
   * @param b the byte
   * @return true for <code>{ [ " -</code>, a digit, or the first letter of {@code true false null}
   */
  public static boolean startsValue(byte b) {
    return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9')
        || b == 't' || b == 'f' || b == 'n';
  }

  /**
   * Returns the value of a hexadecimal digit.
   *
   * @param b the byte
   * @return 0 to 15, or -1 when not a hexadecimal digit
   */
  public static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /**
   * Tells whether {@code bytes} holds {@code pattern} at {@code at}, comparing eight bytes at a
   * time. Reading past the line is harmless: a pattern never holds {@code '\n'}, so it cannot
   * match across a line's end.
   *
   * @param bytes the bytes
   * @param at where to compare
   * @param pattern the pattern as little-endian words ({@link #words(byte[])})
   * @param length the pattern's length in bytes
   * @return true when the bytes match
   */
  public static boolean matches(byte[] bytes, int at, long[] pattern, int length) {
    int full = length >>> 3;
    if (at + ((length + 7) & ~7) <= bytes.length) {
      for (int w = 0; w < full; w++) {
        if ((long) LONGS.get(bytes, at + w * 8) != pattern[w]) {
          return false;
        }
      }
      int rest = length & 7;
      if (rest == 0) {
        return true;
      }
      long mask = (1L << (rest << 3)) - 1;
      return ((long) LONGS.get(bytes, at + full * 8) & mask) == pattern[full];
    }
    if (at + length > bytes.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[at + i] != (byte) (pattern[i >>> 3] >>> ((i & 7) << 3))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Packs bytes into little-endian words for {@link #matches}, the last word zero-padded.
   *
   * @param bytes the pattern
   * @return the words
   */
  public static long[] words(byte[] bytes) {
    long[] words = new long[(bytes.length + 7) >>> 3];
    for (int i = 0; i < bytes.length; i++) {
      words[i >>> 3] |= (bytes[i] & 0xffL) << ((i & 7) << 3);
    }
    return words;
  }
}
