package dev.sigil.core.internal;

/**
 * JSON numbers in UTF-8 bytes: where a number ends (validating its grammar), and the value of an
 * integer, eight digits at a time (SWAR). Pure functions, kept apart from the decoders that use
 * them as jackson-core keeps {@code NumberInput} apart from its parsers.
 *
 * <p>Integers are 64-bit: int64, and uint64 above {@link Long#MAX_VALUE} kept as its
 * two's-complement bits (as Tracee prints inodes and namespace ids).
 */
public final class JsonNumbers {
  /**
   * The most digits a number may have (integer digits; for other numbers, integer, fraction and
   * exponent digits together), as jackson-core's default {@code maxNumberLength}.
   */
  public static final int MAX_DIGITS = 1000;

  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGH_NIBBLES = 0xf0f0f0f0f0f0f0f0L;
  private static final long SIXES = 0x0606060606060606L;
  private static final long LOW_SEVEN = 0x7f7f7f7f7f7f7f7fL;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long[] POWERS = {
      1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};
  /** 2^64 - 1 in digits. */
  private static final byte[] UINT64_MAX = "18446744073709551615".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** 2^63 in digits: the magnitude of {@link Long#MIN_VALUE}. */
  private static final byte[] INT64_MIN_MAGNITUDE = "9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private JsonNumbers() {}

  /**
   * Flags the bytes of a word that are not ASCII digits: the high bit of each such byte. The
   * lowest flagged byte is exact.
   *
   * @param word eight bytes, little-endian
   * @return the flags
   */
  static long nonDigits(long word) {
    // A digit is 0x30..0x39: its high nibble is 3, and adding 6 keeps it 3.
    long x = ((word & HIGH_NIBBLES) ^ ZEROS) | (((word + SIXES) & HIGH_NIBBLES) ^ ZEROS);
    return (((x & LOW_SEVEN) + LOW_SEVEN) | x) & HIGH_BITS;
  }

  /**
   * Returns where a run of ASCII digits ends.
   *
   * @param bytes the bytes
   * @param from the first byte to look at
   * @return the index of the first byte from {@code from} that is not a digit, or the array's
   *     length
   */
  public static int digitsEnd(byte[] bytes, int from) {
    int i = from;
    int wideEnd = bytes.length - 8;
    while (i <= wideEnd) {
      long flags = nonDigits(JsonBytes.longAt(bytes, i));
      if (flags != 0) {
        return i + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
      i += 8;
    }
    while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  /**
   * Parses the run of digits at {@code from} in one pass, a word at a time: the fast path for
   * runs of at most {@code maxDigits} digits (up to 23) with 24 bytes of the array from
   * {@code from}. Anything else is left to {@link #digitsEnd} and {@link #parseDigits}.
   *
   * @param bytes the bytes
   * @param from the first digit
   * @param maxDigits the most digits accepted (19 for a positive 64-bit integer: no run of 19
   *     digits exceeds 2^64 - 1)
   * @param end receives in {@code end[0]} one past the last digit, or -1 when the run is empty,
   *     longer than {@code maxDigits}, or too near the array's end
   * @return the value, modulo 2^64 (when {@code end[0] >= 0})
   */
  public static long fastDigits(byte[] bytes, int from, int maxDigits, int[] end) {
    end[0] = -1;
    if (from + 24 > bytes.length) {
      return 0;
    }
    long value = 0;
    int i = from;
    for (int words = 0; words < 3; words++) {
      long word = JsonBytes.longAt(bytes, i);
      long flags = nonDigits(word);
      if (flags != 0) {
        int k = Long.numberOfTrailingZeros(flags) >>> 3;
        int count = i + k - from;
        if (count == 0 || count > maxDigits) {
          return 0;
        }
        if (k > 0) {
          value = value * POWERS[k] + eightDigits((word - ZEROS) << ((8 - k) << 3));
        }
        end[0] = i + k;
        return value;
      }
      value = value * 100_000_000L + eightDigits(word - ZEROS);
      i += 8;
    }
    return 0;
  }

  /** The value of eight digit values (0 to 9, one per byte, the most significant lowest). */
  private static long eightDigits(long values) {
    long v = values * 10 + (values >>> 8);
    return ((v & 0x000000ff000000ffL) * 0x000f424000000064L
        + ((v >>> 16) & 0x000000ff000000ffL) * 0x0000271000000001L) >>> 32;
  }

  /**
   * Returns the value of a run of digits, modulo 2^64 (exact for anything up to 2^64 - 1, which
   * {@link #fitsInteger} tells).
   *
   * @param bytes the bytes
   * @param from the first digit
   * @param to one past the last digit
   * @return the value
   */
  public static long parseDigits(byte[] bytes, int from, int to) {
    long value = 0;
    int i = from;
    int wideEnd = bytes.length - 8;
    while (to - i >= 8) {
      value = value * 100_000_000L + eightDigits(JsonBytes.longAt(bytes, i) - ZEROS);
      i += 8;
    }
    int rest = to - i;
    if (rest > 0) {
      if (i <= wideEnd) {
        // The rest's digit values moved to the top of a word: leading zero digits below them.
        long values = (JsonBytes.longAt(bytes, i) - ZEROS) << ((8 - rest) << 3);
        value = value * POWERS[rest] + eightDigits(values);
      } else {
        for (; i < to; i++) {
          value = value * 10 + (bytes[i] - '0');
        }
      }
    }
    return value;
  }

  /**
   * Tells whether a run of digits is a 64-bit integer: up to 2^64 - 1, or when negative down to
   * -2^63.
   *
   * @param bytes the bytes
   * @param from the first digit
   * @param to one past the last digit
   * @param negative whether a minus sign precedes the digits
   * @return true when it fits
   */
  public static boolean fitsInteger(byte[] bytes, int from, int to, boolean negative) {
    int i = from;
    while (i < to - 1 && bytes[i] == '0') {
      i++; // leading zeros (a quoted eventId may have them) do not count
    }
    byte[] limit = negative ? INT64_MIN_MAGNITUDE : UINT64_MAX;
    int length = to - i;
    if (length != limit.length) {
      return length < limit.length;
    }
    for (int k = 0; k < length; k++) {
      if (bytes[i + k] != limit[k]) {
        return bytes[i + k] < limit[k];
      }
    }
    return true;
  }

  /**
   * Returns where the JSON number starting at {@code at} ends, checking its grammar
   * ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}).
   *
   * @param bytes the bytes
   * @param at the number's first byte
   * @return one past its last byte; or, when it is not a number, {@code ~position} of the byte
   *     where it went wrong
   */
  public static int numberEnd(byte[] bytes, int at) {
    int i = at;
    if (i < bytes.length && bytes[i] == '-') {
      i++;
    }
    if (i >= bytes.length) {
      return ~i;
    }
    byte first = bytes[i];
    if (first == '0') {
      i++;
      if (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
        return ~i; // leading zeros are not JSON
      }
    } else if (first >= '1' && first <= '9') {
      i = digitsEnd(bytes, i + 1);
    } else {
      return ~i;
    }
    if (i < bytes.length && bytes[i] == '.') {
      int end = digitsEnd(bytes, i + 1);
      if (end == i + 1) {
        return ~end;
      }
      i = end;
    }
    if (i < bytes.length && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < bytes.length && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int end = digitsEnd(bytes, i);
      if (end == i) {
        return ~end;
      }
      i = end;
    }
    return i;
  }

  /**
   * Counts the digits of a number that {@link #numberEnd} accepted, for {@link #MAX_DIGITS}.
   *
   * @param bytes the bytes
   * @param from its first byte
   * @param to one past its last byte
   * @return the digits in it
   */
  public static int digitCount(byte[] bytes, int from, int to) {
    int digits = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] >= '0' && bytes[i] <= '9') {
        digits++;
      }
    }
    return digits;
  }
}
