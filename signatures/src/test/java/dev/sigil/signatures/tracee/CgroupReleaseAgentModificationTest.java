package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
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

class CgroupReleaseAgentModificationTest {
  private final SignatureHarness harness = SignatureHarness.of(new CgroupReleaseAgentModification());

  private void assertFiredWithoutData(String argName, String path) {
    Finding finding = harness.only();
    assertSame(CgroupReleaseAgentModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(path, String.valueOf(finding.event().string(ArgKey.of(argName))));
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

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadOnlyOpenOfReleaseAgent(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/cgrp/release_agent", O_RDONLY).build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
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

  @Test
  void carriesTraceesExactMetadataAndContainerSelectors() {
    SignatureMetadata m = CgroupReleaseAgentModification.METADATA;
    assertEquals("TRC-1010", m.id());
    assertEquals("1", m.version());
    assertEquals("Cgroups release agent file modification", m.name());
    assertEquals("cgroup_release_agent", m.eventName());
    assertEquals("An attempt to modify Cgroup release agent file was detected. Cgroups are a Linux"
        + " kernel feature which limits the resource usage of a set of processes. Adversaries may"
        + " use this feature for container escaping.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER),
        Selector.of("security_inode_rename", Origin.CONTAINER)),
        new CgroupReleaseAgentModification().selectors());
    assertSame(m, new CgroupReleaseAgentModification().metadata());
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    harness.feed(form.open("/sys/fs/cgroup/rdma/release_agent", O_RDWR | O_LARGEFILE).build());
    assertFiredWithoutData("pathname", "/sys/fs/cgroup/rdma/release_agent");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnTruncatingWriteAsShellRedirectionOpensIt(OpenFlagsForm form) {
    harness.feed(form.open("/mnt/x/release_agent", O_WRONLY | O_CREAT | O_TRUNC).build());
    assertFiredWithoutData("pathname", "/mnt/x/release_agent");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnTrailingSlashAsGoPathBaseDropsIt(OpenFlagsForm form) {
    harness.feed(form.open("/tmp/cgrp/release_agent/", O_WRONLY).build());
    assertFiredWithoutData("pathname", "/tmp/cgrp/release_agent/");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnBareRelativeName(OpenFlagsForm form) {
    harness.feed(form.open("release_agent", O_WRONLY).build());
    assertFiredWithoutData("pathname", "release_agent");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsMissingPathnameOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsPathnameOfWrongKindOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", 7L).arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
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
