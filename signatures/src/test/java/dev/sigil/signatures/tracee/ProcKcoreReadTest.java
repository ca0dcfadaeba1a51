package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;

import dev.sigil.core.Origin;

class ProcKcoreReadTest extends FileOpenContractTest {
  ProcKcoreReadTest() {
    super(new ProcKcoreRead(), Origin.CONTAINER, O_RDONLY, "/proc/kcore", "/proc/something");
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
    assertNotDispatched(
        form.open("/proc/kcore", O_RDONLY).origin(Origin.HOST).build(),
        form.open("/proc/kcore", O_RDONLY).origin(Origin.CONTAINER_INIT).build());
  }

  @EachOpenFlagsForm
  void countsUndecodablePathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").invalidArg("pathname", "const char*")
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }
}
