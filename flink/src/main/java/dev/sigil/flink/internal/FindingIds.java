package dev.sigil.flink.internal;

import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic finding ids (to move into core's Finding). */
final class FindingIds {
  private FindingIds() {}

  static String of(String node, Finding finding) {
    EventSnapshot e = finding.event();
    String name = finding.metadata().id() + '\0' + node + '\0' + e.timestamp() + '\0'
        + e.processEntityId() + '\0' + e.threadEntityId() + '\0' + e.parentEntityId();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
