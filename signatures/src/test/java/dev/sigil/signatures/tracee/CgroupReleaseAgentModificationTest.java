package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CgroupReleaseAgentModificationTest extends SignatureTest {
  CgroupReleaseAgentModificationTest() {
    super(new CgroupReleaseAgentModification());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open")
    void firesOnWriteOpenOfReleaseAgent(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/cgrp/release_agent", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/tmp/cgrp/release_agent");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenameOntoReleaseAgent() {
      harness.feed(rename("/tmp/x", "/tmp/cgrp/release_agent").build());
      assertFiredWithoutData("new_path", "/tmp/cgrp/release_agent");
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadOnlyOpenOfReleaseAgent(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/cgrp/release_agent", O_RDONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/something", O_WRONLY).build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherFile() {
      harness.feed(rename("/tmp/x", "/tmp/something").build());
      assertNoFinding();
    }
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    harness.feed(form.open("/sys/fs/cgroup/rdma/release_agent", O_RDWR | O_LARGEFILE).build());
    assertFiredWithoutData("pathname", "/sys/fs/cgroup/rdma/release_agent");
  }

  @EachOpenFlagsForm
  void firesOnTruncatingWriteAsShellRedirectionOpensIt(OpenFlagsForm form) {
    harness.feed(form.open("/mnt/x/release_agent", O_WRONLY | O_CREAT | O_TRUNC).build());
    assertFiredWithoutData("pathname", "/mnt/x/release_agent");
  }

  @EachOpenFlagsForm
  void firesOnTrailingSlashAsGoPathBaseDropsIt(OpenFlagsForm form) {
    harness.feed(form.open("/tmp/cgrp/release_agent/", O_WRONLY).build());
    assertFiredWithoutData("pathname", "/tmp/cgrp/release_agent/");
  }

  @EachOpenFlagsForm
  void firesOnBareRelativeName(OpenFlagsForm form) {
    harness.feed(form.open("release_agent", O_WRONLY).build());
    assertFiredWithoutData("pathname", "release_agent");
  }

  @EachOpenFlagsForm
  void ignoresNamesThatOnlyContainReleaseAgent(OpenFlagsForm form) {
    harness.feed(
        form.open("/tmp/cgrp/release_agent.bak", O_WRONLY).build(),
        form.open("/tmp/cgrp/my_release_agent", O_WRONLY).build(),
        form.open("/tmp/release_agent/notify_on_release", O_WRONLY).build(),
        form.open("/tmp/cgrp/Release_Agent", O_WRONLY).build());
    assertNoFinding();
  }

  @Test
  void firesOnRenameWithTrailingSlash() {
    harness.feed(rename("/tmp/x", "/tmp/cgrp/release_agent/").build());
    assertFiredWithoutData("new_path", "/tmp/cgrp/release_agent/");
  }

  @Test
  void ignoresRenameAwayFromReleaseAgent() {
    harness.feed(rename("/tmp/cgrp/release_agent", "/tmp/x").build());
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void ignoresHostAndContainerInitEventsWithoutDispatchingThem(OpenFlagsForm form) {
    harness.feed(
        form.open("/tmp/cgrp/release_agent", O_WRONLY).origin(Origin.HOST).build(),
        form.open("/tmp/cgrp/release_agent", O_WRONLY).origin(Origin.CONTAINER_INIT).build(),
        rename("/tmp/x", "/tmp/cgrp/release_agent").origin(Origin.HOST).build(),
        rename("/tmp/x", "/tmp/cgrp/release_agent").origin(Origin.CONTAINER_INIT).build());
    assertNoFinding();
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(rename("/a", "/c/release_agent").build(), rename("/a", "/c/release_agent").build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/tmp/cgrp/release_agent").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/tmp/cgrp/release_agent").arg("flags", "o_wronly").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/tmp/cgrp/release_agent").arg("flags", null).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsMissingPathnameOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsPathnameOfWrongKindOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", 7L).arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void readsNoPathnameOfReadAsTraceeDoesNot(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFinding();
  }

  @Test
  void countsMissingNewPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").origin(Origin.CONTAINER)
        .arg("old_path", "/tmp/x").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableNewPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").origin(Origin.CONTAINER)
        .arg("old_path", "/tmp/x").invalidArg("new_path", "const char*").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void findsArgumentsByNameInAnyOrder() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", "O_WRONLY").arg("dev", 1L).arg("pathname", "/c/release_agent").build());
    assertFiredWithoutData("pathname", "/c/release_agent");
  }
}
