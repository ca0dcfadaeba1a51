package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_APPEND;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduledTaskModificationTest {
  private final SignatureHarness harness = SignatureHarness.of(new ScheduledTaskModification());

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname, "-e"));
  }

  private void assertFiredWithoutData(String argName, String path) {
    Finding finding = harness.only();
    assertSame(ScheduledTaskModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(path, String.valueOf(finding.event().string(ArgKey.of(argName))));
  }

  /** Feeds a write-open in both flag forms and a rename onto the path; expects 3 or 0 findings. */
  private void feedWritesAndRenameOnto(String path) {
    harness.feed(OpenFlagsForm.NUMBER.open(path, O_WRONLY).build(),
        OpenFlagsForm.PARSED.open(path, O_WRONLY | O_CREAT | O_TRUNC).build(),
        rename("/tmp/x", path).build());
  }

  private void assertNoFinding() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection - security_file_open file")
    void firesOnWriteOpenOfCrontab(OpenFlagsForm form) {
      harness.feed(form.open("/etc/crontab", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/crontab");
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
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

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/var/lib/some_file", O_WRONLY).build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
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

  @Test
  void carriesTraceesExactMetadataAndSelectorsOfAnyOrigin() {
    SignatureMetadata m = ScheduledTaskModification.METADATA;
    assertEquals("TRC-1027", m.id());
    assertEquals("1", m.version());
    assertEquals("Scheduled tasks modification detected", m.name());
    assertEquals("scheduled_task_mod", m.eventName());
    assertEquals("The task scheduling functionality or files were modified. Crontab schedules task"
        + " execution or enables task execution at boot time. Adversaries may add or modify"
        + " scheduled tasks in order to persist a reboot, thus maintaining malicious execution on"
        + " the affected host.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("persistence", m.category());
    assertEquals("Cron", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1053.003", m.mitreTechniqueId());
    assertEquals("attack-pattern--2acf44aa-542f-4366-b4eb-55ef5747759c", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("security_file_open"), Selector.event("security_inode_rename"),
        Selector.event("sched_process_exec")), new ScheduledTaskModification().selectors());
    assertSame(m, new ScheduledTaskModification().metadata());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/crontab", "/etc/anacrontab", "/etc/cron.deny", "/etc/cron.allow"})
  void firesOnEachListedFile(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/crontab.bak", "/etc/crontab/", "/etc/crontabs", "/etc/anacrontab~",
      "/etc/cron.allow.rpmsave", "/etc//crontab", "etc/crontab", "/ETC/CRONTAB", "/etc/cron"})
  void ignoresNearMissesOfTheListedFilesWhichMatchExactly(String path) {
    feedWritesAndRenameOnto(path);
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/cron.hourly/x", "/etc/cron.daily/logrotate", "/etc/cron.weekly/x",
      "/etc/cron.monthly/x", "/etc/cron.d/job", "/var/spool/cron/crontabs/root",
      "/etc/cron.d/sub/dir/job"})
  void firesOnAnythingInEachListedDirectory(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/cron.hourly", "/etc/cron.d", "/var/spool/cron/crontabs",
      "/etc/cron.daily/"})
  void firesOnTheListedDirectoryItself(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  /** Sigil difference: directories match on a path boundary, not as raw prefixes. */
  @Nested
  class PathBoundaryDifference {
    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/x", "/etc/cron.daily/x", "/var/spool/cron/crontabs/x"})
    void firesOnPathsInsideTheDirectory(String path) {
      feedWritesAndRenameOnto(path);
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d.old/x", "/etc/cron.dpkg-dist", "/etc/cron.deny.bak",
        "/etc/cron.daily.disabled/x", "/etc/cron.hourlyx", "/var/spool/cron/crontabs.bak/root",
        "/var/spool/cron/crontabsx"})
    void ignoresSiblingsThatTraceesRawPrefixWouldMatch(String path) {
      feedWritesAndRenameOnto(path);
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
      feedWritesAndRenameOnto(path);
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/spool/anacron.old/cron.daily", "/var/spool/anacronx",
        "/var/spool/anacro", "/host/var/spool/anacron/cron.daily"})
    void ignoresSiblingsOfAnacronSpool(String path) {
      feedWritesAndRenameOnto(path);
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    void ignoresReadOnlyOpenOfAnacronSpool(OpenFlagsForm form) {
      harness.feed(form.open("/var/spool/anacron/cron.daily", O_RDONLY).build());
      assertNoFinding();
    }

    @Test
    void stillFiresOnTraceesRelativeEntryOnAPathBoundary() {
      feedWritesAndRenameOnto("var/spool/anacron/cron.daily");
      assertEquals(3, harness.findings().size());
      harness.clearFindings();
      feedWritesAndRenameOnto("var/spool/anacron.old/cron.daily");
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc//cron.d/x", "/etc/./cron.d/x", "/host/etc/cron.d/x", "etc/cron.d/x",
      "/var/spool/cron/root", "/etc/systemd/system/x.timer", ""})
  void ignoresPathsOutsideTheListsWithoutNormalising(String path) {
    feedWritesAndRenameOnto(path);
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteAndAppendingOpens(OpenFlagsForm form) {
    harness.feed(form.open("/etc/crontab", O_RDWR).build(),
        form.open("/var/spool/cron/crontabs/root", O_WRONLY | O_APPEND).build());
    assertEquals(2, harness.findings().size());
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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
