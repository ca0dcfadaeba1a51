package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.FreshHarness.assertOnlyFinding;
import static dev.sigil.signatures.tracee.FreshHarness.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcFopsHookingTest {
  private static final String DATA_KEY = "Hooked proc file operations";

  private static Map<String, String> symbol(String name, String owner) {
    Map<String, String> symbol = new LinkedHashMap<>();
    symbol.put("SymbolName", name);
    symbol.put("ModuleOwner", owner);
    return symbol;
  }

  private static Event hooked(Object pointers) {
    return EventBuilder.event("hooked_proc_fops").origin(Origin.HOST)
        .arg("hooked_fops_pointers", "[]trace.HookedSymbolData", pointers).build();
  }

  private static SignatureHarness run(Event... events) {
    return FreshHarness.run(new ProcFopsHooking(), events);
  }

  private static void assertFires(List<Map<String, String>> symbols, long dataProblems,
      SignatureHarness harness) {
    Finding finding = assertOnlyFinding(ProcFopsHooking.METADATA, Map.of(DATA_KEY, symbols),
        dataProblems, harness);
    for (Object each : (List<?>) finding.data().get(DATA_KEY)) {
      assertEquals(List.of("SymbolName", "ModuleOwner"), List.copyOf(((Map<?, ?>) each).keySet()));
    }
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnHookedProcFileOperations() {
      List<Map<String, String>> symbols = List.of(
          symbol("struct file_operations pointer", "hidden"), symbol("iterate_shared", "phide"));
      assertFires(symbols, 0, run(hooked(symbols)));
    }

    @Test
    @DisplayName("should not trigger detection - empty slice of symbols")
    void ignoresAnEmptyList() {
      assertSilent(0, run(hooked(List.of())));
    }
  }

  @Nested
  class Elements {
    @Test
    void aSingleHookFires() {
      List<Map<String, String>> symbols = List.of(symbol("iterate", "diamorphine"));
      assertFires(symbols, 0, run(hooked(symbols)));
    }

    @Test
    void missingOrNullFieldsReadAsEmptyText() {
      Map<String, Object> nullOwner = new LinkedHashMap<>();
      nullOwner.put("SymbolName", "iterate_shared");
      nullOwner.put("ModuleOwner", null);
      assertFires(List.of(symbol("", ""), symbol("iterate_shared", "")), 0,
          run(hooked(List.of(Map.of(), nullOwner))));
    }

    @Test
    void fieldsAreFoundInAnyOrderAndOthersIgnored() {
      Map<String, Object> reordered = new LinkedHashMap<>();
      reordered.put("Address", "0xffffffffc0a01000");
      reordered.put("ModuleOwner", "phide");
      reordered.put("SymbolName", "iterate_shared");
      assertFires(List.of(symbol("iterate_shared", "phide")), 0, run(hooked(List.of(reordered))));
    }

    @Test
    void elementsThatAreNotObjectsAreSkippedAndCounted() {
      List<Object> mixed = new ArrayList<>();
      mixed.add("iterate");
      mixed.add(symbol("a\"],{[b", "x,y}"));
      mixed.add(7);
      mixed.add(List.of(Map.of("SymbolName", "nested")));
      mixed.add(null);
      mixed.add(symbol("iterate_shared", "phide"));
      assertFires(List.of(symbol("a\"],{[b", "x,y}"), symbol("iterate_shared", "phide")), 1,
          run(hooked(mixed)));
    }

    @Test
    void aListWithoutObjectsDoesNotFireAndIsCounted() {
      List<Object> numbers = new ArrayList<>(List.of(1, 2));
      assertSilent(2, run(hooked(List.of("iterate", "iterate_shared")), hooked(numbers)));
    }
  }

  @Nested
  class DataProblems {
    @Test
    void aMissingNullOrNonListArgumentIsADataProblem() {
      Event missing = EventBuilder.event("hooked_proc_fops").origin(Origin.HOST).build();
      assertSilent(4, run(missing, hooked(null), hooked("iterate_shared"),
          hooked(Map.of("SymbolName", "iterate_shared", "ModuleOwner", "phide"))));
    }
  }

  @Test
  void onlyTheHostIsWatched() {
    List<Map<String, String>> symbols = List.of(symbol("iterate", "x"));
    SignatureHarness harness = run(
        EventBuilder.event("hooked_proc_fops").origin(Origin.CONTAINER)
            .arg("hooked_fops_pointers", symbols).build(),
        EventBuilder.event("hooked_proc_fops").origin(Origin.CONTAINER_INIT)
            .arg("hooked_fops_pointers", symbols).build());
    assertSilent(0, harness);
    assertEquals(0, harness.stats().events());
  }

  @Test
  void countObjectsReadsNestedAndEscapedJson() {
    boolean[] marks = new boolean[5];
    assertEquals(2, ProcFopsHooking.countObjects(
        " [ {\"a\":\"}\\\"{\"} , \"{\", [{}], {\"b\":[1,{\"c\":2}]}, true ] ", marks));
    assertEquals(List.of(true, false, false, true, false),
        List.of(marks[0], marks[1], marks[2], marks[3], marks[4]));
    assertEquals(0, ProcFopsHooking.countObjects("[]", null));
  }
}
