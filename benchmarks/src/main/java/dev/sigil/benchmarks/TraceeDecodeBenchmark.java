package dev.sigil.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigil.benchmarks.events.EventMix;
import dev.sigil.benchmarks.events.GeneratedEvent;
import dev.sigil.benchmarks.events.InMemoryEvents;
import dev.sigil.benchmarks.events.TraceeLineWriter;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.tracee.ReaderStats;
import dev.sigil.core.tracee.TraceeReader;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tracee JSON in: an in-memory NDJSON buffer of a node's activity (v0.24 lines, about 1% of
 * events firing TRC-1022), per event.
 *
 * <ul>
 *   <li>{@code tokenScanFloor}: jackson-core's {@code nextToken()} over the buffer, touching
 *       nothing: the floor for any Jackson-based decoder.
 *   <li>{@code tokenScanNonBlocking}: the same scan with jackson-core's non-blocking parser fed
 *       one line at a time, the design {@link TraceeReader} first used: kept to show why it now
 *       uses the blocking parser.
 *   <li>{@code decode}: Sigil's {@link TraceeReader} decoding every line into its reused event
 *       (as with a wildcard selector: no line skipped).
 *   <li>{@code skipUnselected}: the reader over a buffer of lines no built-in signature selects
 *       (the realistic mix without the selected event types): each line's {@code eventName} is
 *       found and the line skipped undecoded.
 *   <li>{@code decodeAndMatch}: decoding plus an engine with all built-in signatures, the reader
 *       skipping the lines they do not select (as {@code sigil scan} does).
 *   <li>{@code decodeAndMatchQuiet}: the same over the {@code quiet} mix (nothing fires): what
 *       decoding and matching cost where no finding is made.
 *   <li>{@code databindMap}: what a user writes without Sigil: jackson-databind
 *       {@code readValue} into a {@code Map} per line, then TRC-1022's check on the map.
 * </ul>
 *
 * <p>MB/s = (bytes per event, printed at setup) / (ns per event) × 1000; {@code skipUnselected}
 * has a buffer, and bytes per event, of its own.
 */
@State(Scope.Thread)
public class TraceeDecodeBenchmark extends BenchmarkSettings {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] buffer;
  private byte[] quietBuffer;
  private byte[] unselectedBuffer;
  private int expectedFindings;
  private TraceeReader decodeReader;
  private TraceeReader matchReader;
  private TraceeReader quietReader;
  private TraceeReader skipReader;
  private Engine engine;
  private Consumer<Event> matchSink;
  private final CountingSink countingSink = new CountingSink();
  private final Workloads.KeepingListener findings = new Workloads.KeepingListener();

  /**
   * Renders the buffer, builds the readers and the engine, and checks one pass of each decodes
   * every line and finds every drop.
   *
   * @throws IllegalStateException when a line is rejected or a finding is missing
   */
  @Setup(Level.Trial)
  public void setUp() {
    List<GeneratedEvent> generated =
        InMemoryEvents.generate(Workloads.SEED, EventMix.realistic(), Workloads.BATCH);
    buffer = TraceeLineWriter.toBytes(generated);
    expectedFindings = (int) generated.stream().filter(GeneratedEvent::firesDroppedExecutable).count();
    quietBuffer = TraceeLineWriter.toBytes(
        InMemoryEvents.generate(Workloads.SEED, EventMix.quiet(), Workloads.BATCH));
    engine = Workloads.engine(Workloads.builtIns(), findings);
    matchSink = engine::accept;
    Set<String> selected = engine.selectedEventTypes() == null ? Set.of()
        : engine.selectedEventTypes().stream().map(EventType::name).collect(Collectors.toSet());
    if (selected.isEmpty()) {
      throw new IllegalStateException("a built-in signature selects every event name: nothing to skip");
    }
    List<GeneratedEvent> unselected = InMemoryEvents.generate(Workloads.SEED, EventMix.realistic(), 8 * Workloads.BATCH)
        .stream().filter(e -> !selected.contains(e.eventName())).limit(Workloads.BATCH).toList();
    if (unselected.size() != Workloads.BATCH) {
      throw new IllegalStateException("only " + unselected.size() + " generated events are unselected");
    }
    unselectedBuffer = TraceeLineWriter.toBytes(unselected);
    decodeReader = TraceeReader.builder().build();
    matchReader = TraceeReader.builder().decodeOnlySelectedBy(engine).build();
    quietReader = TraceeReader.builder().decodeOnlySelectedBy(engine).build();
    skipReader = TraceeReader.builder().decodeOnlySelectedBy(engine).build();

    decode();
    check("decode", decodeReader.stats());
    skipUnselected();
    if (skipReader.stats().skipped() != Workloads.BATCH || skipReader.stats().events() != 0) {
      throw new IllegalStateException("skipUnselected did not skip every line: " + skipReader.stats());
    }
    decodeAndMatch();
    check("decodeAndMatch", matchReader.stats());
    if (findings.droppedExecutables != expectedFindings) {
      throw new IllegalStateException("decodeAndMatch found " + findings.droppedExecutables + " of "
          + expectedFindings + " dropped executables");
    }
    long realisticFindings = findings.findings;
    decodeAndMatchQuiet();
    check("decodeAndMatchQuiet", quietReader.stats());
    if (findings.findings != realisticFindings) {
      throw new IllegalStateException("decodeAndMatchQuiet found " + (findings.findings - realisticFindings)
          + " findings in the quiet mix");
    }
    int databindFindings = databindMap();
    if (databindFindings != expectedFindings) {
      throw new IllegalStateException("databindMap found " + databindFindings + " of "
          + expectedFindings + " dropped executables");
    }
    System.out.printf("%n[setup] %d lines, %d bytes, %.1f bytes/event, %d fire TRC-1022;"
            + " all built-ins (%d signatures) find %d in it; quiet mix: %.1f bytes/event; unselected:"
            + " %.1f bytes/event; skipped by decodeAndMatch: %d of %d%n",
        Workloads.BATCH, buffer.length, (double) buffer.length / Workloads.BATCH, expectedFindings,
        engine.signatures().size(), realisticFindings,
        (double) quietBuffer.length / Workloads.BATCH, (double) unselectedBuffer.length / Workloads.BATCH,
        matchReader.stats().skipped(), matchReader.stats().linesRead());
  }

  private static void check(String what, ReaderStats stats) {
    if ((stats.events() + stats.skipped()) % Workloads.BATCH != 0 || stats.rejected() != 0) {
      throw new IllegalStateException(what + " did not decode every line: " + stats);
    }
  }

  /**
   * Every token of the buffer, nothing kept.
   *
   * @return the number of tokens
   * @throws IOException never: the buffer is in memory and valid
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public long tokenScanFloor() throws IOException {
    long tokens = 0;
    try (JsonParser parser = FACTORY.createParser(buffer, 0, buffer.length)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        tokens += token.id();
      }
    }
    return tokens;
  }

  /**
   * Every token of the buffer through one non-blocking parser fed line by line, nothing kept.
   *
   * @return the number of tokens
   * @throws IOException never: the buffer is in memory and valid
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public long tokenScanNonBlocking() throws IOException {
    long tokens = 0;
    byte[] bytes = buffer;
    try (JsonParser parser = FACTORY.createNonBlockingByteArrayParser()) {
      ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
      int start = 0;
      while (start < bytes.length) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        feeder.feedInput(bytes, start, Math.min(end + 1, bytes.length));
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
          tokens += token.id();
        }
        start = end + 1;
      }
    }
    return tokens;
  }

  /**
   * Every line decoded into the reader's reused event.
   *
   * @return a value derived from every event
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public long decode() {
    decodeReader.read(buffer, 0, buffer.length, countingSink);
    return countingSink.sum;
  }

  /**
   * Every line of a buffer no built-in signature selects: found to be unselected and skipped.
   *
   * @return a value derived from every event handed on (none)
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public long skipUnselected() {
    skipReader.read(unselectedBuffer, 0, unselectedBuffer.length, countingSink);
    return countingSink.sum;
  }

  /**
   * Every line handed to an engine holding all built-in signatures, the lines they do not select
   * skipped undecoded.
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void decodeAndMatch() {
    matchReader.read(buffer, 0, buffer.length, matchSink);
  }

  /** The same over the quiet mix: no finding is made. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void decodeAndMatchQuiet() {
    quietReader.read(quietBuffer, 0, quietBuffer.length, matchSink);
  }

  /**
   * Every line read into a {@code Map} by jackson-databind, then TRC-1022's check on the map.
   *
   * @return how many lines the check fired on
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public int databindMap() {
    int fired = 0;
    int start = 0;
    byte[] bytes = buffer;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end > start) {
        try {
          Map<?, ?> event = MAPPER.readValue(bytes, start, end - start, Map.class);
          fired += droppedExecutable(event) ? 1 : 0;
        } catch (IOException e) {
          throw new IllegalStateException("line at byte " + start + " is not JSON", e);
        }
      }
      start = end + 1;
    }
    return fired;
  }

  /** TRC-1022 over a databind {@code Map}, as a user would write it without Sigil. */
  private static boolean droppedExecutable(Map<?, ?> event) {
    if (!"magic_write".equals(event.get("eventName"))) {
      return false;
    }
    Object flags = event.get("contextFlags");
    if (!(flags instanceof Map) || !Boolean.TRUE.equals(((Map<?, ?>) flags).get("containerStarted"))) {
      return false;
    }
    String path = null;
    byte[] bytes = null;
    Object args = event.get("args");
    if (!(args instanceof List)) {
      return false;
    }
    for (Object arg : (List<?>) args) {
      if (arg instanceof Map) {
        Map<?, ?> a = (Map<?, ?>) arg;
        Object value = a.get("value");
        if ("pathname".equals(a.get("name")) && value instanceof String) {
          path = (String) value;
        } else if ("bytes".equals(a.get("name")) && value instanceof String) {
          bytes = Base64.getDecoder().decode((String) value);
        }
      }
    }
    return bytes != null && bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E'
        && bytes[2] == 'L' && bytes[3] == 'F' && path != null && !path.startsWith("memfd:")
        && !path.startsWith("/dev/shm/") && !path.startsWith("/run/shm/");
  }

  /** Touches each decoded event as little as a consumer can: its type and timestamp. */
  private static final class CountingSink implements Consumer<Event> {
    long sum;

    @Override
    public void accept(Event event) {
      sum += event.type().id() + event.timestamp();
    }
  }
}
