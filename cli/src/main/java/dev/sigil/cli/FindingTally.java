package dev.sigil.cli;

import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes findings on and counts them by the id they were reported under: a variant (SGL-1002
 * reported by the contained-executable signature) counts under its own id, which the engine's
 * per-signature statistics cannot tell.
 */
final class FindingTally implements FindingListener {
  private final FindingListener next;
  private final Map<String, Long> byId = new LinkedHashMap<>();

  FindingTally(FindingListener next) {
    this.next = next;
  }

  @Override
  public void onFinding(Finding finding) {
    next.onFinding(finding);
    byId.merge(finding.metadata().id(), 1L, Long::sum);
  }

  /** Findings delivered so far per id, in the order the ids first appeared. */
  Map<String, Long> byId() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }
}
