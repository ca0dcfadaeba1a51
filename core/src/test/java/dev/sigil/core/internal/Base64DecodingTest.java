package dev.sigil.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64DecodingTest {

  @Test
  void decodesWhatTheJdkEncodesFromCharactersAndFromAsciiBytesAtAnOffset() {
    Random random = new Random(7);
    ByteSlot fromChars = new ByteSlot(1);
    ByteSlot fromBytes = new ByteSlot(1);
    for (int length = 0; length < 100; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      char[] text = Base64.getEncoder().encodeToString(bytes).toCharArray();
      byte[] line = new byte[text.length + 5];
      System.arraycopy(Base64.getEncoder().encode(bytes), 0, line, 3, text.length);
      assertEquals(true, Base64Decoding.decode(text, 0, text.length, fromChars));
      assertEquals(true, Base64Decoding.decode(line, 3, text.length, fromBytes));
      assertArrayEquals(bytes, fromChars.toByteArray());
      assertArrayEquals(bytes, fromBytes.toByteArray());
    }
  }

  @Test
  void refusesWhatTheStandardPaddedAlphabetDoesNot() {
    ByteSlot slot = new ByteSlot(4);
    for (String bad : new String[] {"A", "AB", "ABC", "AB=C", "A===", "====", "AB-_", "ABC\u00e4", "AB C"}) {
      char[] text = bad.toCharArray();
      assertEquals(false, Base64Decoding.decode(text, 0, text.length, slot), bad);
      byte[] utf8 = bad.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(false, Base64Decoding.decode(utf8, 0, utf8.length, slot), bad);
    }
  }
}
