package dev.sigil.signatures.tracee;

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

@DisplayName("TRC-106 cgroup_notify_on_release")
class CgroupNotifyOnReleaseModificationTest {
  private final SignatureHarness harness =
      SignatureHarness.of(new CgroupNotifyOnReleaseModification());

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("flags", flags);
  }

  private void assertFires(String pathname, Object flags) {
    harness.feed(open(pathname, flags).build());
    Finding finding = harness.only();
    assertSame(CgroupNotifyOnReleaseModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
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
    SignatureMetadata m = CgroupNotifyOnReleaseModification.METADATA;
    assertEquals("TRC-106", m.id());
    assertEquals("1", m.version());
    assertEquals("Cgroups notify_on_release file modification", m.name());
    assertEquals("cgroup_notify_on_release", m.eventName());
    assertEquals("An attempt to modify Cgroup notify_on_release file was detected. Cgroups are a"
        + " Linux kernel feature which limits the resource usage of a set of processes."
        + " Adversaries may use this feature for container escaping.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    CgroupNotifyOnReleaseModification signature = new CgroupNotifyOnReleaseModification();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER)), signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection")
    void firesOnWritingNotifyOnReleaseOfAMountedCgroup(OpenFlagsForm flags) {
      assertFires("/tmp/cgrp/x/notify_on_release", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadingNotifyOnRelease(OpenFlagsForm flags) {
      assertSilent(open("/tmp/cgrp/x/notify_on_release", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWritingAnotherFile(OpenFlagsForm flags) {
      assertSilent(open("/tmp/something", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/sys/fs/cgroup/memory/notify_on_release", flags.of(O_RDWR));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnWritingWithTruncation(OpenFlagsForm flags) {
      assertFires("/sys/fs/cgroup/rdma/notify_on_release", flags.of(O_WRONLY | O_TRUNC));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"notify_on_release", "./notify_on_release", "/notify_on_release",
        "/tmp/cgrp/x/notify_on_release/", "/tmp/cgrp/x/notify_on_release//", "/a//notify_on_release"})
    void firesOnEveryPathWhoseGoBaseNameIsNotifyOnRelease(String path) {
      assertFires(path, O_WRONLY);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/tmp/cgrp/x/notify_on_release.bak", "/tmp/cgrp/x/xnotify_on_release",
        "/tmp/cgrp/notify_on_release/x", "/tmp/cgrp/x/NOTIFY_ON_RELEASE", "/tmp/cgrp/x/release_agent",
        "", "/", "notify"})
    void ignoresPathsWhoseGoBaseNameIsNotNotifyOnRelease(String path) {
      harness.feed(open(path, O_WRONLY).build(), open(path, "O_WRONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    void ignoresOpensOutsideAStartedContainer(Origin origin) {
      harness.feed(open("/sys/fs/cgroup/x/notify_on_release", O_WRONLY).origin(origin).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAnOpenWithoutPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", O_WRONLY).build());
    }

    @Test
    void countsAnOpenWithANullPathnameAsADataProblem() {
      assertDataProblem(open(null, O_WRONLY).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", "/tmp/cgrp/x/notify_on_release").build());
    }

    @Test
    void countsAnOpenWithUnreadableFlagsAsADataProblem() {
      assertDataProblem(open("/tmp/cgrp/x/notify_on_release", List.of("O_WRONLY")).build());
    }
  }
}
