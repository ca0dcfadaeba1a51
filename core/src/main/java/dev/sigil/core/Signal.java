package dev.sigil.core;

/**
 * Out-of-band news the engine gives every signature, through {@link Signature#onSignal(Signal, SignatureContext)}.
 */
public enum Signal {
  /** The input is complete: no more events will come (Tracee's "source complete"). */
  END_OF_INPUT
}
