package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorePatternModificationTest {
  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";
  private final SignatureHarness harness = SignatureHarness.of(new CorePatternModification());

  private void assertFiredWithoutData(String pathname) {
    Finding finding = harness.only();
    assertSame(CorePatternModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
  }

  private void assertNoFinding() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection")
    void firesOnWriteOpenOfCorePattern(OpenFlagsForm form) {
      harness.feed(form.open(CORE_PATTERN, O_WRONLY).build());
      assertFiredWithoutData(CORE_PATTERN);
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadOnlyOpenOfCorePattern(OpenFlagsForm form) {
      harness.feed(form.open(CORE_PATTERN, O_RDONLY).build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/sys/kernel/something", O_WRONLY).build());
      assertNoFinding();
    }
  }

  @Test
  void carriesTraceesExactMetadataAndContainerSelector() {
    SignatureMetadata m = CorePatternModification.METADATA;
    assertEquals("TRC-1011", m.id());
    assertEquals("1", m.version());
    assertEquals("Core dumps configuration file modification detected", m.name());
    assertEquals("core_pattern_modification", m.eventName());
    assertEquals("Modification of the core dump configuration file (core_pattern) detected. Core"
        + " dumps are usually written to disk when a program crashes. Certain modifications enable"
        + " container escaping through the kernel core_pattern feature.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER)),
        new CorePatternModification().selectors());
    assertSame(m, new CorePatternModification().metadata());
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnTruncatingWriteAsEchoRedirectionOpensIt(OpenFlagsForm form) {
    harness.feed(form.open(CORE_PATTERN, O_WRONLY | O_CREAT | O_TRUNC).build());
    assertFiredWithoutData(CORE_PATTERN);
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    harness.feed(form.open(CORE_PATTERN, O_RDWR).build());
    assertFiredWithoutData(CORE_PATTERN);
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    harness.feed(form.open("/host/proc/sys/kernel/core_pattern", O_WRONLY).build());
    assertFiredWithoutData("/host/proc/sys/kernel/core_pattern");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void ignoresNeighboursOfCorePattern(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/sys/kernel/core_pattern.bak", O_WRONLY).build(),
        form.open("/proc/sys/kernel/core_pipe_limit", O_WRONLY).build(),
        form.open("/proc/sys/kernel/core_pattern/", O_WRONLY).build(),
        form.open("core_pattern", O_WRONLY).build(),
        form.open("/proc/sys/kernel/Core_Pattern", O_WRONLY).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void ignoresHostAndContainerInitEventsWithoutDispatchingThem(OpenFlagsForm form) {
    harness.feed(
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.HOST).build(),
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.CONTAINER_INIT).build());
    assertNoFinding();
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate(OpenFlagsForm form) {
    harness.feed(form.open(CORE_PATTERN, O_WRONLY).build(), form.open(CORE_PATTERN, O_WRONLY).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", CORE_PATTERN).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingFlagsOfAnotherPathAsDataProblemAsTraceeReadsBoth() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/etc/hosts").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", CORE_PATTERN).arg("flags", "O_WRONLY|O_BOGUS").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsFlagsOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", CORE_PATTERN).arg("flags", true).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsMissingPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsNullPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", null).arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void findsArgumentsByNameInAnyOrder() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", 1L).arg("inode", 3L).arg("pathname", CORE_PATTERN).build());
    assertFiredWithoutData(CORE_PATTERN);
  }
}
