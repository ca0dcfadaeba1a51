package dev.sigil.core.tracee;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Decoding on several threads hands on exactly what one thread does, in the same order. */
class TraceeReaderParallelTest {

  /** Everything a read produced, as text. */
  record Outcome(List<String> events, List<Rejection> rejections, ReaderStats stats) {}

  /** Good lines, bad lines, blank lines, a long line, CRLF, and no newline at the end. */
  static byte[] input(int copies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] mixed = TraceeReaderTest.resource("v024-mixed.jsonl");
    byte[] old = TraceeReaderTest.resource("old-shape.jsonl");
    for (int i = 0; i < copies; i++) {
      out.writeBytes(mixed);
      out.writeBytes(("\n  \r\nnot json\n{\"eventId\":\"" + i + "\",\"timestamp\":" + i + "}\r\n").getBytes(UTF_8));
      out.writeBytes(old);
      if (i % 7 == 3) {
        out.writeBytes(("{\"processName\":\"" + "x".repeat(3000) + "\"}\n").getBytes(UTF_8));
      }
      out.writeBytes("{\"timestamp\":\"yesterday\"}\n[1]\n".getBytes(UTF_8));
    }
    out.writeBytes("{\"eventId\":\"99\",\"eventName\":\"magic_write\"}".getBytes(UTF_8));
    return out.toByteArray();
  }

  static Outcome readBuffer(TraceeReader.Builder builder, byte[] input) {
    List<String> events = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    TraceeReader reader = builder.onRejection(rejections::add).build();
    reader.read(input, 0, input.length, e -> events.add(EventText.of(e)));
    return new Outcome(events, rejections, reader.stats());
  }

  static Outcome readStream(TraceeReader.Builder builder, InputStream in) {
    List<String> events = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    TraceeReader reader = builder.onRejection(rejections::add).build();
    try {
      reader.read(in, e -> events.add(EventText.of(e)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(events, rejections, reader.stats());
  }

  private static TraceeReader.Builder limits() {
    return TraceeReader.builder().maxLineBytes(2000);
  }

  @Test
  void handsOnWhatOneThreadDoesFromABuffer() {
    byte[] input = input(40);
    Outcome expected = readBuffer(limits(), input);
    assertTrue(expected.stats().rejected() > 40 && expected.stats().events() > 200, expected.stats()::toString);
    for (int batch : new int[] {50, 333, 4096}) {
      for (int threads : new int[] {2, 3}) {
        Outcome parallel = readBuffer(limits().threads(threads).batchBytes(batch), input);
        assertEquals(expected, parallel, threads + " threads, batches of " + batch + " bytes");
      }
    }
  }

  @Test
  void handsOnWhatOneThreadDoesFromAStream() {
    byte[] input = input(40);
    Outcome expected = readBuffer(limits(), input);
    for (int chunk : new int[] {1, 7, 1000, 1 << 20}) {
      for (int batch : new int[] {64, 4096}) {
        Outcome parallel = readStream(limits().threads(3).batchBytes(batch),
            new TraceeReaderTest.ChunkedInputStream(input, chunk));
        assertEquals(expected, parallel, "reads of " + chunk + ", batches of " + batch);
      }
    }
  }

  @Test
  void skipsLinesLongerThanTheLimitWithoutBufferingThem() {
    byte[] huge = new byte[3 << 20];
    java.util.Arrays.fill(huge, (byte) 'x');
    byte[] tail = "\n{\"timestamp\":1,\"eventId\":\"9\",\"eventName\":\"openat\"}\n".getBytes(UTF_8);
    byte[] input = new byte[huge.length + tail.length];
    System.arraycopy(huge, 0, input, 0, huge.length);
    System.arraycopy(tail, 0, input, huge.length, tail.length);
    Outcome parallel = readStream(TraceeReader.builder().maxLineBytes(1024).threads(2).batchBytes(512),
        new ByteArrayInputStream(input));
    assertEquals(List.of(new Rejection(1, 0, "line longer than 1024 bytes")), parallel.rejections());
    assertEquals(1, parallel.events().size());
    assertEquals(input.length, parallel.stats().bytesRead());
  }

  @Test
  void skipsUnselectedLinesAsOneThreadDoes() {
    byte[] input = input(20);
    TraceeReader.Builder skipping = limits().decodeOnly(List.of(dev.sigil.core.EventType.of("magic_write")));
    Outcome expected = readBuffer(skipping, input);
    assertTrue(expected.stats().skipped() > 0);
    assertEquals(expected, readBuffer(limits().decodeOnly(List.of(dev.sigil.core.EventType.of("magic_write")))
        .threads(2).batchBytes(100), input));
  }

  @Test
  void stopsAfterTheCurrentLine() {
    byte[] input = input(40);
    TraceeReader reader = TraceeReader.builder().threads(2).batchBytes(100).build();
    List<Integer> seen = new ArrayList<>();
    reader.read(input, 0, input.length, e -> {
      seen.add(e.eventId());
      if (seen.size() == 10) {
        reader.stop();
      }
    });
    assertEquals(10, seen.size());
    assertEquals(10, reader.stats().events());
  }

  /** Records, in order, what each event looked like when a signature saw it. */
  static final class Recorder extends FixedSignature {
    final List<String> seen = new ArrayList<>();

    Recorder() {
      super(SignatureMetadata.builder("REC-1").build(),
          List.of(Selector.event("magic_write"), Selector.event("sched_process_exec")));
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      seen.add(EventText.of(event));
      if (event.eventId() % 3 == 0) {
        context.report(event, Map.of("n", seen.size()));
      }
    }
  }

  @Test
  void anEngineSeesAndFindsExactlyWhatItDoesWithOneThread() throws IOException {
    byte[] input = input(60);
    List<String> findings1 = new ArrayList<>();
    Recorder one = new Recorder();
    Engine engine1 = Engine.builder().add(one).onFinding(f -> findings1.add(f.data().toString())).build();
    TraceeReader.builder().decodeOnlySelectedBy(engine1).build()
        .read(new ByteArrayInputStream(input), consumer(engine1));

    List<String> findings3 = new ArrayList<>();
    Recorder three = new Recorder();
    Engine engine3 = Engine.builder().add(three).onFinding(f -> findings3.add(f.data().toString())).build();
    TraceeReader.builder().decodeOnlySelectedBy(engine3).threads(3).batchBytes(200).build()
        .read(new ByteArrayInputStream(input), consumer(engine3));

    assertTrue(one.seen.size() > 100, "events seen: " + one.seen.size());
    assertEquals(one.seen, three.seen);
    assertEquals(findings1, findings3);
    assertEquals(engine1.stats(), engine3.stats());
  }

  private static Consumer<Event> consumer(Engine engine) {
    return engine::accept;
  }
}
