package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;

import dev.sigil.core.Origin;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.provider.Arguments;

@DisplayName("TRC-1031 system_request_key_mod")
class SystemRequestKeyConfigModificationTest extends OpenAccessContractTest {
  SystemRequestKeyConfigModificationTest() {
    super(new SystemRequestKeyConfigModification(), Origin.CONTAINER, O_WRONLY,
        "/proc/sys/kernel/sysrq", "/tmp/something");
  }

  /** Opens of the second path, and with truncation. */
  static Stream<Arguments> opensWatched() {
    return Stream.of(
        fires("the second path", "/proc/sysrq-trigger", O_WRONLY),
        fires("the second path, for reading and writing", "/proc/sysrq-trigger", O_RDWR),
        fires("truncating", "/proc/sys/kernel/sysrq", O_WRONLY | O_TRUNC)
    ).flatMap(rows -> rows);
  }

  /** Paths that are not exactly one of the two sysrq files. */
  static Stream<String> pathsNotWatched() {
    return Stream.of("/proc/sys/kernel/sysrq/", "/proc/sys/kernel//sysrq", "proc/sysrq-trigger",
        "/host/proc/sysrq-trigger", "/proc/sysrq-trigger2", "/proc/sys/kernel",
        "/proc/1/sysrq-trigger", "");
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void ignoresReadingTheSecondPath(OpenFlagsForm flags) {
      assertSilent(open("/proc/sysrq-trigger", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    void neverLooksAtThePathnameOfAnOpenForReadingAsTraceeDoesNot(OpenFlagsForm flags) {
      assertSilent(fileOpen().arg("flags", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    void countsAnOpenForWritingWithoutPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(fileOpen().arg("flags", flags.of(O_WRONLY)).build());
    }
  }
}
