package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A finding's data is a plain, unmodifiable map in the order the signature put it. */
class FindingTest {
  private static final SignatureMetadata METADATA = SignatureMetadata.builder("F-1").build();
  private static final EventSnapshot EVENT = EventBuilder.event("openat").build().copy();

  private static Finding finding(Map<String, Object> data) {
    return new Finding(METADATA, Severity.LOW, EVENT, data, Instant.EPOCH);
  }

  @Test
  void keepsTheOrderTheSignaturePutTheDataIn() {
    Map<String, Object> data = new LinkedHashMap<>();
    for (String key : List.of("zeta", "alpha", "mid", "beta")) {
      data.put(key, key.length());
    }

    assertEquals(List.of("zeta", "alpha", "mid", "beta"), List.copyOf(finding(data).data().keySet()));
  }

  @Test
  void isACopyThatNobodyCanChange() {
    Map<String, Object> data = new HashMap<>(Map.of("path", "/x"));
    Finding finding = finding(data);
    data.put("path", "/changed");

    assertEquals("/x", finding.data().get("path"));
    assertThrows(UnsupportedOperationException.class, () -> finding.data().put("k", "v"));
  }

  @Test
  void rejectsNullValuesNamingTheKey() {
    Map<String, Object> data = new HashMap<>();
    data.put("path", null);

    NullPointerException e = assertThrows(NullPointerException.class, () -> finding(data));

    assertTrue(e.getMessage().contains("'path'"), e.getMessage());
  }

  @Test
  void aSignatureReportingAMapWithANullValueFailsAsASignatureFault() {
    List<SignatureError> errors = new java.util.ArrayList<>();
    RecordingSignature sloppy = new RecordingSignature("NULL-1", Selector.any()) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        Map<String, Object> data = new HashMap<>();
        data.put("path", null);
        context.report(event, data);
      }
    };
    Engine engine = Engine.builder().add(sloppy).onFinding(f -> {}).onError(errors::add).build();

    engine.accept(EventBuilder.event("openat").build());

    assertEquals(1, errors.size());
    assertEquals(0, engine.stats().findings());
  }

  @Test
  void metadataKeepsTheOrderOfItsExtraProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("z", 1);
    properties.put("a", 2);
    properties.put("m", 3);

    SignatureMetadata metadata = SignatureMetadata.builder("P-1").extraProperties(properties).build();

    assertEquals(List.of("z", "a", "m"), List.copyOf(metadata.extraProperties().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> metadata.extraProperties().put("b", 4));
  }
}
