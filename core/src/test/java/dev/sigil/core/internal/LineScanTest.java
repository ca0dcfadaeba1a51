package dev.sigil.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineScanTest {

  private static long byteByByte(byte[] bytes, int from, int to) {
    boolean nonAscii = false;
    int i = from;
    for (; i < to && bytes[i] != '\n'; i++) {
      nonAscii |= bytes[i] < 0;
    }
    return nonAscii ? i | LineScan.NON_ASCII : i;
  }

  @Test
  void findsTheFirstNewlineAndNoticesNonAsciiBytesAsAByteLoopDoes() {
    Random random = new Random(20261123);
    byte[] alphabet = {'a', '{', '"', '\n', '\r', ' ', (byte) 0xc3, (byte) 0xa4, (byte) 0x80, 0x0a ^ 0x01, (byte) 0x8a};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      int density = 1 + random.nextInt(alphabet.length);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(density)] : (byte) ('a' + random.nextInt(26));
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertEquals(byteByByte(bytes, from, to), LineScan.scan(bytes, from, to),
          () -> java.util.Arrays.toString(bytes) + " from " + from + " to " + to);
    }
  }

  @Test
  void ignoresNonAsciiBytesAfterTheNewline() {
    byte[] bytes = "abcdefgh\n\u00e4bcdefghijk".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(8, LineScan.scan(bytes, 0, bytes.length));
    assertEquals(bytes.length | LineScan.NON_ASCII, LineScan.scan(bytes, 9, bytes.length));
  }
}
