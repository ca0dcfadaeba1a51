package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcKcoreReadTest extends SignatureTest {
  ProcKcoreReadTest() {
    super(new ProcKcoreRead());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnReadOfProcKcore(OpenFlagsForm form) {
      harness.feed(form.open("/proc/kcore", O_RDONLY).build());
      assertFiredWithoutData("/proc/kcore");
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWriteOnlyOpenOfProcKcore(OpenFlagsForm form) {
      harness.feed(form.open("/proc/kcore", O_WRONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadOfAnotherProcFile(OpenFlagsForm form) {
      harness.feed(form.open("/proc/something", O_RDONLY).build());
      assertNoFinding();
    }
  }

  @EachOpenFlagsForm
  void firesOnReadWithTheFlagsCatUses(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDONLY | O_LARGEFILE | O_CLOEXEC).build());
    assertFiredWithoutData("/proc/kcore");
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItReadsToo(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDWR).build());
    assertFiredWithoutData("/proc/kcore");
  }

  @EachOpenFlagsForm
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    harness.feed(form.open("/host/proc/kcore", O_RDONLY).build());
    assertFiredWithoutData("/host/proc/kcore");
  }

  @EachOpenFlagsForm
  void ignoresNeighboursOfProcKcore(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/kcore2", O_RDONLY).build(),
        form.open("/proc/kcore/", O_RDONLY).build(),
        form.open("/proc/kmsg", O_RDONLY).build(),
        form.open("kcore", O_RDONLY).build(),
        form.open("/proc/KCORE", O_RDONLY).build());
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void ignoresHostAndContainerInitEventsWithoutDispatchingThem(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/kcore", O_RDONLY).origin(Origin.HOST).build(),
        form.open("/proc/kcore", O_RDONLY).origin(Origin.CONTAINER_INIT).build());
    assertNoFinding();
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  @EachOpenFlagsForm
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDONLY).build(), form.open("/proc/kcore", O_RDONLY).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/proc/kcore").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/proc/kcore").arg("flags", "").build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsMissingPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsUndecodablePathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .invalidArg("pathname", "const char*").arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void findsArgumentsByNameInAnyOrder() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", "O_RDONLY").arg("pathname", "/proc/kcore").build());
    assertFiredWithoutData("/proc/kcore");
  }
}
