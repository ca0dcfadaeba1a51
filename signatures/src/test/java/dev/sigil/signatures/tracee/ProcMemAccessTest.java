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
import org.junit.jupiter.params.provider.Arguments;
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

  /** Paths that one expression or both find (Sigil's difference: either will do). */
  static Stream<Arguments> opensWatched() {
    return Stream.of(
        fires("only the newer expression finds /proc/self", "/proc/self/mem", O_RDONLY),
        fires("only the newer expression finds a single-digit pid", "/proc/1/mem", O_RDONLY),
        fires("only v0.24.1's expression finds a thread's", "/proc/543/task/544/mem", O_RDONLY),
        fires("only v0.24.1's expression finds a thread of pid 1", "/proc/1/task/1/mem",
            O_RDONLY),
        fires("both expressions find a multi-digit pid", "/proc/12/mem", O_RDONLY),
        fires("further flags", "/proc/self/mem", O_RDONLY | O_LARGEFILE)
    ).flatMap(rows -> rows);
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
