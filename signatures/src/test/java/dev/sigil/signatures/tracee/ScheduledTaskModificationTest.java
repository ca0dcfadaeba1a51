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
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduledTaskModificationTest extends SignatureTest {
  ScheduledTaskModificationTest() {
    super(new ScheduledTaskModification());
  }

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname, "-e"));
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open file")
    void firesOnWriteOpenOfCrontab(OpenFlagsForm form) {
      harness.feed(form.open("/etc/crontab", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/crontab");
    }

    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open directory")
    void firesOnWriteOpenInCronD(OpenFlagsForm form) {
      harness.feed(form.open("/etc/cron.d/job", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/cron.d/job");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename file")
    void firesOnRenameOntoCrontab() {
      harness.feed(rename("/tmp/x", "/etc/crontab").build());
      assertFiredWithoutData("new_path", "/etc/crontab");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename directory")
    void firesOnRenameIntoCronD() {
      harness.feed(rename("/tmp/x", "/etc/cron.d/job").build());
      assertFiredWithoutData("new_path", "/etc/cron.d/job");
    }

    @Test
    @DisplayName("should trigger detection - sched_process_exec")
    void firesOnExecOfCrontab() {
      harness.feed(exec("/bin/crontab").build());
      assertFiredWithoutData("pathname", "/bin/crontab");
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/var/lib/some_file", O_WRONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadOnlyOpenOfCrontab(OpenFlagsForm form) {
      harness.feed(form.open("/etc/crontab", O_RDONLY).build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherFile() {
      harness.feed(rename("/tmp/x", "/var/lib/some_file").build());
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
  @ValueSource(strings = {"/etc/crontab", "/etc/anacrontab", "/etc/cron.deny", "/etc/cron.allow"})
  void firesOnEachListedFile(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/crontab.bak", "/etc/crontab/", "/etc/crontabs", "/etc/anacrontab~",
      "/etc/cron.allow.rpmsave", "/etc//crontab", "etc/crontab", "/ETC/CRONTAB", "/etc/cron"})
  void ignoresNearMissesOfTheListedFilesWhichMatchExactly(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/cron.hourly/x", "/etc/cron.daily/logrotate", "/etc/cron.weekly/x",
      "/etc/cron.monthly/x", "/etc/cron.d/job", "/var/spool/cron/crontabs/root",
      "/etc/cron.d/sub/dir/job"})
  void firesOnAnythingInEachListedDirectory(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/cron.hourly", "/etc/cron.d", "/var/spool/cron/crontabs",
      "/etc/cron.daily/"})
  void firesOnTheListedDirectoryItself(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(3, harness.findings().size());
  }

  /** Sigil difference: directories match on a path boundary, not as raw prefixes. */
  @Nested
  class PathBoundaryDifference {
    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/x", "/etc/cron.daily/x", "/var/spool/cron/crontabs/x"})
    void firesOnPathsInsideTheDirectory(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d.old/x", "/etc/cron.dpkg-dist", "/etc/cron.deny.bak",
        "/etc/cron.daily.disabled/x", "/etc/cron.hourlyx", "/var/spool/cron/crontabs.bak/root",
        "/var/spool/cron/crontabsx"})
    void ignoresSiblingsThatTraceesRawPrefixWouldMatch(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertNoFinding();
    }
  }

  /** Sigil difference: /var/spool/anacron is watched (Tracee lists it without its slash). */
  @Nested
  class AnacronSpoolDifference {
    @ParameterizedTest
    @ValueSource(strings = {"/var/spool/anacron/cron.daily", "/var/spool/anacron",
        "/var/spool/anacron/"})
    void firesOnAnacronSpool(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/spool/anacron.old/cron.daily", "/var/spool/anacronx",
        "/var/spool/anacro", "/host/var/spool/anacron/cron.daily"})
    void ignoresSiblingsOfAnacronSpool(String path) {
      harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
      assertNoFinding();
    }

    @EachOpenFlagsForm
    void ignoresReadOnlyOpenOfAnacronSpool(OpenFlagsForm form) {
      harness.feed(form.open("/var/spool/anacron/cron.daily", O_RDONLY).build());
      assertNoFinding();
    }

    @Test
    void stillFiresOnTraceesRelativeEntryOnAPathBoundary() {
      harness.feed(OpenFlagsForm.writesAndRenameOnto("var/spool/anacron/cron.daily"));
      assertEquals(3, harness.findings().size());
      harness.clearFindings();
      harness.feed(OpenFlagsForm.writesAndRenameOnto("var/spool/anacron.old/cron.daily"));
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc//cron.d/x", "/etc/./cron.d/x", "/host/etc/cron.d/x", "etc/cron.d/x",
      "/var/spool/cron/root", "/etc/systemd/system/x.timer", ""})
  void ignoresPathsOutsideTheListsWithoutNormalising(String path) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void firesOnReadWriteAndAppendingOpens(OpenFlagsForm form) {
    harness.feed(form.open("/etc/crontab", O_RDWR).build(),
        form.open("/var/spool/cron/crontabs/root", O_WRONLY | O_APPEND).build());
    assertEquals(2, harness.findings().size());
  }

  @EachOpenFlagsForm
  void ignoresReadOnlyOpensInDirectories(OpenFlagsForm form) {
    harness.feed(form.open("/etc/cron.daily/logrotate", O_RDONLY).build());
    assertNoFinding();
  }

  @Test
  void ignoresRenameAwayFromCronFiles() {
    harness.feed(rename("/etc/crontab", "/tmp/x").build());
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/bin/crontab", "/usr/bin/at", "/usr/bin/batch", "/sbin/launchd",
      "crontab", "/usr/bin/at/", "./batch"})
  void firesOnExecOfEachSchedulingCommand(String pathname) {
    harness.feed(exec(pathname).build());
    assertFiredWithoutData("pathname", pathname);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/bin/atq", "/usr/bin/atrm", "/usr/sbin/cron", "/usr/sbin/anacron",
      "/usr/bin/crontab.old", "/usr/bin/crontab/x", "/usr/bin/Crontab", "/bin/cat", ""})
  void ignoresExecOfOtherPrograms(String pathname) {
    harness.feed(exec(pathname).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void firesFromEveryOriginAsTraceeSelectsAnyOrigin(Origin origin) {
    harness.feed(OpenFlagsForm.PARSED.open("/etc/crontab", O_WRONLY).origin(origin).build(),
        rename("/tmp/x", "/etc/cron.d/x").origin(origin).build(),
        exec("/usr/bin/crontab").origin(origin).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", "/etc/crontab").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsFlagsOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", "/etc/crontab")
        .arg("flags", Map.of("value", 1)).build());
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
    harness.feed(EventBuilder.event("sched_process_exec").arg("cmdpath", "/usr/bin/crontab").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableExecPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").invalidArg("pathname", "const char*").build());
    assertNoFindingButOneDataProblem();
  }
}
