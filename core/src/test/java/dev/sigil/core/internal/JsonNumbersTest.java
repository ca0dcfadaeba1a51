package dev.sigil.core.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
  private static byte[] ascii(String s) {
    return s.getBytes(US_ASCII);
  }

  @Test
  void parsesEveryLengthAtEveryAlignmentAndNearTheArraysEnd() {
    Random random = new Random(7);
    for (int length = 1; length <= 20; length++) {
      for (int shift = 0; shift < 9; shift++) {
        for (String tail : new String[] {"", ",", "}x", "0000000000"}) {
          StringBuilder digits = new StringBuilder();
          digits.append((char) ('1' + random.nextInt(9)));
          for (int i = 1; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
          }
          String text = "x".repeat(shift) + digits + (tail.startsWith("0") ? "" : tail);
          byte[] bytes = ascii(text);
          int end = JsonNumbers.digitsEnd(bytes, shift);
          assertEquals(shift + length, end, text);
          long expected = new BigInteger(digits.toString()).longValue(); // modulo 2^64
          assertEquals(expected, JsonNumbers.parseDigits(bytes, shift, end), text);
        }
      }
    }
  }

  @Test
  void tellsWhichIntegersFitSixtyFourBits() {
    assertTrue(fits("18446744073709551615", false));
    assertFalse(fits("18446744073709551616", false));
    assertTrue(fits("9223372036854775808", true));
    assertFalse(fits("9223372036854775809", true));
    assertTrue(fits("0000000000000000000000042", false), "leading zeros of a quoted id");
    assertFalse(fits("123456789012345678901", false));
    assertEquals(-1L, JsonNumbers.parseDigits(ascii("18446744073709551615"), 0, 20), "kept as its bits");
  }

  private static boolean fits(String digits, boolean negative) {
    return JsonNumbers.fitsInteger(ascii(digits), 0, digits.length(), negative);
  }

  @Test
  void checksTheGrammarOfNumbers() {
    for (String ok : new String[] {"0", "-0", "7", "-12", "1.5", "1e9", "1E+9", "-1.25e-3", "0.0"}) {
      assertEquals(ok.length(), JsonNumbers.numberEnd(ascii(ok + ","), 0), ok);
    }
    for (String bad : new String[] {"-", "01", "-01", "1.", ".5", "1e", "1e+", "+1", "-x"}) {
      assertTrue(JsonNumbers.numberEnd(ascii(bad + ","), 0) < 0, bad);
    }
  }

  @Test
  void flagsNonDigitsExactlyAtTheLowestOne() {
    for (int i = 0; i < 256; i++) {
      byte[] word = ascii("12345678");
      word[3] = (byte) i;
      long flags = JsonNumbers.nonDigits(JsonBytes.longAt(word, 0));
      boolean digit = i >= '0' && i <= '9';
      assertEquals(digit ? 8 : 3, flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3, "byte " + i);
    }
  }
}
