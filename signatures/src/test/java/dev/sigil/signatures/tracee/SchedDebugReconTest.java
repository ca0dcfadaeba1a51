package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_LARGEFILE;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.provider.Arguments;

@DisplayName("TRC-1029 sched_debug_recon")
class SchedDebugReconTest extends OpenAccessContractTest {
  SchedDebugReconTest() {
    super(new SchedDebugRecon(), Origin.CONTAINER, O_RDONLY, "/proc/sched_debug", "/proc/yo");
  }

  /** Flags first: the signature finds its arguments by name. */
  @Override
  EventBuilder open(Object pathname, Object flags) {
    return fileOpen().arg("flags", flags).arg("pathname", pathname);
  }

  /** Opens of the second path, and with further flags. */
  static Stream<Arguments> opensWatched() {
    return Stream.of(
        fires("the second path", "/sys/kernel/debug/sched/debug", O_RDONLY),
        fires("further flags", "/sys/kernel/debug/sched/debug", O_RDONLY | O_LARGEFILE)
    ).flatMap(rows -> rows);
  }

  /** Paths that are not exactly one of the two sched debug files. */
  static Stream<String> pathsNotWatched() {
    return Stream.of("/proc/sched_debug/", "/proc//sched_debug", "proc/sched_debug",
        "/host/proc/sched_debug", "/proc/sched_debugx", "/sys/kernel/debug/sched",
        "/sys/kernel/debug/sched/debug2", "/proc/1/sched", "");
  }
}
