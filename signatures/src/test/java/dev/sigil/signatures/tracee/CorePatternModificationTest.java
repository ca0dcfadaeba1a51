package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorePatternModificationTest extends SignatureTest {
  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";
  CorePatternModificationTest() {
    super(new CorePatternModification());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnWriteOpenOfCorePattern(OpenFlagsForm form) {
      harness.feed(form.open(CORE_PATTERN, O_WRONLY).build());
      assertFiredWithoutData(CORE_PATTERN);
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadOnlyOpenOfCorePattern(OpenFlagsForm form) {
      harness.feed(form.open(CORE_PATTERN, O_RDONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/sys/kernel/something", O_WRONLY).build());
      assertNoFinding();
    }
  }

  @EachOpenFlagsForm
  void firesOnTruncatingWriteAsEchoRedirectionOpensIt(OpenFlagsForm form) {
    harness.feed(form.open(CORE_PATTERN, O_WRONLY | O_CREAT | O_TRUNC).build());
    assertFiredWithoutData(CORE_PATTERN);
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    harness.feed(form.open(CORE_PATTERN, O_RDWR).build());
    assertFiredWithoutData(CORE_PATTERN);
  }

  @EachOpenFlagsForm
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    harness.feed(form.open("/host/proc/sys/kernel/core_pattern", O_WRONLY).build());
    assertFiredWithoutData("/host/proc/sys/kernel/core_pattern");
  }

  @EachOpenFlagsForm
  void ignoresNeighboursOfCorePattern(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/sys/kernel/core_pattern.bak", O_WRONLY).build(),
        form.open("/proc/sys/kernel/core_pipe_limit", O_WRONLY).build(),
        form.open("/proc/sys/kernel/core_pattern/", O_WRONLY).build(),
        form.open("core_pattern", O_WRONLY).build(),
        form.open("/proc/sys/kernel/Core_Pattern", O_WRONLY).build());
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void ignoresHostAndContainerInitEventsWithoutDispatchingThem(OpenFlagsForm form) {
    harness.feed(
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.HOST).build(),
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.CONTAINER_INIT).build());
    assertNoFinding();
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  @EachOpenFlagsForm
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

  @EachOpenFlagsForm
  void countsMissingPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
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
