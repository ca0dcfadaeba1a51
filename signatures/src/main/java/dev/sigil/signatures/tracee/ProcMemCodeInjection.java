package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1024, "Code injection detected through /proc/&lt;pid&gt;/mem file", after Tracee v0.24.1
 * ({@code proc_mem_code_injection.go}): a {@code security_file_open} event, from any origin, that
 * opens a process's {@code mem} file for writing ({@code flags & O_ACCMODE} is {@code O_WRONLY}
 * or {@code O_RDWR}). The finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: v0.24.1 matches the path with
 * {@code /proc/(?:\d.+)/mem$}, which misses {@code /proc/self/mem} and single-digit pids such as
 * {@code /proc/1/mem}; newer Tracee matches {@code /proc/(?:\d+|self)/mem$}, which misses a
 * thread's file {@code /proc/<pid>/task/<tid>/mem}. Sigil fires when either pattern matches, as
 * {@link ProcMemSignature} explains. The {@code flags} are read whether Tracee printed them as a number or parsed, as
 * {@code "O_WRONLY|O_CREAT"}; Tracee's own signature reads only an integer.
 *
 * <p>The arguments are read as {@link PathSource#OPENED_FOR_WRITING} reads them; a bad one is
 * counted as a data problem and never fires.
 */
public final class ProcMemCodeInjection extends ProcMemSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1024")
      .version("1")
      .name("Code injection detected through /proc/<pid>/mem file")
      .eventName("proc_mem_code_injection")
      .traceeEventId(6003)
      .description("Possible code injection into another process was detected. Code injection"
          + " is an exploitation technique used to run malicious code, adversaries may use it in"
          + " order to execute their malware.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Proc Memory")
      .mitre("T1055.009", "attack-pattern--d201d4cc-214d-4a74-a1ba-b3fa09fd4591")
      .build();

  /** Creates the signature. */
  public ProcMemCodeInjection() {
    super(METADATA, PathSource.OPENED_FOR_WRITING);
  }
}
