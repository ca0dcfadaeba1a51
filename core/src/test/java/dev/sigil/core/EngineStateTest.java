package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineStateTest {
  private List<Finding> findings = List.of();

  /** Counts events across restarts and fires on each, deduplicated per host for an hour. */
  private static final class CountingSignature extends RecordingSignature implements Stateful {
    long count;

    CountingSignature() {
      super("COUNT-1", Selector.any());
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      count++;
      context.report(event, Map.of("n", count));
    }

    @Override
    public DedupPolicy defaultDedup() {
      return DedupPolicy.byHostAndFields(Duration.ofHours(1));
    }

    @Override
    public Object saveState() {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("count", count);
      return state;
    }

    @Override
    public void restoreState(Object state) {
      if (!(state instanceof Map) || !(((Map<?, ?>) state).get("count") instanceof Long)) {
        throw new IllegalArgumentException("COUNT-1 state needs an integer count");
      }
      count = (Long) ((Map<?, ?>) state).get("count");
    }
  }

  private Engine engine(CountingSignature signature) {
    SignatureHarness harness = SignatureHarness.of(signature);
    findings = harness.findings();
    return harness.engine();
  }

  private static Event event(long seconds) {
    return EventBuilder.event("openat").hostName("a").timestamp(seconds * 1_000_000_000L).build();
  }

  private static RestoreReport restore(Engine engine, String document) throws IOException {
    return engine.restoreState(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] save(Engine engine) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.saveState(out);
    return out.toByteArray();
  }

  @Test
  void aRestartedEngineRemembersSignatureStateAndSuppressions() throws IOException {
    Engine first = engine(new CountingSignature());
    first.accept(event(0));
    first.accept(event(1));
    byte[] state = save(first);
    List<Finding> beforeRestart = findings;

    CountingSignature restored = new CountingSignature();
    Engine second = engine(restored);
    RestoreReport report = second.restoreState(new ByteArrayInputStream(state));
    second.accept(event(2));
    second.accept(event(3600));

    assertEquals(4, restored.count);
    assertEquals(1, beforeRestart.size());
    assertEquals(1, findings.size());
    assertEquals(1, second.stats().suppressed());
    assertEquals(2L, findings.get(0).data().get("suppressedCount"));
    assertEquals(new RestoreReport(Set.of("COUNT-1"), Set.of()), report);
  }

  @Test
  void refusesToRestoreOnceEventsWereAcceptedInsteadOfWipingWhatTheEngineLearnt() throws IOException {
    Engine first = engine(new CountingSignature());
    first.accept(event(0));
    byte[] state = save(first);
    CountingSignature running = new CountingSignature();
    Engine second = engine(running);
    second.accept(event(1));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> second.restoreState(new ByteArrayInputStream(state)));

    assertTrue(e.getMessage().contains("before the first event"), e.getMessage());
    assertEquals(1, running.count);
  }

  @Test
  void refusesToRestoreAClosedEngine() throws IOException {
    byte[] state = save(engine(new CountingSignature()));
    Engine engine = engine(new CountingSignature());
    engine.close();

    assertThrows(IllegalStateException.class,
        () -> engine.restoreState(new ByteArrayInputStream(state)));
  }

  @Test
  void reportsSavedStatesThatNoRegisteredSignatureTook() throws IOException {
    String document = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[],"
        + "\"signatures\":{\"GONE-1\":{\"x\":1},\"COUNT-1\":{\"count\":5},\"PLAIN-1\":{}}}";
    CountingSignature counting = new CountingSignature();
    Engine engine = Engine.builder().add(counting).add(new RecordingSignature("PLAIN-1", Selector.any()))
        .onFinding(findings::add).build();

    RestoreReport report = restore(engine, document);

    assertEquals(Set.of("COUNT-1"), report.restored());
    assertEquals(List.of("GONE-1", "PLAIN-1"), List.copyOf(report.ignored()));
    assertEquals(5, counting.count);
  }

  @Test
  void writesAVersionedDocument() throws IOException {
    Engine engine = engine(new CountingSignature());

    String json = new String(save(engine), StandardCharsets.UTF_8);

    assertTrue(json.contains("\"format\" : \"sigil-engine-state\""), json);
    assertTrue(json.contains("\"version\" : 1"), json);
  }

  @Test
  void rejectsDocumentsThatAreNotJson() {
    Engine engine = engine(new CountingSignature());

    IOException e = assertThrows(IOException.class, () -> restore(engine, "{not json"));

    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void rejectsDocumentsOfANewerVersion() {
    Engine engine = engine(new CountingSignature());
    String newer = "{\"format\":\"sigil-engine-state\",\"version\":99}";

    IOException e = assertThrows(IOException.class, () -> restore(engine, newer));

    assertTrue(e.getMessage().contains("newer"), e.getMessage());
  }

  @Test
  void rejectsOtherJsonDocuments() {
    Engine engine = engine(new CountingSignature());

    assertThrows(IOException.class, () -> restore(engine, "[1,2]"));
  }

  @Test
  void reportsCorruptSignatureStateAsACorruptDocument() {
    Engine engine = engine(new CountingSignature());
    String corrupt = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[],"
        + "\"signatures\":{\"COUNT-1\":{\"count\":\"many\"}}}";

    IOException e = assertThrows(IOException.class, () -> restore(engine, corrupt));

    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void reportsCorruptDeduplicatorState() {
    Engine engine = engine(new CountingSignature());
    String corrupt = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[{\"key\":1}]}";

    assertThrows(IOException.class, () -> restore(engine, corrupt));
  }
}
