/**
 * Sigil's core: the event model, the signature API, the engine and the Tracee JSON codec.
 *
 * <p>Exported: {@code dev.sigil.core} (what signature authors and embedders use),
 * {@code dev.sigil.core.sensor} (events from your own sensor), {@code dev.sigil.core.tracee}
 * (Tracee JSON in and out), {@code dev.sigil.core.ocsf} (findings as OCSF Detection Findings),
 * {@code dev.sigil.core.output} (a finding format by name), and {@code dev.sigil.core.testing}
 * (event builders and the allocation meter for users' own tests). {@code dev.sigil.core.event}
 * (the re-usable event the producers fill) and {@code dev.sigil.core.internal} (a leaf of
 * helpers) are implementation.
 *
 * <p>{@code jdk.management} is required statically: only the allocation meter uses it, and a
 * test that runs on the module path requires it itself.
 */
module dev.sigil.core {
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires static jdk.management;

  exports dev.sigil.core;
  exports dev.sigil.core.sensor;
  exports dev.sigil.core.tracee;
  exports dev.sigil.core.ocsf;
  exports dev.sigil.core.output;
  exports dev.sigil.core.testing;

  uses dev.sigil.core.Signature;
}
