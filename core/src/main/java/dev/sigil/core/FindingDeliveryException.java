package dev.sigil.core;

/**
 * Thrown by {@link Engine#accept(Event)} when the application's {@link FindingListener} threw:
 * that is the application's failure, not the signature's, so the engine does not swallow it.
 */
public final class FindingDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps the listener's failure.
   *
   * @param signatureId the signature whose finding was being delivered
   * @param cause what the listener threw
   */
  public FindingDeliveryException(String signatureId, RuntimeException cause) {
    super("the finding listener failed on a finding of " + signatureId + ": " + cause, cause);
  }
}
