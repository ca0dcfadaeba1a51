package dev.sigil.signatures.tracee;

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

@DisplayName("TRC-1014 disk_mount")
class DiskMountTest {
  private final SignatureHarness harness = SignatureHarness.of(new DiskMount());

  private static EventBuilder mount(String devName) {
    return EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER).processName("mal")
        .pids(8, 8, 1).arg("dev_name", devName).arg("path", "/mnt").arg("type", "ext4").arg("flags", 0L);
  }

  private void assertFires(String devName) {
    harness.feed(mount(devName).build());
    Finding finding = harness.only();
    assertSame(DiskMount.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(devName, String.valueOf(finding.event().string(ArgKey.of("dev_name"))));
    assertEquals(0, harness.stats().dataProblems());
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
    SignatureMetadata m = DiskMount.METADATA;
    assertEquals("TRC-1014", m.id());
    assertEquals("1", m.version());
    assertEquals("Container device mount detected", m.name());
    assertEquals("disk_mount", m.eventName());
    assertEquals("Container device filesystem mount detected. A mount of a host device filesystem"
        + " can be exploited by adversaries to perform container escape.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    DiskMount signature = new DiskMount();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.of("security_sb_mount", Origin.CONTAINER)), signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnMountingAHostDiskInAStartedContainer() {
      harness.feed(EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER).processName("mal")
          .pids(8, 8, 0).arg("dev_name", "/dev/sda1").build());
      Finding finding = harness.only();
      assertSame(DiskMount.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
      assertEquals("/dev/sda1", String.valueOf(finding.event().string(ArgKey.of("dev_name"))));
      assertEquals("mal", String.valueOf(finding.event().processName()));
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    @DisplayName("should not trigger detection - container not started")
    void ignoresAMountBeforeTheContainerStarted(Origin origin) {
      harness.feed(EventBuilder.event("security_sb_mount").origin(origin).processName("runc:[init]")
          .pids(1, 1, 0).arg("dev_name", "/dev/sda1").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    @DisplayName("should not trigger detection - wrong path")
    void ignoresMountingSomethingOutsideDev() {
      assertSilent(EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER)
          .processName("runc:[init]").pids(8, 8, 0).arg("dev_name", "/tmp/something").build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/dev/sda", "/dev/nvme0n1p2", "/dev/mapper/root", "/dev/", "/dev//sda",
        "/dev/../etc"})
    void firesOnEveryDeviceNameStartingWithDevSlash(String devName) {
      assertFires(devName);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/dev", "dev/sda", "/host/dev/sda", "/DEV/sda", "//dev/sda", "proc", "overlay",
        "tmpfs", "none", "shm", ""})
    void ignoresDeviceNamesNotStartingWithDevSlash(String devName) {
      assertSilent(mount(devName).build());
    }

    @Test
    void ignoresOtherEventsNamingADevice() {
      harness.feed(EventBuilder.event("mount").origin(Origin.CONTAINER).arg("source", "/dev/sda1")
          .arg("dev_name", "/dev/sda1").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAMountWithoutDevNameAsADataProblemWhereTraceeIsSilent() {
      assertDataProblem(EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER)
          .arg("path", "/mnt").build());
    }

    @Test
    void countsAMountWithANullDevNameAsADataProblemWhereTraceeIsSilent() {
      assertDataProblem(mount(null).build());
    }

    @Test
    void countsAMountWithANumericDevNameAsADataProblemWhereTraceeIsSilent() {
      assertDataProblem(EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER)
          .arg("dev_name", 2049L).build());
    }
  }
}
