package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the tests of the signatures that watch a file being written share beyond {@link
 * FileOpenContractTest}: a file renamed onto the watched path is written too. Tracee's two cases
 * of {@code security_inode_rename}, and what a rename's arguments are read for.
 */
abstract class FileRenameContractTest extends FileOpenContractTest {
  /** See {@link FileOpenContractTest}: these signatures fire on opens for writing. */
  FileRenameContractTest(Signature signature, @Nullable Origin selected, ReadOrder readOrder,
      String watchedPath, String anotherPath) {
    super(signature, selected, readOrder, OpenFlagsForm.O_WRONLY, watchedPath, anotherPath);
  }

  @Nested
  @DisplayName("Tracee's test cases of security_inode_rename")
  class TraceeRenameCases {
    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenameOntoTheWatchedPath() {
      harness.feed(rename("/tmp/x", watchedPath).build());
      assertFiredWithoutData("new_path", watchedPath);
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherPath() {
      harness.feed(rename("/tmp/x", anotherPath).build());
      assertNoFinding();
    }
  }

  @Test
  void ignoresRenameAwayFromTheWatchedPath() {
    harness.feed(rename(watchedPath, "/tmp/x").build());
    assertNoFinding();
  }

  @Test
  void countsMissingNewPathAsDataProblem() {
    harness.feed(event("security_inode_rename").arg("old_path", "/tmp/x").build());
    assertNoFindingButOneDataProblem();
  }
}
