package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HiddenFileCreatedTest {
  private static final byte[] ELF = {127, 69, 76, 70};
  private final SignatureHarness harness = SignatureHarness.of(new HiddenFileCreated());

  private static EventBuilder write(String pathname, byte[] bytes) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("bytes", bytes).arg("dev", 2049L).arg("inode", 42L);
  }

  private void assertFiredWithoutData(String pathname) {
    Finding finding = harness.only();
    assertSame(HiddenFileCreated.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
  }

  private void assertNoFinding() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnElfWrittenToHiddenFile() {
      harness.feed(write("/bin/.bin", ELF).build());
      assertFiredWithoutData("/bin/.bin");
    }

    @Test
    @DisplayName("should not trigger detection - not an ELF")
    void ignoresZerosWrittenToHiddenFile() {
      harness.feed(write("/bin/.bin", new byte[] {0, 0, 0, 0}).build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - not hidden path")
    void ignoresElfWrittenToVisibleFile() {
      harness.feed(write("/bin/bin", ELF).build());
      assertNoFinding();
    }
  }

  @Test
  void carriesTraceesExactMetadataAndSelectorOfAnyOrigin() {
    SignatureMetadata m = HiddenFileCreated.METADATA;
    assertEquals("TRC-1015", m.id());
    assertEquals("1", m.version());
    assertEquals("Hidden executable creation detected", m.name());
    assertEquals("hidden_file_created", m.eventName());
    assertEquals("A hidden executable (ELF file) was created on disk. This activity could be"
        + " legitimate; however, it could indicate that an adversary is trying to avoid detection"
        + " by hiding their programs.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("defense-evasion", m.category());
    assertEquals("Hidden Files and Directories", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1564.001", m.mitreTechniqueId());
    assertEquals("attack-pattern--ec8fc7e2-b356-455c-8db5-2e37be158e7d", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("magic_write")), new HiddenFileCreated().selectors());
    assertSame(m, new HiddenFileCreated().metadata());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/tmp/.x", "/root/.cache/miner", "/dev/shm/.hidden/bin", "/bin/..x", "bin/.x",
      // The raw path is searched for "/.", so paths that are not normalised fire, as in Tracee.
      "/usr/./bin/ls", "/usr/../bin/ls", "/tmp/x/."})
  void firesOnElfWrittenUnderAnyPathContainingSlashDot(String pathname) {
    harness.feed(write(pathname, ELF).build());
    assertFiredWithoutData(pathname);
  }

  @ParameterizedTest
  @ValueSource(strings = {".x", "/tmp/x.", "/tmp/a.b/c", "/tmp/x", "", "\\.x"})
  void ignoresElfWrittenWherePathHasNoSlashDot(String pathname) {
    harness.feed(write(pathname, ELF).build());
    assertNoFinding();
  }

  @Test
  void firesOnLongerElfHeader() {
    harness.feed(write("/tmp/.x", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}).build());
    assertFiredWithoutData("/tmp/.x");
  }

  @Test
  void ignoresThreeMagicBytesAsDataNotAProblem() {
    harness.feed(write("/tmp/.x", new byte[] {0x7f, 'E', 'L'}).build(),
        write("/tmp/.x", new byte[0]).build());
    assertNoFinding();
  }

  @Test
  void ignoresScriptsAndLowercaseMagic() {
    harness.feed(write("/tmp/.x", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)).build(),
        write("/tmp/.x", new byte[] {0x7f, 'e', 'l', 'f'}).build(),
        write("/tmp/.x", new byte[] {0, 0x7f, 'E', 'L', 'F'}).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void firesFromEveryOriginAsTraceeSelectsAnyOrigin(Origin origin) {
    harness.feed(write("/tmp/.x", ELF).origin(origin).build());
    assertFiredWithoutData("/tmp/.x");
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(write("/tmp/.x", ELF).build(), write("/tmp/.x", ELF).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void readsBytesPrintedWithTheOlderDeclaredType() {
    harness.feed(EventBuilder.event("magic_write").arg("pathname", "const char*", "/tmp/.x")
        .arg("bytes", "bytes", ELF).build());
    assertFiredWithoutData("/tmp/.x");
  }

  @Test
  void countsMissingBytesAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").arg("pathname", "/tmp/.x").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableBytesAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").arg("pathname", "/tmp/.x")
        .invalidArg("bytes", "[]byte").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").arg("pathname", 1L).arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingPathnameOfNonElfAsDataProblemAsTraceeReadsBoth() {
    harness.feed(EventBuilder.event("magic_write").arg("bytes", new byte[] {1, 2, 3, 4}).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void findsArgumentsByNameInAnyOrder() {
    harness.feed(EventBuilder.event("magic_write").arg("inode", 1L).arg("bytes", ELF)
        .arg("pathname", "/tmp/.x").build());
    assertFiredWithoutData("/tmp/.x");
  }
}
