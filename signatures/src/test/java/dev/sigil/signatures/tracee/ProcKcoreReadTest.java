package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
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

class ProcKcoreReadTest {
  private final SignatureHarness harness = SignatureHarness.of(new ProcKcoreRead());

  private void assertFiredWithoutData(String pathname) {
    Finding finding = harness.only();
    assertSame(ProcKcoreRead.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
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
    @DisplayName("should trigger detection")
    void firesOnReadOfProcKcore(OpenFlagsForm form) {
      harness.feed(form.open("/proc/kcore", O_RDONLY).build());
      assertFiredWithoutData("/proc/kcore");
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWriteOnlyOpenOfProcKcore(OpenFlagsForm form) {
      harness.feed(form.open("/proc/kcore", O_WRONLY).build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadOfAnotherProcFile(OpenFlagsForm form) {
      harness.feed(form.open("/proc/something", O_RDONLY).build());
      assertNoFinding();
    }
  }

  @Test
  void carriesTraceesExactMetadataAndContainerSelector() {
    SignatureMetadata m = ProcKcoreRead.METADATA;
    assertEquals("TRC-1021", m.id());
    assertEquals("1", m.version());
    assertEquals("Kcore memory file read", m.name());
    assertEquals("proc_kcore_read", m.eventName());
    assertEquals("An attempt to read /proc/kcore file was detected. KCore provides a full dump of"
        + " the physical memory of the system in the core file format. Adversaries may read this"
        + " file to get all of the host memory and use this information for container escape.",
        m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER)),
        new ProcKcoreRead().selectors());
    assertSame(m, new ProcKcoreRead().metadata());
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWithTheFlagsCatUses(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDONLY | O_LARGEFILE | O_CLOEXEC).build());
    assertFiredWithoutData("/proc/kcore");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteOpenBecauseItReadsToo(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDWR).build());
    assertFiredWithoutData("/proc/kcore");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnHostProcMountedElsewhereAsTheSuffixIsCompared(OpenFlagsForm form) {
    harness.feed(form.open("/host/proc/kcore", O_RDONLY).build());
    assertFiredWithoutData("/host/proc/kcore");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void ignoresNeighboursOfProcKcore(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/kcore2", O_RDONLY).build(),
        form.open("/proc/kcore/", O_RDONLY).build(),
        form.open("/proc/kmsg", O_RDONLY).build(),
        form.open("kcore", O_RDONLY).build(),
        form.open("/proc/KCORE", O_RDONLY).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void ignoresHostAndContainerInitEventsWithoutDispatchingThem(OpenFlagsForm form) {
    harness.feed(
        form.open("/proc/kcore", O_RDONLY).origin(Origin.HOST).build(),
        form.open("/proc/kcore", O_RDONLY).origin(Origin.CONTAINER_INIT).build());
    assertNoFinding();
    assertEquals(0, harness.stats().events(), "only a started container's events are selected");
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate(OpenFlagsForm form) {
    harness.feed(form.open("/proc/kcore", O_RDONLY).build(), form.open("/proc/kcore", O_RDONLY).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/proc/kcore").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", "/proc/kcore").arg("flags", "").build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsMissingPathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsUndecodablePathnameAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .invalidArg("pathname", "const char*").arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void findsArgumentsByNameInAnyOrder() {
    harness.feed(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", "O_RDONLY").arg("pathname", "/proc/kcore").build());
    assertFiredWithoutData("/proc/kcore");
  }
}
