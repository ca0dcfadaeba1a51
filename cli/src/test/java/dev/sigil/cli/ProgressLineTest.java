package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void shownOnlyForATerminalReadingAFile() {
    assertTrue(ProgressLine.wanted(true, true));
    assertFalse(ProgressLine.wanted(false, true), "stderr redirected to a file or pipe");
    assertFalse(ProgressLine.wanted(true, false), "standard input or a pipe has no total");
    assertFalse(ProgressLine.wanted(false, false));
  }

  @Test
  void drawsInPlaceAtMostFourTimesASecond() {
    ProgressLine line = new ProgressLine(err, 4096, now::get);

    line.update(100, 1);
    assertEquals("", printed(), "nothing before the first interval");
    advance(250);
    line.update(1024, 10);
    String first = printed();
    assertTrue(first.startsWith("\r1.00 KiB / 4.00 KiB (25%)  10 events  40 events/s"), first);
    advance(100);
    line.update(2048, 20);
    assertEquals(first, printed(), "no redraw within 250 ms");
    advance(150);
    line.update(2048, 20);
    assertTrue(printed().length() > first.length());
    assertFalse(printed().contains("\n"), "progress never ends a line");
  }

  @Test
  void redrawCoversALongerPreviousLine() {
    ProgressLine line = new ProgressLine(err, 1L << 40, now::get);
    advance(250);
    line.update(123_456_789_012L, 123_456_789);
    int firstWidth = printed().length() - 1;
    bytes.reset();
    advance(250);
    line.update(5, 5);

    assertEquals(1 + firstWidth, printed().length(), printed());
  }

  @Test
  void clearErasesTheLineAndIsHarmlessWhenNothingIsShown() {
    ProgressLine line = new ProgressLine(err, 4096, now::get);
    line.clear();
    assertEquals("", printed());

    advance(300);
    line.update(10, 1);
    int width = printed().length() - 1;
    bytes.reset();
    line.clear();

    assertEquals("\r" + " ".repeat(width) + "\r", printed());
  }

  @Test
  void formatsSizesInBinaryUnits() {
    assertEquals("0 B", ProgressLine.bytes(0));
    assertEquals("1023 B", ProgressLine.bytes(1023));
    assertEquals("1.00 KiB", ProgressLine.bytes(1024));
    assertEquals("15.5 MiB", ProgressLine.bytes(16_252_928));
    assertEquals("300 GiB", ProgressLine.bytes(300L << 30));
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
