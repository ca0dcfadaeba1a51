package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;

import dev.sigil.core.Origin;
import org.junit.jupiter.api.Test;

class CorePatternModificationTest extends FileOpenContractTest {
  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";

  CorePatternModificationTest() {
    super(new CorePatternModification(), Origin.CONTAINER, O_WRONLY, CORE_PATTERN,
        "/sys/kernel/something");
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
    assertNotDispatched(
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.HOST).build(),
        form.open(CORE_PATTERN, O_WRONLY).origin(Origin.CONTAINER_INIT).build());
  }

  @Test
  void countsMissingFlagsOfAnotherPathAsDataProblemAsTraceeReadsBoth() {
    harness.feed(event("security_file_open").arg("pathname", "/etc/hosts").build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsNullPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("pathname", null).arg("flags", form.of(O_WRONLY))
        .build());
    assertNoFindingButOneDataProblem();
  }
}
