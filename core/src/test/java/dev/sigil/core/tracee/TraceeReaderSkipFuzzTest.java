package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Skipping never hides a selected event: the same arbitrary bytes are read decoding every line
 * and decoding only two event types, and every event of those types that full decoding yields
 * must come out of the skipping reader too, identical and in order, whatever the line does to
 * hide its event name (a nested object with an {@code eventName} key before the top-level one,
 * {@code "eventName"} inside a string, the key spelled with escapes or twice, or absent). What the
 * skipping reader hands on is a subsequence of what full decoding hands on, and its counters add
 * up. The seed corpus under {@code TraceeReaderSkipFuzzTestInputs} runs in every build;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class TraceeReaderSkipFuzzTest {
  private static final Set<EventType> SELECTED =
      Set.of(EventType.of("magic_write"), EventType.of("sched_process_exec"));

  static {
    EventType.of("openat"); // registered but not selected, as a type another consumer wants
  }

  @FuzzTest(maxDuration = "5m")
  void skippingNeverHidesASelectedEvent(byte[] input) {
    List<String> all = new ArrayList<>();
    List<String> allSelected = new ArrayList<>();
    List<String> allRejections = new ArrayList<>();
    TraceeReader full = TraceeReader.builder().onRejection(r -> allRejections.add(r.toString())).build();
    full.read(input, 0, input.length, e -> {
      all.add(EventText.of(e));
      if (SELECTED.contains(e.type())) {
        allSelected.add(EventText.of(e));
      }
    });

    List<String> kept = new ArrayList<>();
    List<String> keptSelected = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    TraceeReader skipping = TraceeReader.builder().decodeOnly(SELECTED)
        .onRejection(r -> rejections.add(r.toString())).build();
    skipping.read(input, 0, input.length, e -> {
      kept.add(EventText.of(e));
      if (SELECTED.contains(e.type())) {
        keptSelected.add(EventText.of(e));
      }
    });

    assertEquals(allSelected, keptSelected, "every selected event, in order");
    assertTrue(isSubsequence(kept, all), "only events full decoding yields");
    assertTrue(isSubsequence(rejections, allRejections), "only rejections full decoding makes");
    ReaderStats f = full.stats();
    ReaderStats s = skipping.stats();
    assertEquals(f.linesRead(), s.linesRead());
    assertEquals(f.blankLines(), s.blankLines());
    assertEquals(f.bytesRead(), s.bytesRead());
    assertEquals(s.linesRead() - s.blankLines(), s.events() + s.rejected() + s.skipped(), s::toString);
    assertEquals(f.events() + f.rejected(), s.events() + s.rejected() + s.skipped());

    TraceeReader streamed = TraceeReader.builder().decodeOnly(SELECTED).build();
    try {
      streamed.read(new TraceeReaderTest.ChunkedInputStream(input, 5), (Event e) -> { });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(s, streamed.stats(), "the stream path agrees with the buffer path");
  }

  private static boolean isSubsequence(List<String> part, List<String> whole) {
    int i = 0;
    for (String item : whole) {
      if (i < part.size() && part.get(i).equals(item)) {
        i++;
      }
    }
    return i == part.size();
  }
}
