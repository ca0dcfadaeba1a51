package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.NUMBER;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.PARSED;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-1028 sudoers_modification")
class SudoersModificationTest extends FileRenameContractTest {
  SudoersModificationTest() {
    super(new SudoersModification(), null, ReadOrder.FLAGS_FIRST, "/etc/sudoers",
        "/tmp/something");
  }

  @Nested
  @DisplayName("Tracee's test cases of the sudoers directory")
  class TraceeDirectoryCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open dir")
    void firesOnOpenForWritingInEtcSudoersD(OpenFlagsForm form) {
      assertOpenFires(form, "/etc/sudoers.d/amnon", O_WRONLY);
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename dir")
    void firesOnRenameIntoEtcSudoersD() {
      assertFires(rename("/tmp/staged", "/etc/sudoers.d/amnon").build(), "new_path",
          "/etc/sudoers.d/amnon");
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnOpenForWritingOfTheSecondFilePrivateEtcSudoers(OpenFlagsForm form) {
      assertOpenFires(form, "/private/etc/sudoers", O_WRONLY);
    }

    @EachOpenFlagsForm
    void firesOnOpenForWritingInTheSecondDirectoryPrivateEtcSudoersD(OpenFlagsForm form) {
      assertOpenFires(form, "/private/etc/sudoers.d/x", O_WRONLY);
    }

    @Test
    void firesOnRenameOntoTheSecondFileAndIntoTheSecondDirectory() {
      harness.feed(rename("/tmp/staged", "/private/etc/sudoers").build(),
          rename("/tmp/staged", "/private/etc/sudoers.d/y").build());
      assertEquals(2, harness.findings().size());
    }

    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm form) {
      assertOpenFires(form, "/etc/sudoers", O_RDWR);
    }

    @EachOpenFlagsForm
    void firesOnOpenThatCreatesAndTruncates(OpenFlagsForm form) {
      assertOpenFires(form, "/etc/sudoers.d/90-backdoor", O_WRONLY | O_CREAT | O_TRUNC);
    }

    @EachOpenFlagsForm
    void firesOnTheDirectoryPathWithItsTrailingSlashAsTraceesPrefixDoes(OpenFlagsForm form) {
      assertOpenFires(form, "/etc/sudoers.d/", O_WRONLY);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/etc/sudoers.d", "/etc/sudoers.d.bak/x", "/etc/sudoers/",
        "/etc/sudoersx", "/etc//sudoers", "etc/sudoers", "/host/etc/sudoers", "/ETC/SUDOERS",
        "/private/etc/sudoers.d", "/etc/sudoers.tmp", ""})
    void ignoresPathsThatAreNotExactlyASudoersFileOrInsideASudoersDirectory(String path) {
      assertSilent(NUMBER.open(path, O_WRONLY).build(), PARSED.open(path, O_WRONLY).build(),
          rename("/tmp/staged", path).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(Origin.class)
    void firesFromEveryOrigin(Origin origin) {
      harness.feed(NUMBER.open("/etc/sudoers", O_WRONLY).origin(origin).build(),
          rename("/tmp/staged", "/etc/sudoers").origin(origin).build());
      assertEquals(2, harness.findings().size());
    }

    @Test
    void ignoresOtherEventsWithASudoersPath() {
      assertSilent(event("openat").arg("pathname", "/etc/sudoers").arg("flags", 1L).build());
      assertEquals(0, harness.stats().events());
    }

    @EachOpenFlagsForm
    void countsAnOpenForWritingWithANumericPathnameAsADataProblem(OpenFlagsForm form) {
      assertDataProblem(event("security_file_open").arg("pathname", 42L)
          .arg("flags", form.of(O_WRONLY)).build());
    }

    @Test
    void countsARenameWithANullNewPathAsADataProblem() {
      assertDataProblem(rename("/tmp/staged", null).build());
    }
  }
}
