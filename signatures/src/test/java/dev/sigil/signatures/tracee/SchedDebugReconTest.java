package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
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

@DisplayName("TRC-1029 sched_debug_recon")
class SchedDebugReconTest {
  private final SignatureHarness harness = SignatureHarness.of(new SchedDebugRecon());

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", flags).arg("pathname", pathname);
  }

  private void assertFires(String pathname, Object flags) {
    harness.feed(open(pathname, flags).build());
    Finding finding = harness.only();
    assertSame(SchedDebugRecon.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertSilent(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertDataProblem(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(1, harness.stats().dataProblems());
  }

  @Test
  void carriesTraceesExactMetadataAndSelectors() {
    SignatureMetadata m = SchedDebugRecon.METADATA;
    assertEquals("TRC-1029", m.id());
    assertEquals("1", m.version());
    assertEquals("sched_debug CPU file was read", m.name());
    assertEquals("sched_debug_recon", m.eventName());
    assertEquals("The sched_debug file was read. This file contains information about your CPU and"
        + " processes. Adversaries may read this file in order to gather that information for their"
        + " use.", m.description());
    assertEquals(1, m.severity().traceeValue());
    assertEquals("discovery", m.category());
    assertEquals("Container and Resource Discovery", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1613", m.mitreTechniqueId());
    assertEquals("attack-pattern--0470e792-32f8-46b0-a351-652bc35e9336", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    SchedDebugRecon signature = new SchedDebugRecon();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER)), signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection")
    void firesOnReadingProcSchedDebug(OpenFlagsForm flags) {
      assertFires("/proc/sched_debug", flags.of(O_RDONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadingAnotherProcFile(OpenFlagsForm flags) {
      assertSilent(open("/proc/yo", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWritingProcSchedDebug(OpenFlagsForm flags) {
      assertSilent(open("/proc/sched_debug", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnReadingTheSecondPathSysKernelDebugSchedDebug(OpenFlagsForm flags) {
      assertFires("/sys/kernel/debug/sched/debug", flags.of(O_RDONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/proc/sched_debug", flags.of(O_RDWR));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnReadingWithFurtherFlags(OpenFlagsForm flags) {
      assertFires("/sys/kernel/debug/sched/debug", flags.of(O_RDONLY | O_LARGEFILE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/proc/sched_debug/", "/proc//sched_debug", "proc/sched_debug",
        "/host/proc/sched_debug", "/proc/sched_debugx", "/sys/kernel/debug/sched", "/sys/kernel/debug/sched/debug2",
        "/proc/1/sched", ""})
    void ignoresPathsThatAreNotExactlyASchedDebugFile(String path) {
      harness.feed(open(path, O_RDONLY).build(), open(path, "O_RDONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    void ignoresOpensOutsideAStartedContainer(Origin origin) {
      harness.feed(open("/proc/sched_debug", O_RDONLY).origin(origin).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAnOpenWithoutPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", O_RDONLY).build());
    }

    @Test
    void countsAnOpenWithANullPathnameAsADataProblem() {
      assertDataProblem(open(null, O_RDONLY).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", "/proc/sched_debug").build());
    }

    @Test
    void countsAnOpenWithUnreadableFlagsAsADataProblem() {
      assertDataProblem(open("/proc/sched_debug", true).build());
    }
  }
}
