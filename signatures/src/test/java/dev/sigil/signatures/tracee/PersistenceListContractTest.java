package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_APPEND;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that watch lists of persistence files share beyond {@link
 * FileRenameContractTest}: files matched exactly, directories matched on a path boundary (a Sigil
 * difference: Tracee compares a raw prefix), programs whose exec fires, and any origin.
 *
 * <p>A concrete test names its signature, the paths and program of Tracee's cases, how Tracee
 * prints the exec of a program, and declares two tables of {@link #fire} and {@link #ignore}
 * rows: {@code static Stream<Arguments> changedPaths()}, paths each changed in the three ways of
 * {@link OpenFlagsForm#writesAndRenameOnto}, and {@code static Stream<Arguments> execs()}, the
 * programs run.
 */
abstract class PersistenceListContractTest extends FileRenameContractTest {
  private final String pathInWatchedDirectory;
  private final String program;

  /**
   * @param watchedFile the listed file of Tracee's cases
   * @param pathInWatchedDirectory the path in a listed directory of Tracee's cases
   * @param anotherPath the path of Tracee's cases that is not watched
   * @param program the program of Tracee's case whose exec fires
   */
  PersistenceListContractTest(Signature signature, String watchedFile,
      String pathInWatchedDirectory, String anotherPath, String program) {
    super(signature, null, ReadOrder.PATHNAME_FIRST, watchedFile, anotherPath);
    this.pathInWatchedDirectory = pathInWatchedDirectory;
    this.program = program;
  }

  /** A {@code sched_process_exec} of the program, as Tracee prints it for the signature. */
  abstract EventBuilder exec(String pathname);

  @Nested
  @DisplayName("Tracee's test cases of directories and programs")
  class TraceeDirectoryAndProgramCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open directory")
    void firesOnWriteOpenInAWatchedDirectory(OpenFlagsForm form) {
      harness.feed(form.open(pathInWatchedDirectory, O_WRONLY).build());
      assertFiredWithoutData("pathname", pathInWatchedDirectory);
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename directory")
    void firesOnRenameIntoAWatchedDirectory() {
      harness.feed(rename("/tmp/x", pathInWatchedDirectory).build());
      assertFiredWithoutData("new_path", pathInWatchedDirectory);
    }

    @Test
    @DisplayName("should trigger detection - sched_process_exec")
    void firesOnExecOfTheProgram() {
      harness.feed(exec(program).build());
      assertFiredWithoutData("pathname", program);
    }

    @Test
    @DisplayName("should not trigger detection - sched_process_exec")
    void ignoresExecOfLs() {
      harness.feed(exec("/bin/ls").build());
      assertNoFinding();
    }
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("changedPaths")
  void firesOnEveryChangeOfTheListedPathsAlone(String path, boolean fires, String why) {
    harness.feed(OpenFlagsForm.writesAndRenameOnto(path));
    assertEquals(fires ? 3 : 0, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("execs")
  void firesOnExecOfTheListedProgramsAlone(String pathname, boolean fires, String why) {
    harness.feed(exec(pathname).build());
    if (fires) {
      assertFiredWithoutData("pathname", pathname);
    } else {
      assertNoFinding();
    }
  }

  @EachOpenFlagsForm
  void firesOnReadWriteAndAppendingOpens(OpenFlagsForm form) {
    harness.feed(form.open(watchedPath, O_RDWR).build(),
        form.open(pathInWatchedDirectory, O_WRONLY | O_APPEND).build());
    assertEquals(2, harness.findings().size());
  }

  @EachOpenFlagsForm
  void ignoresReadOnlyOpensInDirectories(OpenFlagsForm form) {
    harness.feed(form.open(pathInWatchedDirectory, O_RDONLY).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void firesFromEveryOriginAsTraceeSelectsAnyOrigin(Origin origin) {
    harness.feed(OpenFlagsForm.PARSED.open(watchedPath, O_WRONLY).origin(origin).build(),
        rename("/tmp/x", pathInWatchedDirectory).origin(origin).build(),
        exec(program).origin(origin).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void countsMissingExecPathnameAsDataProblem() {
    harness.feed(event("sched_process_exec").arg("cmdpath", program).build());
    assertNoFindingButOneDataProblem();
  }
}
