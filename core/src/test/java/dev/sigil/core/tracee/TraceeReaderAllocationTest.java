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

  /**
   * Several threads: what a read allocates (the decoding threads themselves, a few queues) does
   * not grow with the events it reads. Measured on the reading thread and on the decoding threads.
   */
  @Test
  void decodesOnSeveralThreadsWithoutAllocatingPerEvent() {
    byte[] small = buffer(1000);
    byte[] large = buffer(3000);
    TraceeReader reader = TraceeReader.builder().threads(2).batchBytes(64 * 1024)
        .measureDecodingThreads().build();
    Sink sink = new Sink();
    for (int i = 0; i < 30; i++) {
      reader.read(large, 0, large.length, sink);
    }
    long[] smallAndLarge = new long[2];
    for (int attempt = 0; attempt < 3; attempt++) {
      long[] measured = {perRead(reader, small, sink), perRead(reader, large, sink)};
      if (attempt == 0 || measured[1] - measured[0] < smallAndLarge[1] - smallAndLarge[0]) {
        smallAndLarge = measured;
      }
    }
    long extraEvents = 6 * 2000;
    assertTrue(smallAndLarge[1] - smallAndLarge[0] < extraEvents / 10,
        "a read of 12,000 more events allocated " + (smallAndLarge[1] - smallAndLarge[0])
            + " more bytes (reads of 6,000 and 18,000 events: " + smallAndLarge[0] + " and "
            + smallAndLarge[1] + " bytes)");
    assertEquals(0, reader.stats().rejected());
  }

  /** Bytes one parallel read allocates, on every thread, averaged over 10 reads. */
  private static long perRead(TraceeReader reader, byte[] input, Sink sink) {
    long workersBefore = reader.decodingThreadAllocations();
    long reading = AllocationMeter.allocatedBytes(10, i -> reader.read(input, 0, input.length, sink));
    return (reading + reader.decodingThreadAllocations() - workersBefore) / 10;
  }

  @Test
  void readsFieldsOfStructuredArgumentsWithoutAllocating() {
    String connect = "{\"timestamp\":1,\"eventName\":\"security_socket_connect\",\"args\":["
        + "{\"name\":\"remote_addr\",\"type\":\"struct sockaddr*\",\"value\":"
        + "{\"sa_family\":\"AF_INET\",\"sin_addr\":\"10.0.0.1\",\"sin_port\":\"53\"}}]}\n";
    String hooked = "{\"timestamp\":2,\"eventName\":\"hooked_proc_fops\",\"args\":["
        + "{\"name\":\"hooked_fops_pointers\",\"type\":\"[]trace.HookedSymbolData\",\"value\":"
        + "[{\"SymbolName\":\"iterate_shared\",\"ModuleOwner\":\"rk\"},"
        + "{\"SymbolName\":\"read\",\"ModuleOwner\":\"rk\\u0021\"}]}]}\n";
    byte[] input = (connect + hooked).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int[] lineStarts = lineStarts(input);
    ArgKey remote = ArgKey.of("remote_addr");
    ArgKey pointers = ArgKey.of("hooked_fops_pointers");
    long[] checksum = new long[1];
    Consumer<Event> fields = e -> {
      CharSequence address = e.field(remote, "sin_addr");
      if (address != null) {
        checksum[0] += address.length() + e.field(remote, "sa_family").length();
      }
      for (int i = 0; i < e.elementCount(pointers); i++) {
        checksum[0] += e.field(pointers, i, "ModuleOwner").length();
      }
    };
    TraceeReader reader = TraceeReader.builder().build();
    AllocationMeter.assertZeroAllocation("reading fields of structured arguments", 1_000_000, i -> {
      int line = (int) (i % 2);
      reader.read(input, lineStarts[line], lineStarts[line + 1] - lineStarts[line], fields);
    });
    assertEquals(0, reader.stats().rejected());
    assertTrue(checksum[0] > 0);
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
