package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the same arbitrary bytes to the reader and to {@link JacksonReference} (jackson-core's
 * parser under the same line discipline): both must produce identical events (every field and
 * argument), reject the same lines at the same places for the same kind of reason, and count
 * alike. Malformed JSON may be worded differently (where the parsers noticed it); every other
 * reason must be the same. The seed corpus under {@code TraceeReaderDifferentialFuzzTestInputs}
 * runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TraceeReaderDifferentialFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void decodesLikeJackson(byte[] input) {
    compare(input, 1 << 20, 64, 4096, 32);
    compare(input, 200, 3, 8, 4);
  }

  static void compare(byte[] input, int maxLineBytes, int maxArgs, int maxStringChars, int maxDepth) {
    List<String> expectedEvents = new ArrayList<>();
    List<String> expectedRejections = new ArrayList<>();
    JacksonReference reference = new JacksonReference(maxLineBytes, maxArgs, maxStringChars, maxDepth,
        r -> expectedRejections.add(describe(r)));
    reference.read(input, 0, input.length, e -> expectedEvents.add(EventText.of(e)));

    List<String> events = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    TraceeReader reader = TraceeReader.builder().maxLineBytes(maxLineBytes).maxArgs(maxArgs)
        .maxStringChars(maxStringChars).maxDepth(maxDepth).onRejection(r -> rejections.add(describe(r)))
        .build();
    reader.read(input, 0, input.length, e -> events.add(EventText.of(e)));

    assertEquals(expectedRejections, rejections, "rejections");
    assertEquals(expectedEvents, events, "events");
    assertEquals(reference.stats(), reader.stats(), "counters");
  }

  private static String describe(Rejection r) {
    String reason = r.reason();
    if (reason.startsWith("malformed JSON") || reason.equals(TraceeLineDecoder.TRUNCATED)) {
      reason = "malformed";
    }
    return r.lineNumber() + "@" + r.byteOffset() + ": " + reason;
  }
}
