package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
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

@DisplayName("TRC-1031 system_request_key_mod")
class SystemRequestKeyConfigModificationTest extends SignatureTest {
  SystemRequestKeyConfigModificationTest() {
    super(new SystemRequestKeyConfigModification());
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("flags", flags);
  }

  private void assertFires(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnWritingProcSysKernelSysrq(OpenFlagsForm flags) {
      assertFires("/proc/sys/kernel/sysrq", flags.of(O_WRONLY));
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadingProcSysKernelSysrq(OpenFlagsForm flags) {
      assertSilent(open("/proc/sys/kernel/sysrq", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWritingAnotherFile(OpenFlagsForm flags) {
      assertSilent(open("/tmp/something", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnWritingTheSecondPathProcSysrqTrigger(OpenFlagsForm flags) {
      assertFires("/proc/sysrq-trigger", flags.of(O_WRONLY));
    }

    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/proc/sysrq-trigger", flags.of(O_RDWR));
    }

    @EachOpenFlagsForm
    void firesOnWritingWithTruncation(OpenFlagsForm flags) {
      assertFires("/proc/sys/kernel/sysrq", flags.of(O_WRONLY | O_TRUNC));
    }

    @EachOpenFlagsForm
    void ignoresReadingTheSecondPath(OpenFlagsForm flags) {
      assertSilent(open("/proc/sysrq-trigger", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/proc/sys/kernel/sysrq/", "/proc/sys/kernel//sysrq", "proc/sysrq-trigger",
        "/host/proc/sysrq-trigger", "/proc/sysrq-trigger2", "/proc/sys/kernel", "/proc/1/sysrq-trigger",
        ""})
    void ignoresPathsThatAreNotExactlyASysrqFile(String path) {
      harness.feed(open(path, O_WRONLY).build(), open(path, "O_WRONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    void ignoresOpensOutsideAStartedContainer(Origin origin) {
      harness.feed(open("/proc/sysrq-trigger", O_WRONLY).origin(origin).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @EachOpenFlagsForm
    void neverLooksAtThePathnameOfAnOpenForReadingAsTraceeDoesNot(OpenFlagsForm flags) {
      assertSilent(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    void countsAnOpenForWritingWithoutPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", flags.of(O_WRONLY)).build());
    }

    @Test
    void countsAnOpenForWritingWithANumericPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", 7L).arg("flags", O_WRONLY).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", "/proc/sysrq-trigger").build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open("/proc/sysrq-trigger", null).build());
    }
  }
}
