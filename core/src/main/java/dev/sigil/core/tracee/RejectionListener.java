package dev.sigil.core.tracee;

/** Receives the lines a {@link TraceeReader} rejects, on the reading thread. */
@FunctionalInterface
public interface RejectionListener {
  /**
   * Receives one rejected line.
   *
   * @param rejection which line, where, and why
   */
  void onRejection(Rejection rejection);
}
