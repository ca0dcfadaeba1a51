package dev.sigil.core;

/**
 * Receives the findings an {@link Engine} makes, on the engine's thread, as they are made.
 */
@FunctionalInterface
public interface FindingListener {
  /**
   * Receives one finding.
   *
   * @param finding the finding
   */
  void onFinding(Finding finding);
}
