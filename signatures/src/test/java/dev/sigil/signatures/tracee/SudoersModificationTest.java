package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-1028 sudoers_modification")
class SudoersModificationTest {
  private final SignatureHarness harness = SignatureHarness.of(new SudoersModification());

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").arg("pathname", pathname).arg("flags", flags);
  }

  private static EventBuilder rename(String newPath) {
    return EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/staged")
        .arg("new_path", newPath);
  }

  private void assertFires(Event event, ArgKey pathKey, String path) {
    harness.feed(event);
    Finding finding = harness.only();
    assertSame(SudoersModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(path, String.valueOf(finding.event().string(pathKey)));
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertFiresOnOpen(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), ArgKey.of("pathname"), pathname);
  }

  private void assertFiresOnRename(String newPath) {
    assertFires(rename(newPath).build(), ArgKey.of("new_path"), newPath);
  }

  private void assertSilent(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertDataProblem(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(1, harness.stats().dataProblems());
  }

  @Test
  void carriesTraceesExactMetadataAndSelectors() {
    SignatureMetadata m = SudoersModification.METADATA;
    assertEquals("TRC-1028", m.id());
    assertEquals("1", m.version());
    assertEquals("Sudoers file modification detected", m.name());
    assertEquals("sudoers_modification", m.eventName());
    assertEquals("The sudoers file was modified. The sudoers file is a configuration file which"
        + " controls the permissions and options of the sudo feature. Adversaries may alter the"
        + " sudoers file to elevate privileges, execute commands as other users or spawn processes"
        + " with higher privileges.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Sudo and Sudo Caching", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1548.003", m.mitreTechniqueId());
    assertEquals("attack-pattern--1365fe3b-0f50-455d-b4da-266ce31c23b0", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    SudoersModification signature = new SudoersModification();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.event("security_file_open"), Selector.event("security_inode_rename")),
        signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection - security_file_open file")
    void firesOnOpenForWritingOfEtcSudoers(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
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

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresOpenForReadingOfEtcSudoers(OpenFlagsForm flags) {
      assertSilent(open("/etc/sudoers", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
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
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForWritingOfTheSecondFilePrivateEtcSudoers(OpenFlagsForm flags) {
      assertFiresOnOpen("/private/etc/sudoers", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForWritingInTheSecondDirectoryPrivateEtcSudoersD(OpenFlagsForm flags) {
      assertFiresOnOpen("/private/etc/sudoers.d/x", flags.of(O_WRONLY));
    }

    @Test
    void firesOnRenameOntoTheSecondFileAndIntoTheSecondDirectory() {
      harness.feed(rename("/private/etc/sudoers").build(), rename("/private/etc/sudoers.d/y").build());
      assertEquals(2, harness.findings().size());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers", flags.of(O_RDWR));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenThatCreatesAndTruncates(OpenFlagsForm flags) {
      assertFiresOnOpen("/etc/sudoers.d/90-backdoor", flags.of(O_WRONLY | O_CREAT | O_TRUNC));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
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

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
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

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void countsAnOpenForWritingWithoutPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", flags.of(O_WRONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
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
