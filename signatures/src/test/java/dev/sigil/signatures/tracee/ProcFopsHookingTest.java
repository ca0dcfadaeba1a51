package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
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
    SignatureHarness harness = SignatureHarness.of(new ProcFopsHooking());
    harness.feed(events);
    return harness;
  }

  private static void assertFires(List<Map<String, String>> symbols, long dataProblems,
      SignatureHarness harness) {
    Finding finding = harness.only();
    assertSame(ProcFopsHooking.METADATA, finding.metadata());
    assertEquals(Map.of(DATA_KEY, symbols), finding.data());
    for (Object each : (List<?>) finding.data().get(DATA_KEY)) {
      assertEquals(List.of("SymbolName", "ModuleOwner"), List.copyOf(((Map<?, ?>) each).keySet()));
    }
    assertEquals(dataProblems, harness.stats().dataProblems());
  }

  private static void assertSilent(long dataProblems, SignatureHarness harness) {
    assertEquals(List.of(), harness.findings());
    assertEquals(dataProblems, harness.stats().dataProblems());
  }

  @Test
  void metadataIsTracees() {
    var m = ProcFopsHooking.METADATA;
    assertEquals("TRC-1020", m.id());
    assertEquals("1", m.version());
    assertEquals("File operations hooking on proc filesystem detected", m.name());
    assertEquals("proc_fops_hooking", m.eventName());
    assertEquals("File operations hooking on proc filesystem detected. The proc filesystem is an"
        + " interface for the running processes as files. This allows programs like `ps` and `top`"
        + " to check what are the running processes. File operations are the functions defined on"
        + " a file or directory. File operations hooking includes replacing the default function"
        + " used to perform a basic task on files and directories like enumerating files. By"
        + " hooking the file operations of /proc an adversary gains control on certain system"
        + " function, such as file listing or other basic function performed by the operation"
        + " system. The adversary may also hijack the execution flow and execute it's own code."
        + " File operation hooking is considered a malicious behavior that is performed by"
        + " rootkits and may indicate that the host's kernel has been compromised. Hidden modules"
        + " are marked as hidden symbol owners and indicate further malicious activity of an"
        + " adversary.", m.description());
    assertEquals(Severity.HIGH, m.severity());
    assertEquals("defense-evasion", m.category());
    assertEquals("Rootkit", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1014", m.mitreTechniqueId());
    assertEquals("attack-pattern--0f20e3cb-245b-4a61-8a91-2d93f7cb0e9b", m.mitreStixId());
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
