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
    super(new CorePatternModification(), Origin.CONTAINER, ReadOrder.PATHNAME_FIRST, O_WRONLY,
        CORE_PATTERN, "/sys/kernel/something");
  }

  @EachOpenFlagsForm
  void firesOnTruncatingWriteAsEchoRedirectionOpensIt(OpenFlagsForm form) {
    assertOpenFires(form, CORE_PATTERN, O_WRONLY | O_CREAT | O_TRUNC);
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    assertOpenFires(form, CORE_PATTERN, O_RDWR);
  }

  @EachOpenFlagsForm
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    assertOpenFires(form, "/host/proc/sys/kernel/core_pattern", O_WRONLY);
  }

  @EachOpenFlagsForm
  void ignoresNeighboursOfCorePattern(OpenFlagsForm form) {
    assertOpensIgnored(form, O_WRONLY,
        "/proc/sys/kernel/core_pattern.bak", "/proc/sys/kernel/core_pipe_limit",
        "/proc/sys/kernel/core_pattern/", "core_pattern", "/proc/sys/kernel/Core_Pattern");
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
