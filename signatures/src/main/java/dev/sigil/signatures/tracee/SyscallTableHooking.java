package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;

/**
 * TRC-1030, Tracee's {@code syscall_hooking}: an entry of the kernel's system call table points
 * outside the kernel's code, a rootkit's hook.
 *
 * <p>Fires on every {@code hooked_syscall} event, from any origin (Tracee derives that event
 * when its periodic check of the syscall table finds a hooked entry; its arguments, declared
 * {@code syscall}, {@code address}, {@code function} and {@code owner}, are not read). No finding
 * data; the finding's event holds the details. Same as Tracee.
 */
public final class SyscallTableHooking extends TraceeSignature {
  /** Tracee's metadata for TRC-1030. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1030")
      .version("1")
      .name("Syscall table hooking detected")
      .eventName("syscall_hooking")
      .traceeEventId(6028)
      .description("Syscall table hooking detected. Syscalls (system calls) are the interface"
          + " between user applications and the kernel. By hooking the syscall table an adversary"
          + " gains control on certain system function, such as file writing and reading or other"
          + " basic function performed by the operation system. The adversary may also hijack the"
          + " execution flow and execute it's own code. Syscall table hooking is considered a"
          + " malicious behavior that is performed by rootkits and may indicate that the host's"
          + " kernel has been compromised. Hidden modules are marked as hidden symbol owners and"
          + " indicate further malicious activity of an adversary.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Rootkit")
      .mitre("T1014", "attack-pattern--0f20e3cb-245b-4a61-8a91-2d93f7cb0e9b")
      .build();

  /** Creates the signature. */
  public SyscallTableHooking() {
    super(METADATA, "hooked_syscall");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    context.report(event, Map.of());
  }
}
