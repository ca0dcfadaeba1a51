package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;

import dev.sigil.core.Origin;

class ProcKcoreReadTest extends FileOpenContractTest {
  ProcKcoreReadTest() {
    super(new ProcKcoreRead(), Origin.CONTAINER, ReadOrder.PATHNAME_FIRST, O_RDONLY,
        "/proc/kcore", "/proc/something");
  }

  @EachOpenFlagsForm
  void firesOnReadWithTheFlagsCatUses(OpenFlagsForm form) {
    assertOpenFires(form, "/proc/kcore", O_RDONLY | O_LARGEFILE | O_CLOEXEC);
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItReadsToo(OpenFlagsForm form) {
    assertOpenFires(form, "/proc/kcore", O_RDWR);
  }

  @EachOpenFlagsForm
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    assertOpenFires(form, "/host/proc/kcore", O_RDONLY);
  }

  @EachOpenFlagsForm
  void ignoresNeighboursOfProcKcore(OpenFlagsForm form) {
    assertOpensIgnored(form, O_RDONLY,
        "/proc/kcore2", "/proc/kcore/", "/proc/kmsg", "kcore", "/proc/KCORE");
  }

  @EachOpenFlagsForm
  void countsUndecodablePathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").invalidArg("pathname", "const char*")
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }
}
