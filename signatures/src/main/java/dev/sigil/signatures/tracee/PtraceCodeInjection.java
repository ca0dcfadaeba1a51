package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-103, "Code injection detected using ptrace", as in Tracee v0.24.1
 * ({@code ptrace_code_injection.go}): a {@code ptrace} event, from any origin, whose
 * {@code request} is {@code PTRACE_POKETEXT} (4) or {@code PTRACE_POKEDATA} (5), the calls that
 * write into another process's memory. The finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: the {@code request} is read whether Tracee printed it as a
 * number or parsed, as {@code "PTRACE_POKETEXT"}; Tracee's own signature reads only an integer.
 * An event without a readable {@code request} is counted as a data problem and never fires
 * ({@link NumberSource#PTRACE_REQUEST}).
 */
public final class PtraceCodeInjection extends NumberSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-103")
      .version("1")
      .name("Code injection detected using ptrace")
      .eventName("ptrace_code_injection")
      .traceeEventId(6019)
      .description("Possible code injection into another process was detected. Code injection"
          + " is an exploitation technique used to run malicious code, adversaries may use it in"
          + " order to execute their malware.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Ptrace System Calls")
      .mitre("T1055.008", "attack-pattern--ea016b56-ae0e-47fe-967a-cc0ad51af67f")
      .build();

  private static final long PTRACE_POKETEXT = 4;
  private static final long PTRACE_POKEDATA = 5;

  /** Creates the signature. */
  public PtraceCodeInjection() {
    super(METADATA, NumberSource.PTRACE_REQUEST);
  }

  @Override
  boolean matches(long request, Event event) {
    return request == PTRACE_POKETEXT || request == PTRACE_POKEDATA;
  }
}
