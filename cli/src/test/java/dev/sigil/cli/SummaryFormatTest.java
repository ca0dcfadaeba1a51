package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFormatTest {
  private static final ScanSummary SUMMARY = new ScanSummary("demo \"quoted\".jsonl", true,
      1_234_567, 3, 7, 2, 1, 6, 4, 5, 1_234_580, 10, 98_765_432, 2_000_000_000L,
      Map.of("TRC-1022", 5L));

  @Test
  void jsonIsOneObjectStartingWithTheFiveIntegerFields() {
    String json = SummaryFormat.JSON.render(SUMMARY);

    assertFalse(json.contains("\n"), json);
    Map<String, Object> object = Json.object(json);
    assertEquals(List.of("events", "rejected", "findings", "suppressed", "signatureErrors"),
        List.copyOf(object.keySet()).subList(0, 5));
    assertEquals(1_234_567L, object.get("events"));
    assertEquals(3L, object.get("rejected"));
    assertEquals(7L, object.get("findings"));
    assertEquals(2L, object.get("suppressed"));
    assertEquals(1L, object.get("signatureErrors"));
    assertEquals("skipped", List.copyOf(object.keySet()).get(5));
    assertEquals(6L, object.get("skipped"));
    assertEquals(4L, object.get("dataProblems"));
    assertEquals(98_765_432L, object.get("bytesRead"));
    assertEquals(2_000L, object.get("elapsedMillis"));
    assertEquals(true, object.get("complete"));
    assertEquals("demo \"quoted\".jsonl", object.get("input"));
    assertEquals(Map.of("TRC-1022", 5L), object.get("findingsBySignature"));
  }

  @Test
  void textShowsEveryCountForPeople() {
    String text = SummaryFormat.TEXT.render(SUMMARY);

    assertTrue(text.startsWith("sigil scan: demo \"quoted\".jsonl read to the end in 2.00 s"), text);
    assertTrue(text.matches("(?s).*events\\s+1,234,567\\s+617,284 events/s.*"), text);
    assertTrue(text.matches("(?s).*rejected lines\\s+3\\R.*"), text);
    assertTrue(text.matches("(?s).*findings\\s+7\\s+TRC-1022: 5\\R.*"), text);
    assertTrue(text.matches("(?s).*suppressed\\s+2\\s.*"), text);
    assertTrue(text.matches("(?s).*signature errors\\s+1\\R.*"), text);
    assertTrue(text.matches("(?s).*data problems\\s+4\\s.*"), text);
    assertTrue(text.matches("(?s).*skipped lines\\s+6\\s.*"), text);
    assertFalse(text.endsWith("\n"), "the caller ends the line");
  }

  @Test
  void textSaysWhenTheInputWasNotReadToTheEnd() {
    ScanSummary stopped = new ScanSummary("-", false, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 10, 1, Map.of());

    assertTrue(SummaryFormat.TEXT.render(stopped).contains("NOT read to the end"));
    assertEquals(false, Json.object(SummaryFormat.JSON.render(stopped)).get("complete"));
  }

  @Test
  void textLeavesOutTheRateOfScansShorterThanASecond() {
    ScanSummary quick = new ScanSummary("-", true, 500, 0, 0, 0, 0, 0, 0, 0, 500, 0, 10, 999_000_000L,
        Map.of());

    String text = SummaryFormat.TEXT.render(quick);

    assertTrue(text.matches("(?s).*events\\s+500\\R.*"), text);
    assertFalse(text.contains("events/s"), text);
  }

  @Test
  void textLeavesOutProblemLinesThatAreZero() {
    ScanSummary clean = new ScanSummary("-", true, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 10, 1, Map.of());

    String text = SummaryFormat.TEXT.render(clean);

    assertFalse(text.contains("data problems"), text);
    assertFalse(text.contains("argument problems"), text);
    assertFalse(text.contains("skipped lines"), text);
  }
}
