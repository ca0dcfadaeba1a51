package dev.sigil.core.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSlotTest {
  private final byte[] line = "{\"path\":\"/usr/bin/curl\"}".getBytes(US_ASCII);

  @Test
  void aViewReadsTheBytesItWrapsWithoutCopyingThem() {
    TextSlot slot = new TextSlot(4);
    slot.wrapAscii(line, 9, 13);

    assertTrue(slot.isView());
    assertEquals(13, slot.length());
    assertEquals('/', slot.charAt(0));
    assertEquals("/usr/bin/curl", slot.toString());
    assertEquals("bin", slot.subSequence(5, 8).toString());
    assertTrue(contentEquals(slot, "/usr/bin/curl"));
    line[10] = 'x';
    assertEquals("/xsr/bin/curl", slot.toString(), "a view, not a copy");
    line[10] = 'u';
    assertThrows(IndexOutOfBoundsException.class, () -> slot.charAt(13));
  }

  @Test
  void appendingOrAskingForTheArrayTurnsAViewIntoCharactersOfItsOwn() {
    TextSlot slot = new TextSlot(4);
    slot.wrapAscii(line, 9, 4);
    slot.append('/');
    assertFalse(slot.isView());
    assertEquals("/usr/", slot.toString());

    slot.wrapAscii(line, 9, 4);
    char[] chars = slot.array();
    assertFalse(slot.isView());
    assertEquals("/usr", new String(chars, 0, slot.length()));
  }

  @Test
  void settingOrClearingEndsAView() {
    TextSlot slot = new TextSlot(4);
    slot.wrapAscii(line, 9, 4);
    slot.set("abc");
    assertFalse(slot.isView());
    assertEquals("abc", slot.toString());

    slot.wrapAscii(line, 9, 4);
    slot.clear();
    assertFalse(slot.isView());
    assertEquals(0, slot.length());
  }

  private static boolean contentEquals(CharSequence a, String b) {
    return b.contentEquals(a);
  }
}
