package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-109 aslr_inspection")
class AslrInspectionTest extends SignatureTest {
  private static final String ASLR = "/proc/sys/kernel/randomize_va_space";
  AslrInspectionTest() {
    super(new AslrInspection());
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").arg("flags", flags).arg("pathname", pathname);
  }

  private void assertFires(Event event) {
    assertFires(event, "pathname", ASLR);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnReadingRandomizeVaSpace(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWritingRandomizeVaSpace(OpenFlagsForm flags) {
      // Tracee's case lists pathname before flags: arguments are found by name in any order.
      assertSilent(EventBuilder.event("security_file_open").arg("pathname", ASLR)
          .arg("flags", flags.of(O_WRONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadingAnotherKernelSetting(OpenFlagsForm flags) {
      assertSilent(open("/proc/sys/kernel/yo", flags.of(O_RDONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDWR)).build());
    }

    @EachOpenFlagsForm
    void firesOnReadingWithFurtherFlags(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDONLY | O_CLOEXEC)).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(Origin.class)
    void firesFromEveryOrigin(Origin origin) {
      assertFires(open(ASLR, O_RDONLY).origin(origin).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/proc/sys/kernel/randomize_va_space/", "/proc/sys//kernel/randomize_va_space",
        "proc/sys/kernel/randomize_va_space", "/host/proc/sys/kernel/randomize_va_space",
        "/proc/sys/kernel/randomize_va_space2", "/proc/sys/kernel/randomize_va_spac", ""})
    void ignoresPathsThatAreNotExactlyRandomizeVaSpace(String path) {
      harness.feed(open(path, O_RDONLY).build(), open(path, "O_RDONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @Test
    void ignoresOtherEvents() {
      harness.feed(EventBuilder.event("openat").arg("pathname", ASLR).arg("flags", O_RDONLY).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAnOpenWithoutPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", O_RDONLY).build());
    }

    @Test
    void countsAnOpenWithANumericPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", O_RDONLY)
          .arg("pathname", 1L).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("pathname", ASLR).build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open(ASLR, null).build());
    }
  }
}
