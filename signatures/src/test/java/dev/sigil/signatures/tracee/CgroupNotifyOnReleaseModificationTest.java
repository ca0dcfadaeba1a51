package dev.sigil.signatures.tracee;

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

@DisplayName("TRC-106 cgroup_notify_on_release")
class CgroupNotifyOnReleaseModificationTest extends SignatureTest {
  CgroupNotifyOnReleaseModificationTest() {
    super(new CgroupNotifyOnReleaseModification());
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("flags", flags);
  }

  private void assertFires(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnWritingNotifyOnReleaseOfAMountedCgroup(OpenFlagsForm flags) {
      assertFires("/tmp/cgrp/x/notify_on_release", flags.of(O_WRONLY));
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadingNotifyOnRelease(OpenFlagsForm flags) {
      assertSilent(open("/tmp/cgrp/x/notify_on_release", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWritingAnotherFile(OpenFlagsForm flags) {
      assertSilent(open("/tmp/something", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/sys/fs/cgroup/memory/notify_on_release", flags.of(O_RDWR));
    }

    @EachOpenFlagsForm
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
