/**
 * Sigil's core: the event model, the signature API, the engine and the Tracee JSON codec.
 *
 * <p>Exported: {@code dev.sigil.core} (what signature authors and embedders use),
 * {@code dev.sigil.core.tracee} (Tracee JSON in and out), {@code dev.sigil.core.ocsf} (findings
 * as OCSF Detection Findings), {@code dev.sigil.core.output} (a finding format by name), and
 * {@code dev.sigil.core.testing} (event builders and the allocation meter for
 * users' own tests). Everything under {@code dev.sigil.core.internal} is implementation.
 */
module dev.sigil.core {
  requires transitive com.google.common;
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires jdk.management;

  exports dev.sigil.core;
  exports dev.sigil.core.tracee;
  exports dev.sigil.core.ocsf;
  exports dev.sigil.core.output;
  exports dev.sigil.core.testing;

  uses dev.sigil.core.Signature;
}
