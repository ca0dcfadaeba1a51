package dev.sigil.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link Engine#restoreState(java.io.InputStream)} did with the signatures' saved states.
 * The deduplicator's state is always restored.
 *
 * @param restored ids of the signatures whose state was restored, in registration order
 * @param ignored ids of saved states that no registered {@link Stateful} signature took, in
 *     document order: worth a warning. The state of a signature this engine does not have is
 *     kept and written back unchanged by {@link Engine#saveState(java.io.OutputStream)}; that of
 *     a registered signature that is no longer stateful is dropped.
 */
public record RestoreReport(Set<String> restored, Set<String> ignored) {
  /**
   * Freezes the sets, keeping their order.
   *
   * @param restored ids whose state was restored
   * @param ignored ids of saved states nothing took
   */
  public RestoreReport {
    restored = Collections.unmodifiableSet(new LinkedHashSet<>(restored));
    ignored = Collections.unmodifiableSet(new LinkedHashSet<>(ignored));
  }
}
