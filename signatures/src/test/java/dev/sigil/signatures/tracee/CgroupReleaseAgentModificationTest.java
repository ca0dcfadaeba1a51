package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import org.junit.jupiter.api.Test;

class CgroupReleaseAgentModificationTest extends FileRenameContractTest {
  CgroupReleaseAgentModificationTest() {
    super(new CgroupReleaseAgentModification(), Origin.CONTAINER, ReadOrder.FLAGS_FIRST,
        "/tmp/cgrp/release_agent", "/tmp/something");
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    assertOpenFires(form, "/sys/fs/cgroup/rdma/release_agent", O_RDWR | O_LARGEFILE);
  }

  @EachOpenFlagsForm
  void firesOnTruncatingWriteAsShellRedirectionOpensIt(OpenFlagsForm form) {
    assertOpenFires(form, "/mnt/x/release_agent", O_WRONLY | O_CREAT | O_TRUNC);
  }

  @EachOpenFlagsForm
  void firesOnTrailingSlashAsGoPathBaseDropsIt(OpenFlagsForm form) {
    assertOpenFires(form, "/tmp/cgrp/release_agent/", O_WRONLY);
  }

  @EachOpenFlagsForm
  void firesOnBareRelativeName(OpenFlagsForm form) {
    assertOpenFires(form, "release_agent", O_WRONLY);
  }

  @EachOpenFlagsForm
  void ignoresNamesThatOnlyContainReleaseAgent(OpenFlagsForm form) {
    assertOpensIgnored(form, O_WRONLY,
        "/tmp/cgrp/release_agent.bak", "/tmp/cgrp/my_release_agent",
        "/tmp/release_agent/notify_on_release", "/tmp/cgrp/Release_Agent");
  }

  @Test
  void firesOnRenameWithTrailingSlash() {
    harness.feed(rename("/tmp/x", "/tmp/cgrp/release_agent/").build());
    assertFiredWithoutData("new_path", "/tmp/cgrp/release_agent/");
  }

  @Test
  void ignoresHostAndContainerInitRenamesWithoutDispatchingThem() {
    assertNotDispatched(
        rename("/tmp/x", "/tmp/cgrp/release_agent").origin(Origin.HOST).build(),
        rename("/tmp/x", "/tmp/cgrp/release_agent").origin(Origin.CONTAINER_INIT).build());
  }

  @Test
  void reportsEveryRepeatedRenameAsTraceeDoesNotDeduplicate() {
    harness.feed(rename("/a", "/c/release_agent").build(), rename("/a", "/c/release_agent").build());
    assertEquals(2, harness.findings().size());
  }

  @EachOpenFlagsForm
  void countsPathnameOfWrongKindOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("pathname", 7L).arg("flags", form.of(O_WRONLY))
        .build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableNewPathAsDataProblem() {
    harness.feed(event("security_inode_rename").arg("old_path", "/tmp/x")
        .invalidArg("new_path", "const char*").build());
    assertNoFindingButOneDataProblem();
  }
}
