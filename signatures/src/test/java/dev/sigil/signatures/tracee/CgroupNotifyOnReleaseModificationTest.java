package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;

import dev.sigil.core.Origin;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-106 cgroup_notify_on_release")
class CgroupNotifyOnReleaseModificationTest extends OpenAccessContractTest {
  CgroupNotifyOnReleaseModificationTest() {
    super(new CgroupNotifyOnReleaseModification(), Origin.CONTAINER, O_WRONLY,
        "/tmp/cgrp/x/notify_on_release", "/tmp/something");
  }

  /** An open of another cgroup's file, truncating. */
  static Stream<Arguments> opensWatched() {
    return fires("truncating", "/sys/fs/cgroup/rdma/notify_on_release", O_WRONLY | O_TRUNC);
  }

  /** Paths whose Go base name is not {@code notify_on_release}. */
  static Stream<String> pathsNotWatched() {
    return Stream.of("/tmp/cgrp/x/notify_on_release.bak", "/tmp/cgrp/x/xnotify_on_release",
        "/tmp/cgrp/notify_on_release/x", "/tmp/cgrp/x/NOTIFY_ON_RELEASE",
        "/tmp/cgrp/x/release_agent", "", "/", "notify");
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"notify_on_release", "./notify_on_release", "/notify_on_release",
        "/tmp/cgrp/x/notify_on_release/", "/tmp/cgrp/x/notify_on_release//", "/a//notify_on_release"})
    void firesOnEveryPathWhoseGoBaseNameIsNotifyOnRelease(String path) {
      assertFires(path, O_WRONLY);
    }
  }
}
