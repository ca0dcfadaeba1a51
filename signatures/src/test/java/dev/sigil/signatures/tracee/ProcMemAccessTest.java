package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-1023 proc_mem_access")
class ProcMemAccessTest extends OpenAccessContractTest {
  ProcMemAccessTest() {
    super(new ProcMemAccess(), null, O_RDONLY, "/proc/543/mem", "/var/543/mem");
  }

  /** From the host: the signature selects every origin. */
  @Override
  EventBuilder fileOpen() {
    return EventBuilder.event("security_file_open");
  }

  /** Flags first: the signature finds its arguments by name. */
  @Override
  EventBuilder open(Object pathname, Object flags) {
    return fileOpen().arg("flags", flags).arg("pathname", pathname);
  }

  /** Paths that neither expression finds. */
  static Stream<String> pathsNotWatched() {
    return Stream.of("/proc/42/mem/", "/proc/42/memx", "/proc/42/mem\n", "/proc//mem",
        "/proc/x/mem", "/proc/42/maps", "/proc/SELF/mem", "/proc/4\n2/mem", "/proc/\u0661/mem",
        "/proc/mem", "proc/42/mem", "/proc/self/mem.bak", "/proc/thread-self/mem", "");
  }

  @Nested
  @DisplayName("Sigil's difference: either Tracee v0.24.1's or newer Tracee's expression")
  class EitherExpression {
    @EachOpenFlagsForm
    void firesOnProcSelfMemWhichOnlyTheNewerExpressionFinds(OpenFlagsForm flags) {
      assertFires("/proc/self/mem", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    void firesOnASingleDigitPidWhichOnlyTheNewerExpressionFinds(OpenFlagsForm flags) {
      assertFires("/proc/1/mem", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    void firesOnAThreadsMemWhichOnlyTheV0241ExpressionFinds(OpenFlagsForm flags) {
      assertFires("/proc/543/task/544/mem", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    void firesOnAThreadOfPidOneWhichOnlyTheV0241ExpressionFinds(OpenFlagsForm flags) {
      assertFires("/proc/1/task/1/mem", flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    void firesOnAMultiDigitPidWhichBothExpressionsFind(OpenFlagsForm flags) {
      assertFires("/proc/12/mem", flags.of(O_RDONLY));
    }

    @Test
    void firesOnADigitFollowedByAnythingAsV0241sLooseExpressionDoes() {
      assertFires("/proc/1x/mem", O_RDONLY);
    }

    @EachOpenFlagsForm
    void ignoresProcSelfTaskMemWhichNeitherExpressionFinds(OpenFlagsForm flags) {
      assertSilent(open("/proc/self/task/1/mem", flags.of(O_RDONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnReadingWithFurtherFlags(OpenFlagsForm flags) {
      assertFires("/proc/self/mem", flags.of(O_RDONLY | O_LARGEFILE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/host/proc/42/mem", "/host/proc/self/mem", "proc/7/mem/proc/8/mem",
        "/proc/4\r2/mem"})
    void firesWhereverTheExpressionsFindTheirMatchInTheRawPath(String path) {
      assertFires(path, O_RDONLY);
    }

    @Test
    void findsAMemFileAgainAfterAPathThatDidNotMatch() {
      harness.feed(open("/etc/hosts", O_RDONLY).build(), open("/proc/9/mem", O_RDONLY).build(),
          open("/etc/hosts", O_RDONLY).build(), open("/proc/self/mem", O_RDONLY).build());
      assertEquals(2, harness.findings().size());
    }
  }
}
