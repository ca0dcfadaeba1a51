package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.tracee.TraceeArguments;
import java.util.List;
import java.util.Map;

/**
 * TRC-103, "Code injection detected using ptrace", as in Tracee v0.24.1
 * ({@code ptrace_code_injection.go}): a {@code ptrace} event, from any origin, whose
 * {@code request} is {@code PTRACE_POKETEXT} (4) or {@code PTRACE_POKEDATA} (5), the calls that
 * write into another process's memory. The finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: the {@code request} is read whether Tracee printed it as a
 * number or parsed, as {@code "PTRACE_POKETEXT"}; Tracee's own signature reads only an integer.
 * An event without a readable {@code request} is counted as a data problem and never fires. It
 * allocates nothing unless it fires; it has no default deduplication, as in Tracee.
 */
public final class PtraceCodeInjection implements Signature {
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

  private static final ArgKey REQUEST = ArgKey.of("request");
  private static final long PTRACE_POKETEXT = 4;
  private static final long PTRACE_POKEDATA = 5;
  private static final long UNREADABLE = Long.MIN_VALUE;
  private static final List<Selector> SELECTORS = List.of(Selector.event("ptrace"));

  /** Creates the signature. */
  public PtraceCodeInjection() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    long request = TraceeArguments.ptraceRequest(event, REQUEST, UNREADABLE);
    if (request == UNREADABLE) {
      context.dataProblem("ptrace without a readable request");
      return;
    }
    if (request == PTRACE_POKETEXT || request == PTRACE_POKEDATA) {
      context.report(event, Map.of());
    }
  }
}
