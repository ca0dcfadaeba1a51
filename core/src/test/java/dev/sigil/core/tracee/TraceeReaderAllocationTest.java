package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.testing.AllocationMeter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class TraceeReaderAllocationTest {
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey ARGV = ArgKey.of("argv");

  /** Touches what a signature would read, so that nothing is optimised away. */
  static final class Sink implements Consumer<Event> {
    long events;
    long checksum;

    @Override
    public void accept(Event e) {
      events++;
      checksum += e.timestamp() + e.argCount() + e.containerId().length() + e.origin().ordinal();
      var bytes = e.bytes(BYTES);
      if (bytes != null) {
        checksum += bytes.byteAt(0);
      }
      var argv = e.strings(ARGV);
      if (argv != null) {
        checksum += argv.size();
      }
    }
  }

  /** The fixture lines repeated into one buffer of about 64 KiB. */
  private static byte[] buffer(int linesOfFixtures) {
    byte[] mixed = TraceeReaderTest.resource("v024-mixed.jsonl");
    byte[] old = TraceeReaderTest.resource("old-shape.jsonl");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < linesOfFixtures; i++) {
      out.writeBytes(mixed);
      out.writeBytes(old);
    }
    return out.toByteArray();
  }

  @Test
  void decodesAMillionEventsFromABufferWithoutAllocating() {
    byte[] input = buffer(10);
    int[] lineStarts = lineStarts(input);
    int lines = lineStarts.length - 1;
    TraceeReader reader = TraceeReader.builder().build();
    Sink sink = new Sink();
    AllocationMeter.assertZeroAllocation("TraceeReader.read(byte[]) per line", 1_000_000, i -> {
      int line = (int) (i % lines);
      reader.read(input, lineStarts[line], lineStarts[line + 1] - lineStarts[line], sink);
    });
    ReaderStats stats = reader.stats();
    assertEquals(0, stats.rejected());
    assertEquals(0, stats.argProblems());
    assertTrue(stats.events() >= 1_500_000, "events decoded: " + stats.events());
  }

  @Test
  void decodesEventsFromAStreamWithoutAllocatingPerLine() {
    byte[] input = buffer(100);
    int eventsPerRead = 6 * 100;
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    TraceeReader reader = TraceeReader.builder().build();
    Sink sink = new Sink();
    LongConsumer readAll = i -> {
      in.reset();
      try {
        reader.read(in, sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    // Each operation reads the whole stream (600 events), so the meter's default warm-up of
    // 200,000 operations would take minutes: warm up and measure by hand instead.
    for (long i = 0; i < 1_000; i++) {
      readAll.accept(i);
    }
    long reads = 2_000;
    long before = reader.stats().events();
    long best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best > 0; attempt++) {
      best = Math.min(best, AllocationMeter.allocatedBytes(reads, readAll));
    }
    assertEquals(0, best, "bytes allocated reading " + reads * eventsPerRead + " events from a stream");
    assertEquals(0, reader.stats().rejected());
    assertTrue(reader.stats().events() - before >= reads * eventsPerRead, "events decoded: " + reader.stats().events());
  }

  private static int[] lineStarts(byte[] input) {
    int count = 0;
    for (byte b : input) {
      if (b == '\n') {
        count++;
      }
    }
    int[] starts = new int[count + 1];
    int line = 1;
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
