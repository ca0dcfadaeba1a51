package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DynamicCodeLoadingTest {
  private final SignatureHarness harness = SignatureHarness.of(new DynamicCodeLoading());

  /**
   * ProtAlertMprotectWXToX as Tracee prints it: the number, or MemProtAlert.String() under
   * argument parsing (v0.24.1's text, and the text Tracee printed before 2023).
   */
  static Stream<Object> writeToExecute() {
    return Stream.of(4L, "Protection changed from W to E!", "Protection changed from W+E to E!");
  }

  /** ProtAlertMmapWX in both printed forms. */
  static Stream<Object> mmapWriteExecute() {
    return Stream.of(1L, "Mmaped region with W+E permissions!");
  }

  private static EventBuilder alert(Object alert) {
    return EventBuilder.event("mem_prot_alert").arg("alert", "u32", alert)
        .arg("addr", 0x7f0000L).arg("len", 4096L).arg("prot", 5L).arg("prev_prot", 3L);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "alert printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.DynamicCodeLoadingTest#writeToExecute")
    @DisplayName("should trigger detection")
    void firesWhenWrittenMemoryBecomesExecutable(Object alert) {
      harness.feed(alert(alert).build());

      Finding finding = harness.only();
      assertEquals(DynamicCodeLoading.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
    }

    @ParameterizedTest(name = "alert printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.DynamicCodeLoadingTest#mmapWriteExecute")
    @DisplayName("should not trigger detection - wrong alert")
    void ignoresWritableExecutableMmap(Object alert) {
      harness.feed(alert(alert).build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @Test
  void carriesTraceesExactMetadata() {
    SignatureMetadata m = DynamicCodeLoading.METADATA;
    assertEquals("TRC-104", m.id());
    assertEquals("1", m.version());
    assertEquals("Dynamic code loading detected", m.name());
    assertEquals("dynamic_code_loading", m.eventName());
    assertEquals("Possible dynamic code loading was detected as the binary's memory is both"
        + " writable and executable. Writing to an executable allocated memory region could be a"
        + " technique used by adversaries to run code undetected and without dropping"
        + " executables.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("defense-evasion", m.category());
    assertEquals("Software Packing", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1027.002", m.mitreTechniqueId());
    assertEquals("attack-pattern--deb98323-e13f-4b0c-8d94-175379069062", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("mem_prot_alert")), new DynamicCodeLoading().selectors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#origins")
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(alert(4L).origin(origin).build(),
        alert("Protection changed from W to E!").origin(origin).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void ignoresEveryOtherAlertInBothForms() {
    harness.feed(alert(2L).build(), alert("Protection changed to Executable!").build(),
        alert(3L).build(), alert("Protection changed from E to W+E!").build(),
        alert(0L).build(), alert(5L).build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
  }

  @Test
  void readsTheAlertArgumentByNameInAnyOrder() {
    harness.feed(EventBuilder.event("mem_prot_alert").arg("prot", 5L).arg("pathname", "/tmp/x")
        .arg("alert", "Protection changed from W to E!").build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(alert(4L).build(), alert(4L).build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingAlertAsDataProblem() {
    harness.feed(EventBuilder.event("mem_prot_alert").arg("prot", 5L).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullAlertAsDataProblem() {
    harness.feed(alert(null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnknownAlertTextAsDataProblem() {
    harness.feed(alert("Unknown alert").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsAlteredAlertTextAsDataProblem() {
    harness.feed(alert("Protection changed from W to E").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsAlertOfWrongKindAsDataProblem() {
    harness.feed(alert(false).build());
    assertNoFindingButOneDataProblem();
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }
}
