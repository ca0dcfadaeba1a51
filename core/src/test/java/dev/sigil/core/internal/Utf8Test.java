package dev.sigil.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static boolean jdkAccepts(byte[] bytes, int start, int end) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void agreesWithTheJdksStrictDecoderOnRandomBytes() {
    Random random = new Random(42);
    byte[] pieces = "a\u00e4\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 50_000; round++) {
      byte[] bytes = new byte[random.nextInt(24)];
      for (int i = 0; i < bytes.length; i++) {
        int choice = random.nextInt(10);
        bytes[i] = choice < 5 ? pieces[random.nextInt(pieces.length)]
            : choice < 8 ? (byte) ('a' + random.nextInt(26)) : (byte) random.nextInt(256);
      }
      int start = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int end = start + random.nextInt(bytes.length - start + 1);
      assertEquals(jdkAccepts(bytes, start, end), Utf8.isValid(bytes, start, end),
          () -> java.util.Arrays.toString(bytes) + " [" + start + ", " + end + ")");
    }
  }

  @Test
  void rejectsOverlongFormsSurrogatesAndCodePointsAboveTheUnicodeRange() {
    byte[][] bad = {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    for (byte[] b : bad) {
      assertEquals(false, Utf8.isValid(b, 0, b.length));
    }
  }
}
