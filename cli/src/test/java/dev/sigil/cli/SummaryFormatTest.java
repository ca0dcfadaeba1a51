package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFormatTest {
  private static final ScanSummary SUMMARY = summary("demo \"quoted\".jsonl", true,
      1_234_567, 3, 7, 2, 1, 4, 5, 1_234_580, 10, 98_765_432, 2_000_000_000L,
      Map.of("TRC-1022", 5L));
  private static final Map<String, Long> NONE = Map.of();

  /** A summary of a Tracee input with every finding written and no rejection reasons. */
  static ScanSummary summary(String input, boolean complete, long events, long rejected,
      long findings, long suppressed, long signatureErrors, long dataProblems, long argProblems,
      long linesRead, long blankLines, long bytesRead, long elapsedNanos,
      Map<String, Long> findingsBySignature) {
    return new ScanSummary(input, "tracee", complete, events, rejected, findings, 0, suppressed,
        signatureErrors, dataProblems, argProblems, linesRead, blankLines, 0, 0, bytesRead,
        elapsedNanos, findingsBySignature, Map.of(), Map.of());
  }

  /** A summary whose signatures counted something of their own. */
  static ScanSummary withCounters(Map<String, Map<String, Long>> counters) {
    return new ScanSummary("demo.jsonl", "tracee", true, 10, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0,
        1_000, 1_000_000, Map.of(), Map.of(), counters);
  }

  private static final Map<String, Map<String, Long>> COUNTERS = Map.of("SGL-1001",
      new java.util.LinkedHashMap<>(Map.of("scriptInodeEvictions", 100_000L)), "TRC-1013",
      Map.of("evictions", 3L));

  @Test
  void jsonHoldsEverySignaturesCountersByItsId() {
    Map<String, Object> object = Json.object(SummaryFormat.JSON.render(withCounters(COUNTERS)));

    assertEquals(Map.of("SGL-1001", Map.of("scriptInodeEvictions", 100_000L),
        "TRC-1013", Map.of("evictions", 3L)), object.get("countersBySignature"));
  }

  @Test
  void textShowsEverySignaturesCountersUnderItsId() {
    String text = SummaryFormat.TEXT.render(withCounters(COUNTERS));

    assertTrue(text.matches("(?s).*SGL-1001 counters\\s+scriptInodeEvictions 100,000(\\R.*|$)"), text);
    assertTrue(text.matches("(?s).*TRC-1013 counters\\s+evictions 3(\\R.*|$)"), text);
  }

  @Test
  void textWrapsALongListOfCountersIntoLinesOfAHundredCharacters() {
    Map<String, Long> many = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("counterNumber" + i, 1_000_000L + i);
    }

    String text = SummaryFormat.TEXT.render(withCounters(Map.of("SGL-1001", many)));

    List<String> lines = text.lines().filter(l -> l.contains("counterNumber")).toList();
    assertTrue(lines.size() > 3, text);
    assertTrue(lines.stream().allMatch(l -> l.length() <= 101), text);
    assertTrue(text.contains("counterNumber19 1,000,019"), text);
  }

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
    assertFalse(text.endsWith("\n"), "the caller ends the line");
  }

  @Test
  void textSaysWhenTheInputWasNotReadToTheEnd() {
    ScanSummary stopped = summary("-", false, 1, 0, 0, 0, 0, 0, 0, 1, 0, 10, 1, NONE);

    assertTrue(SummaryFormat.TEXT.render(stopped).contains("NOT read to the end"));
    assertEquals(false, Json.object(SummaryFormat.JSON.render(stopped)).get("complete"));
  }

  @Test
  void textLeavesOutTheRateOfScansShorterThanASecond() {
    ScanSummary quick = summary("-", true, 500, 0, 0, 0, 0, 0, 0, 500, 0, 10, 999_000_000L,
        NONE);

    String text = SummaryFormat.TEXT.render(quick);

    assertTrue(text.matches("(?s).*events\\s+500\\R.*"), text);
    assertFalse(text.contains("events/s"), text);
  }

  @Test
  void textLeavesOutProblemLinesThatAreZero() {
    ScanSummary clean = summary("-", true, 1, 0, 0, 0, 0, 0, 0, 1, 0, 10, 1, NONE);

    String text = SummaryFormat.TEXT.render(clean);

    assertFalse(text.contains("data problems"), text);
    assertFalse(text.contains("argument problems"), text);
  }
}
