package dev.sigil.core;

/**
 * Something an operator should know about a signature that is neither a finding nor a failure:
 * typically that its bounded state is full and it has started evicting, so that correlations
 * older than its capacity may be missed. Made by {@link SignatureContext#notice(String)}; the
 * engine delivers each distinct one once.
 *
 * @param signatureId the id of the signature that gave it
 * @param message what it says, in one line, naming what to change when there is a remedy
 */
public record SignatureNotice(String signatureId, String message) {

  /** Prints as {@code ID: message}, the way a command line shows it. */
  @Override
  public String toString() {
    return signatureId + ": " + message;
  }
}
