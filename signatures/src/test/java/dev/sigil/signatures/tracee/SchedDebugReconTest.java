package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
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

@DisplayName("TRC-1029 sched_debug_recon")
class SchedDebugReconTest extends SignatureTest {
  SchedDebugReconTest() {
    super(new SchedDebugRecon());
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("flags", flags).arg("pathname", pathname);
  }

  private void assertFires(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnReadingProcSchedDebug(OpenFlagsForm flags) {
      assertFires("/proc/sched_debug", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadingAnotherProcFile(OpenFlagsForm flags) {
      assertSilent(open("/proc/yo", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWritingProcSchedDebug(OpenFlagsForm flags) {
      assertSilent(open("/proc/sched_debug", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnReadingTheSecondPathSysKernelDebugSchedDebug(OpenFlagsForm flags) {
      assertFires("/sys/kernel/debug/sched/debug", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/proc/sched_debug", flags.of(O_RDWR));
    }

    @EachOpenFlagsForm
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
