package dev.sigil.core.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonBytesTest {
  @Test
  void stopsAStringAtQuotesBackslashesControlAndNonAsciiBytesWhereverTheyAre() {
    for (int stop = 0; stop < 256; stop++) {
      boolean stops = stop == '"' || stop == '\\' || stop < 0x20 || stop >= 0x80;
      for (int at = 0; at < 20; at++) {
        byte[] bytes = "abcdefghijklmnopqrstuvwxyz".getBytes(US_ASCII);
        bytes[at] = (byte) stop;
        int found = JsonBytes.stringStop(bytes, 0);
        assertEquals(stops ? at : bytes.length, found, "byte " + stop + " at " + at);
      }
    }
  }

  @Test
  void matchesPatternsOfAnyLengthUpToTheArraysEnd() {
    byte[] line = "{\"timestamp\":1,\"processName\":\"x\"}".getBytes(US_ASCII);
    byte[] pattern = "\"processName\":".getBytes(US_ASCII);
    long[] words = JsonBytes.words(pattern);
    assertTrue(JsonBytes.matches(line, 15, words, pattern.length));
    assertFalse(JsonBytes.matches(line, 14, words, pattern.length));
    byte[] end = "xx\"processName\":".getBytes(US_ASCII);
    assertTrue(JsonBytes.matches(end, 2, words, pattern.length), "the byte-wise path at the array's end");
    assertFalse(JsonBytes.matches(end, 3, words, pattern.length));
  }

  @Test
  void flagsEqualBytesExactlyAtTheLowestOne() {
    byte[] word = "ab\nc\nd\n\n".getBytes(US_ASCII);
    long flags = JsonBytes.equalBytes(JsonBytes.longAt(word, 0), 0x0a0a0a0a0a0a0a0aL);
    assertEquals(2, Long.numberOfTrailingZeros(flags) >>> 3);
  }
}
