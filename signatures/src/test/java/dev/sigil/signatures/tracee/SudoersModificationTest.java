package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
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

@DisplayName("TRC-1028 sudoers_modification")
class SudoersModificationTest extends SignatureTest {
  SudoersModificationTest() {
    super(new SudoersModification());
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").arg("pathname", pathname).arg("flags", flags);
  }

  private static EventBuilder rename(String newPath) {
    return EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/staged")
        .arg("new_path", newPath);
  }

  private void assertFiresOnOpen(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  private void assertFiresOnRename(String newPath) {
    assertFires(rename(newPath).build(), "new_path", newPath);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open file")
    void firesOnOpenForWritingOfEtcSudoers(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers", flags.of(O_WRONLY));
    }

    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open dir")
    void firesOnOpenForWritingInEtcSudoersD(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers.d/amnon", flags.of(O_WRONLY));
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename file")
    void firesOnRenameOntoEtcSudoers() {
      assertFiresOnRename("/etc/sudoers");
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename dir")
    void firesOnRenameIntoEtcSudoersD() {
      assertFiresOnRename("/etc/sudoers.d/amnon");
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresOpenForReadingOfEtcSudoers(OpenFlagsForm flags) {
      assertSilent(open("/etc/sudoers", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresOpenForWritingOfAnotherFile(OpenFlagsForm flags) {
      assertSilent(open("/tmp/something", flags.of(O_WRONLY)).build());
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherFile() {
      assertSilent(rename("/tmp/something").build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnOpenForWritingOfTheSecondFilePrivateEtcSudoers(OpenFlagsForm flags) {
      assertFiresOnOpen("/private/etc/sudoers", flags.of(O_WRONLY));
    }

    @EachOpenFlagsForm
    void firesOnOpenForWritingInTheSecondDirectoryPrivateEtcSudoersD(OpenFlagsForm flags) {
      assertFiresOnOpen("/private/etc/sudoers.d/x", flags.of(O_WRONLY));
    }

    @Test
    void firesOnRenameOntoTheSecondFileAndIntoTheSecondDirectory() {
      harness.feed(rename("/private/etc/sudoers").build(), rename("/private/etc/sudoers.d/y").build());
      assertEquals(2, harness.findings().size());
    }

    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers", flags.of(O_RDWR));
    }

    @EachOpenFlagsForm
    void firesOnOpenThatCreatesAndTruncates(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers.d/90-backdoor", flags.of(O_WRONLY | O_CREAT | O_TRUNC));
    }

    @EachOpenFlagsForm
    void firesOnTheDirectoryPathWithItsTrailingSlashAsTraceesPrefixDoes(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers.d/", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/etc/sudoers.d", "/etc/sudoers.d.bak/x", "/etc/sudoers/", "/etc/sudoersx",
        "/etc//sudoers", "etc/sudoers", "/host/etc/sudoers", "/ETC/SUDOERS", "/private/etc/sudoers.d",
        "/etc/sudoers.tmp", ""})
    void ignoresPathsThatAreNotExactlyASudoersFileOrInsideASudoersDirectory(String path) {
      harness.feed(open(path, O_WRONLY).build(), open(path, "O_WRONLY").build(), rename(path).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(Origin.class)
    void firesFromEveryOrigin(Origin origin) {
      harness.feed(open("/etc/sudoers", O_WRONLY).origin(origin).build(),
          rename("/etc/sudoers").origin(origin).build());
      assertEquals(2, harness.findings().size());
    }

    @Test
    void ignoresOtherEventsWithASudoersPath() {
      harness.feed(EventBuilder.event("openat").arg("pathname", "/etc/sudoers").arg("flags", 1L).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @EachOpenFlagsForm
    void neverLooksAtThePathnameOfAnOpenForReadingAsTraceeDoesNot(OpenFlagsForm flags) {
      assertSilent(EventBuilder.event("security_file_open").arg("flags", flags.of(O_RDONLY)).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("pathname", "/etc/sudoers").build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open("/etc/sudoers", null).build());
    }

    @Test
    void countsAnOpenWithUnreadableFlagsAsADataProblem() {
      assertDataProblem(open("/etc/sudoers", List.of("O_WRONLY")).build());
    }

    @EachOpenFlagsForm
    void countsAnOpenForWritingWithoutPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", flags.of(O_WRONLY)).build());
    }

    @EachOpenFlagsForm
    void countsAnOpenForWritingWithANumericPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(EventBuilder.event("security_file_open").arg("pathname", 42L)
          .arg("flags", flags.of(O_WRONLY)).build());
    }

    @Test
    void countsARenameWithoutNewPathAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_inode_rename").arg("old_path", "/etc/sudoers").build());
    }

    @Test
    void countsARenameWithANullNewPathAsADataProblem() {
      assertDataProblem(rename(null).build());
    }
  }
}
