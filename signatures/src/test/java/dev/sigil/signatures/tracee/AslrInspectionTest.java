package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

@DisplayName("TRC-109 aslr_inspection")
class AslrInspectionTest extends OpenAccessContractTest {
  private static final String ASLR = "/proc/sys/kernel/randomize_va_space";

  AslrInspectionTest() {
    super(new AslrInspection(), null, O_RDONLY, ASLR, "/proc/sys/kernel/yo");
  }

  /** An open for reading with a further flag. */
  static Stream<Arguments> opensWatched() {
    return fires("further flags", ASLR, O_RDONLY | O_CLOEXEC);
  }

  /** Paths that are not exactly randomize_va_space. */
  static Stream<String> pathsNotWatched() {
    return Stream.of("/proc/sys/kernel/randomize_va_space/",
        "/proc/sys//kernel/randomize_va_space", "proc/sys/kernel/randomize_va_space",
        "/host/proc/sys/kernel/randomize_va_space", "/proc/sys/kernel/randomize_va_space2",
        "/proc/sys/kernel/randomize_va_spac", "");
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @Test
    void ignoresOtherEvents() {
      assertSilent(EventBuilder.event("openat").arg("pathname", ASLR).arg("flags", O_RDONLY)
          .build());
      assertEquals(0, harness.stats().events());
    }
  }
}
