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

class RcdModificationTest {
  private final SignatureHarness harness = SignatureHarness.of(new RcdModification());

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname));
  }

  private void assertFiredWithoutData(String argName, String path) {
    Finding finding = harness.only();
    assertSame(RcdModification.METADATA, finding.metadata());
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
    void firesOnWriteOpenOfRcLocal(OpenFlagsForm form) {
      harness.feed(form.open("/etc/rc.local", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/etc/rc.local");
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
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

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherEtcFile(OpenFlagsForm form) {
      harness.feed(form.open("/etc/something", O_WRONLY).build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
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

  @Test
  void carriesTraceesExactMetadataAndSelectorsOfAnyOrigin() {
    SignatureMetadata m = RcdModification.METADATA;
    assertEquals("TRC-1026", m.id());
    assertEquals("1", m.version());
    assertEquals("Rcd modification detected", m.name());
    assertEquals("rcd_modification", m.eventName());
    assertEquals("The rcd files were modified. rcd files are scripts executed on boot and runlevel"
        + " switch. Those scripts are responsible for service control in runlevel switch."
        + " Adversaries may add or modify rcd files in order to persist a reboot, thus maintaining"
        + " malicious execution on the affected host.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("persistence", m.category());
    assertEquals("RC Scripts", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1037.004", m.mitreTechniqueId());
    assertEquals("attack-pattern--dca670cf-eeec-438f-8185-fd959d9ef211", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("security_file_open"), Selector.event("security_inode_rename"),
        Selector.event("sched_process_exec")), new RcdModification().selectors());
    assertSame(m, new RcdModification().metadata());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc.local", "/etc/init.d/rc.local"})
  void firesOnEachListedFile(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc.local.bak", "/etc/rc.localx", "/etc/rc.local/", "/etc/rc.loca",
      "/etc//rc.local", "etc/rc.local", "/ETC/RC.LOCAL"})
  void ignoresNearMissesOfTheListedFilesWhichMatchExactly(String path) {
    feedWritesAndRenameOnto(path);
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc1.d/S01x", "/etc/rc2.d/S01x", "/etc/rc3.d/S01x", "/etc/rc4.d/S01x",
      "/etc/rc5.d/S01x", "/etc/rc6.d/K01x", "/etc/rcs.d/S01x", "/etc/init.d/backdoor",
      "/etc/rc.d/rc.local", "/etc/rc.d/init.d/backdoor", "/etc/rc.d/rc3.d/S99x",
      "/etc/rc.d/rc.local.d/x"})
  void firesOnAnythingInEachListedDirectory(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/rc1.d", "/etc/rcs.d", "/etc/init.d", "/etc/rc.d", "/etc/rc.d/init.d",
      "/etc/rc3.d/"})
  void firesOnTheListedDirectoryItself(String path) {
    feedWritesAndRenameOnto(path);
    assertEquals(3, harness.findings().size());
  }

  /** Sigil difference: directories match on a path boundary, not as raw prefixes. */
  @Nested
  class PathBoundaryDifference {
    @ParameterizedTest
    @ValueSource(strings = {"/etc/rc.d/x", "/etc/init.d/x", "/etc/rc1.d/x", "/etc/rc.d/init.d/x"})
    void firesOnPathsInsideTheDirectory(String path) {
      feedWritesAndRenameOnto(path);
      assertEquals(3, harness.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/rc.d.old/x", "/etc/rc.dx", "/etc/init.d.bak/x", "/etc/init.d-old",
        "/etc/rc1.d.dpkg-old/S01x", "/etc/rcs.dd", "/etc/rc6.d~", "/etc/init.d.rc.local"})
    void ignoresSiblingsThatTraceesRawPrefixWouldMatch(String path) {
      feedWritesAndRenameOnto(path);
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc//rc.d/x", "/etc/./init.d/x", "/host/etc/init.d/x", "etc/rc.d/x",
      "/etc/rc7.d/x", "/etc/systemd/system/x.service", ""})
  void ignoresPathsOutsideTheListsWithoutNormalising(String path) {
    feedWritesAndRenameOnto(path);
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteAndAppendingOpens(OpenFlagsForm form) {
    harness.feed(form.open("/etc/rc.local", O_RDWR).build(),
        form.open("/etc/init.d/x", O_WRONLY | O_APPEND).build());
    assertEquals(2, harness.findings().size());
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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
    harness.feed(EventBuilder.event("sched_process_exec").arg("cmdpath", "/usr/sbin/update-rc.d").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsExecPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", 3L).build());
    assertNoFindingButOneDataProblem();
  }
}
