package dev.sigil.core;

/**
 * Receives the failures of signatures, on the engine's thread.
 */
@FunctionalInterface
public interface SignatureErrorListener {
  /**
   * Receives one failure.
   *
   * @param error what failed, and where
   */
  void onError(SignatureError error);
}
