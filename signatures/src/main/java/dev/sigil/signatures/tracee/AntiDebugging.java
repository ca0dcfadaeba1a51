package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-102, "Anti-Debugging detected", as in Tracee v0.24.1 ({@code anti_debugging_ptraceme.go}):
 * a {@code ptrace} event, from any origin, whose {@code request} is {@code PTRACE_TRACEME} (0),
 * the call a process makes to have its parent trace it, which keeps any other debugger out. The
 * finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: the {@code request} is read whether Tracee printed it as a
 * number or parsed, as {@code "PTRACE_TRACEME"}; Tracee's own signature reads only an integer.
 * An event without a readable {@code request} is counted as a data problem and never fires
 * ({@link NumberSource#PTRACE_REQUEST}).
 */
public final class AntiDebugging extends NumberSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-102")
      .version("1")
      .name("Anti-Debugging detected")
      .eventName("anti_debugging")
      .traceeEventId(6018)
      .description("A process used anti-debugging techniques to block a debugger. Malware use"
          + " anti-debugging to stay invisible and inhibit analysis of their behavior.")
      .severity(Severity.fromTraceeValue(1))
      .category("defense-evasion")
      .technique("Debugger Evasion")
      .mitre("T1622", "attack-pattern--e4dc8c01-417f-458d-9ee0-bb0617c1b391")
      .build();

  private static final long PTRACE_TRACEME = 0;

  /** Creates the signature. */
  public AntiDebugging() {
    super(METADATA, NumberSource.PTRACE_REQUEST);
  }

  @Override
  boolean matches(long request, Event event) {
    return request == PTRACE_TRACEME;
  }
}
