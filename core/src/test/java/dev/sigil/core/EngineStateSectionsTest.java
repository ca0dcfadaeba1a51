package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.internal.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A state file is shared by runs with different signatures: what one run cannot restore it
 * keeps, and what it refuses it explains without the parser's internals.
 */
class EngineStateSectionsTest {

  /** Keeps one integer, saved as {@code {"n": N}}. */
  private static final class Keeper extends RecordingSignature implements Stateful {
    long n;

    Keeper(String id) {
      super(id, Selector.any());
    }

    @Override
    public Object saveState() {
      return Map.of("n", n);
    }

    @Override
    public void restoreState(@Nullable Object state) {
      n = (Long) ((Map<?, ?>) state).get("n");
    }
  }

  private static Engine engine(Signature... signatures) {
    Engine.Builder builder = Engine.builder().onFinding(f -> { });
    for (Signature signature : signatures) {
      builder.add(signature);
    }
    return builder.build();
  }

  private static String save(Engine engine) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.saveState(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void restore(Engine engine, String document) throws IOException {
    engine.restoreState(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sectionsOfSignaturesNotLoadedSurviveARunWithoutThem() throws IOException {
    Keeper a = new Keeper("KEEP-A");
    Keeper b = new Keeper("KEEP-B");
    a.n = 7;
    b.n = 11;
    String both = save(engine(a, b));

    Keeper onlyA = new Keeper("KEEP-A");
    Engine withoutB = engine(onlyA);
    restore(withoutB, both);
    onlyA.n = 8;
    String afterRunWithoutB = save(withoutB);

    Keeper a2 = new Keeper("KEEP-A");
    Keeper b2 = new Keeper("KEEP-B");
    restore(engine(a2, b2), afterRunWithoutB);
    assertEquals(8, a2.n, "the loaded signature's state is the new one");
    assertEquals(11, b2.n, "the absent signature's state was kept as it was");
  }

  @Test
  void aLoadedSignatureWithoutStateDropsItsOldSection() throws IOException {
    Keeper a = new Keeper("KEEP-A");
    a.n = 3;
    String saved = save(engine(a));

    Engine stateless = engine(new RecordingSignature("KEEP-A", Selector.any()));
    restore(stateless, saved);

    Map<?, ?> signatures = (Map<?, ?>) ((Map<?, ?>) JsonTree.read(
        new ByteArrayInputStream(save(stateless).getBytes(StandardCharsets.UTF_8)))).get("signatures");
    assertTrue(signatures.isEmpty(), signatures.toString());
  }

  @Test
  void negativeSuppressedCountIsCorrupt() {
    String negative = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":[{\"key\":\"k\","
        + "\"lastEmittedAt\":1,\"suppressedCount\":-5,\"lastSuppressedAt\":1}],\"signatures\":{}}";

    IOException e = assertThrows(IOException.class, () -> restore(engine(new Keeper("KEEP-A")), negative));

    assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void invalidJsonIsExplainedWithoutTheParsersSourceDescription() {
    IOException e = assertThrows(IOException.class,
        () -> restore(engine(new Keeper("KEEP-A")), "{\"format\": \"sigil-engine-st"));

    assertTrue(e.getMessage().startsWith("state is not valid JSON: "), e.getMessage());
    assertFalse(e.getMessage().contains("Source"), e.getMessage());
    assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column "), e.getMessage());
  }
}
