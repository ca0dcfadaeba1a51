/**
 * Sigil's ready-made signatures: TRC-1022 (dropped executable, Tracee's semantics) and the
 * contained-executable family (SGL-1001, SGL-1002). {@link dev.sigil.signatures.Signatures}
 * lists them; they are also registered for {@link java.util.ServiceLoader}.
 */
module dev.sigil.signatures {
  requires transitive dev.sigil.core;

  exports dev.sigil.signatures;

  provides dev.sigil.core.Signature with
      dev.sigil.signatures.tracee.DroppedExecutable,
      dev.sigil.signatures.internal.ContainedExecutable;
}
