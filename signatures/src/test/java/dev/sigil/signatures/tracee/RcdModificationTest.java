package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_APPEND;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RcdModificationTest extends SignatureTest {
  RcdModificationTest() {
    super(new RcdModification());
  }

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname));
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open file")
    void firesOnWriteOpenOfRcLocal(OpenFlagsForm form) {
      harness.feed(form.open("/etc/rc.local", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/rc.local");
    }

    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open directory")
    void firesOnWriteOpenInRc1d(OpenFlagsForm form) {
      harness.feed(form.open("/etc/rc1.d/job", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/rc1.d/job");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename file")
    void firesOnRenameOntoRcLocal() {
      harness.feed(rename("/tmp/x", "/etc/rc.local").build());
      assertFiredWithoutData("new_path", "/etc/rc.local");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename directory")
    void firesOnRenameIntoRc1d() {
      harness.feed(rename("/tmp/x", "/etc/rc1.d/job").build());
      assertFiredWithoutData("new_path", "/etc/rc1.d/job");
    }

    @Test
    @DisplayName("should trigger detection - sched_process_exec")
    void firesOnExecOfUpdateRcd() {
      harness.feed(exec("/bin/update-rc.d").build());
      assertFiredWithoutData("pathname", "/bin/update-rc.d");
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherEtcFile(OpenFlagsForm form) {
      harness.feed(form.open("/etc/something", O_WRONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadOnlyOpenOfRcLocal(OpenFlagsForm form) {
      harness.feed(form.open("/etc/rc.local", O_RDONLY).build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherEtcFile() {
      harness.feed(rename("/tmp/x", "/etc/something").build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - sched_process_exec")
    void ignoresExecOfLs() {
      harness.feed(exec("/bin/ls").build());
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc.local", "/etc/init.d/rc.local"})
  void firesOnEachListedFile(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc.local.bak", "/etc/rc.localx", "/etc/rc.local/", "/etc/rc.loca",
      "/etc//rc.local", "etc/rc.local", "/ETC/RC.LOCAL"})
  void ignoresNearMissesOfTheListedFilesWhichMatchExactly(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc1.d/S01x", "/etc/rc2.d/S01x", "/etc/rc3.d/S01x", "/etc/rc4.d/S01x",
      "/etc/rc5.d/S01x", "/etc/rc6.d/K01x", "/etc/rcs.d/S01x", "/etc/init.d/backdoor",
      "/etc/rc.d/rc.local", "/etc/rc.d/init.d/backdoor", "/etc/rc.d/rc3.d/S99x",
      "/etc/rc.d/rc.local.d/x"})
  void firesOnAnythingInEachListedDirectory(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc1.d", "/etc/rcs.d", "/etc/init.d", "/etc/rc.d", "/etc/rc.d/init.d",
      "/etc/rc3.d/"})
  void firesOnTheListedDirectoryItself(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  /** Sigil difference: directories match on a path boundary, not as raw prefixes. */
  @Nested
  class PathBoundaryDifference {
    @ParameterizedTest
    @ValueSource(strings = {"/etc/rc.d/x", "/etc/init.d/x", "/etc/rc1.d/x", "/etc/rc.d/init.d/x"})
    void firesOnPathsInsideTheDirectory(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/rc.d.old/x", "/etc/rc.dx", "/etc/init.d.bak/x", "/etc/init.d-old",
        "/etc/rc1.d.dpkg-old/S01x", "/etc/rcs.dd", "/etc/rc6.d~", "/etc/init.d.rc.local"})
    void ignoresSiblingsThatTraceesRawPrefixWouldMatch(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc//rc.d/x", "/etc/./init.d/x", "/host/etc/init.d/x", "etc/rc.d/x",
      "/etc/rc7.d/x", "/etc/systemd/system/x.service", ""})
  void ignoresPathsOutsideTheListsWithoutNormalising(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void firesOnReadWriteAndAppendingOpens(OpenFlagsForm form) {
    harness.feed(form.open("/etc/rc.local", O_RDWR).build(),
        form.open("/etc/init.d/x", O_WRONLY | O_APPEND).build());
    assertEquals(2, harness.findings().size());
  }

  @EachOpenFlagsForm
  void ignoresReadOnlyOpensInDirectories(OpenFlagsForm form) {
    harness.feed(form.open("/etc/init.d/ssh", O_RDONLY).build());
    assertNoFinding();
  }

  @Test
  void ignoresRenameAwayFromRcFiles() {
    harness.feed(rename("/etc/rc.local", "/tmp/x").build());
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/sbin/update-rc.d", "update-rc.d", "/usr/sbin/update-rc.d/", "./update-rc.d"})
  void firesOnExecOfUpdateRcdAnywhere(String pathname) {
    harness.feed(exec(pathname).build());
    assertFiredWithoutData("pathname", pathname);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/sbin/update-rc.d.old", "/usr/sbin/invoke-rc.d", "/usr/sbin/update-rc",
      "/usr/sbin/update-rc.d/x", "/usr/sbin/Update-rc.d", ""})
  void ignoresExecOfOtherPrograms(String pathname) {
    harness.feed(exec(pathname).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void firesFromEveryOriginAsTraceeSelectsAnyOrigin(Origin origin) {
    harness.feed(OpenFlagsForm.PARSED.open("/etc/rc.local", O_WRONLY).origin(origin).build(),
        rename("/tmp/x", "/etc/init.d/x").origin(origin).build(),
        exec("/usr/sbin/update-rc.d").origin(origin).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", "/etc/rc.local").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", "/etc/rc.local")
        .arg("flags", "O_ACCMODE").build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsMissingPathnameOfOpenAsDataProblemEvenForReads(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingNewPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/x").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingExecPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("cmdpath", "/usr/sbin/update-rc.d").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsExecPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", 3L).build());
    assertNoFindingButOneDataProblem();
  }
}
