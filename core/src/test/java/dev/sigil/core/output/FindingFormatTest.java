package dev.sigil.core.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableMap;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.FailingOutput;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.ocsf.OcsfFindingWriter;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.tracee.TraceeFindingWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every finding writer promises, checked for each format. */
class FindingFormatTest {
  private static final SignatureMetadata METADATA = SignatureMetadata.builder("TEST-1")
      .name("Test finding").eventName("test_finding").traceeEventId(6500).build();

  private static final EventSnapshot EVENT = EventBuilder.event("magic_write")
      .origin(Origin.CONTAINER).arg("pathname", "/tmp/x").build().copy();

  private static Finding finding(Map<String, Object> data) {
    return new Finding(METADATA, Severity.MEDIUM, EVENT, ImmutableMap.copyOf(data),
        Instant.parse("2026-11-23T12:00:00Z"));
  }

  private static Finding finding(int n) {
    return finding(Map.of("n", (long) n));
  }

  /** A stream that remembers whether it was flushed or closed. */
  private static final class Watched extends ByteArrayOutputStream {
    int flushes;
    boolean closed;

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Asserts that the text is JSON Lines: each line one JSON object, nothing before or after it. */
  private static List<String> jsonLines(String text) throws IOException {
    assertTrue(text.isEmpty() || text.endsWith("\n"), "the last line ends too");
    List<String> lines = new ArrayList<>();
    JsonFactory factory = new JsonFactory();
    for (String line : text.split("\n")) {
      if (text.isEmpty()) {
        break;
      }
      assertTrue(line.startsWith("{") && line.endsWith("}"), "nothing around the object: " + line);
      try (JsonParser parser = factory.createParser(line)) {
        assertEquals(JsonToken.START_OBJECT, parser.nextToken());
        parser.skipChildren();
        assertEquals(null, parser.nextToken(), "one value per line: " + line);
      }
      lines.add(line);
    }
    return lines;
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void leavesTheStreamItWasGivenOpenAndFlushed(FindingFormat format) throws IOException {
    Watched out = new Watched();
    try (FindingWriter writer = format.open(out, false)) {
      writer.onFinding(finding(1));
    }

    assertFalse(out.closed, "the caller opened it, the caller closes it");
    assertEquals(1, out.flushes, "close flushes");
    assertEquals(1, jsonLines(out.toString(UTF_8)).size());
    out.write('x');
    assertTrue(out.toString(UTF_8).endsWith("}\nx"), "still writable after the writer closed");
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void writesCleanJsonLines(FindingFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FindingWriter writer = format.open(out)) {
      for (int i = 0; i < 3; i++) {
        writer.onFinding(finding(i));
      }
    }

    assertEquals(3, jsonLines(out.toString(UTF_8)).size());
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void aFindingThatCannotBeWrittenLeavesNothingBehind(FindingFormat format) throws IOException {
    Object unprintable = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("cannot print this");
      }
    };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("first", "fine");
    data.put("second", unprintable);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FindingWriter writer = format.open(out)) {
      writer.onFinding(finding(1));
      assertThrows(IllegalStateException.class, () -> writer.onFinding(finding(data)));
      writer.onFinding(finding(2));
    }

    List<String> lines = jsonLines(out.toString(UTF_8));
    assertEquals(2, lines.size());
    assertFalse(out.toString(UTF_8).contains("fine"), "no part of the failed line");
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void threadsSharingAWriterNeverInterleaveTheirLines(FindingFormat format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int threads = 4;
    int each = 250;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    try (FindingWriter writer = format.open(out, false)) {
      for (int t = 0; t < threads; t++) {
        Thread thread = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          for (int i = 0; i < each; i++) {
            writer.onFinding(finding(i));
          }
        });
        thread.start();
        running.add(thread);
      }
      start.countDown();
      for (Thread thread : running) {
        thread.join();
      }
    }

    assertEquals(threads * each, jsonLines(out.toString(UTF_8)).size());
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void flushesEachLineUnlessToldToGatherThem(FindingFormat format) {
    Watched eager = new Watched();
    FindingWriter flushing = format.open(eager);
    flushing.onFinding(finding(1));
    flushing.onFinding(finding(2));
    assertEquals(2, eager.flushes);

    Watched lazy = new Watched();
    FindingWriter gathering = format.open(lazy, false);
    gathering.onFinding(finding(1));
    assertEquals(0, lazy.size(), "a small line waits");
    assertEquals(0, lazy.flushes);
    gathering.flush();
    assertTrue(lazy.size() > 0);
    assertEquals(1, lazy.flushes);
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void refusesFindingsOnceClosedAndClosesOnce(FindingFormat format) {
    Watched out = new Watched();
    FindingWriter writer = format.open(out);
    writer.close();
    writer.close();

    assertEquals(1, out.flushes);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> writer.onFinding(finding(1)));
    assertTrue(e.getMessage().contains("TEST-1"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(FindingFormat.class)
  void aFailingStreamFailsTheFindingNamingItsSignature(FindingFormat format) {
    FindingWriter writer = format.open(new FailingOutput("Broken pipe"));

    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> writer.onFinding(finding(1)));
    assertTrue(e.getMessage().contains("TEST-1") && e.getMessage().contains("Broken pipe"),
        e.getMessage());
  }

  @Test
  void opensTheWriterOfEachFormat() {
    OutputStream out = OutputStream.nullOutputStream();
    assertInstanceOf(TraceeFindingWriter.class, FindingFormat.TRACEE.open(out));
    assertInstanceOf(OcsfFindingWriter.class, FindingFormat.OCSF.open(out, false));
  }

  @Test
  void namesTheFormatsAsACommandLineWritesThem() {
    assertEquals(FindingFormat.OCSF, FindingFormat.of("OCSF"));
    assertEquals(FindingFormat.TRACEE, FindingFormat.of("tracee"));
    assertEquals("ocsf", FindingFormat.OCSF.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FindingFormat.of("xml"));
    assertEquals("no finding format 'xml': use tracee or ocsf", e.getMessage());
  }
}
