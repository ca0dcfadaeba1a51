/**
 * Sigil's examples, written from the public API only (this module reads no other package of
 * Sigil's, so the compiler checks it): the custom signature EX-0001
 * ({@code dev.sigil.examples.shell}), registered for {@link java.util.ServiceLoader} so
 * {@code sigil scan --signatures} loads it from this jar, and an agent that embeds Sigil with
 * threads of its own ({@code dev.sigil.examples.agent}).
 */
module dev.sigil.examples {
  requires transitive dev.sigil.core; // EX-0001 and the agent's API are made of its types
  requires dev.sigil.signatures;
  requires info.picocli;

  exports dev.sigil.examples.shell;
  exports dev.sigil.examples.agent;

  // picocli sets AgentMain's option fields by reflection.
  opens dev.sigil.examples.agent to info.picocli;

  provides dev.sigil.core.Signature with dev.sigil.examples.shell.InteractiveShellInContainer;
}
