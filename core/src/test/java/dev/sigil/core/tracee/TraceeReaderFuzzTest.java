package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Feeds arbitrary bytes to the reader: it must never throw, must account for every line, and
 * must read the same from a buffer, from a stream, and on several threads.
 * The seed corpus under {@code TraceeReaderFuzzTestInputs} runs as a regression test in every
 * build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TraceeReaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void accountsForEveryLineOfArbitraryBytes(byte[] input) {
    long nonBlankLines = nonBlankLines(input);
    for (TraceeReader.Builder builder : new TraceeReader.Builder[] {
        TraceeReader.builder(),
        TraceeReader.builder().maxLineBytes(200).maxArgs(3).maxStringChars(8).maxDepth(4),
        TraceeReader.builder().decodeOnly(java.util.Set.of(dev.sigil.core.EventType.of("magic_write")))}) {
      TraceeReader reader = builder.build();
      long[] sinkCalls = {0};
      reader.read(input, 0, input.length, e -> {
        sinkCalls[0]++;
        e.origin();
        for (int i = 0; i < e.argCount(); i++) {
          e.argKind(i);
          e.rawJson(i);
          e.argName(i).length();
        }
      });
      ReaderStats stats = reader.stats();
      assertEquals(nonBlankLines, stats.events() + stats.rejected() + stats.skipped(), stats::toString);
      assertEquals(stats.events(), sinkCalls[0]);
      assertEquals(input.length, stats.bytesRead());

      TraceeReader streamed = builder.build();
      try {
        streamed.read(new TraceeReaderTest.ChunkedInputStream(input, 7), e -> { });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertEquals(stats, streamed.stats(), "the stream path agrees with the buffer path");
    }
    // Several threads, cutting the input into batches of a few lines, hand on what one does.
    TraceeReaderParallelTest.Outcome one = TraceeReaderParallelTest.readBuffer(TraceeReader.builder(), input);
    assertEquals(one, TraceeReaderParallelTest.readBuffer(
        TraceeReader.builder().threads(2).batchBytes(16), input), "parallel, from the buffer");
    assertEquals(one, TraceeReaderParallelTest.readStream(TraceeReader.builder().threads(2).batchBytes(16),
        new TraceeReaderTest.ChunkedInputStream(input, 13)), "parallel, from a stream");
  }

  /** Counts the lines holding anything but spaces, tabs and carriage returns. */
  static long nonBlankLines(byte[] input) {
    long count = 0;
    boolean blank = true;
    for (byte b : input) {
      if (b == '\n') {
        if (!blank) {
          count++;
        }
        blank = true;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        blank = false;
      }
    }
    return blank ? count : count + 1;
  }
}
