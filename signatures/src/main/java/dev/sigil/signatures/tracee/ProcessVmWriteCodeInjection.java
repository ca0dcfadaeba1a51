package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1025, "Code injection detected using process_vm_writev syscall", with exactly Tracee
 * v0.24.1's semantics ({@code process_vm_write_code_injection.go}): a {@code process_vm_writev}
 * event, from any origin, whose target {@code pid} argument differs from the writer's own
 * {@code processId} (both in the writer's pid namespace), that is a write into another process's
 * memory. The finding carries no data.
 *
 * <p>An event without an integer {@code pid} is counted as a data problem and never fires
 * ({@link NumberSource#TARGET_PID}).
 */
public final class ProcessVmWriteCodeInjection extends NumberSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1025")
      .version("1")
      .name("Code injection detected using process_vm_writev syscall")
      .eventName("process_vm_write_inject")
      .traceeEventId(6020)
      .description("Possible code injection into another process was detected. Code injection"
          + " is an exploitation technique used to run malicious code, adversaries may use it in"
          + " order to execute their malware.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Process Injection")
      .mitre("T1055", "attack-pattern--43e7dc91-05b2-474c-b9ac-2ed4fe101f4d")
      .build();


  /** Creates the signature. */
  public ProcessVmWriteCodeInjection() {
    super(METADATA, NumberSource.TARGET_PID);
  }

  @Override
  boolean matches(long targetPid, Event event) {
    return targetPid != event.processId();
  }
}
