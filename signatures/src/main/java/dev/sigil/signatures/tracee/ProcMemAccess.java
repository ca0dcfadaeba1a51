package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1023, "Process memory access detected", with Tracee v0.24.1's metadata: a
 * {@code security_file_open}, from any origin, for reading ({@code O_RDONLY} or {@code O_RDWR}),
 * of a process's memory file. The finding has no data.
 *
 * <p>Sigil differs from Tracee in which paths are a memory file: it fires when EITHER Tracee
 * v0.24.1's expression {@code /proc/(?:\d.+)/mem$} OR newer Tracee's
 * {@code /proc/(?:\d+|self)/mem$} matches, anywhere in the path, as {@link ProcMemSignature}
 * explains; like Tracee, the path is not normalised.
 *
 * <p>The arguments are read as {@link PathSource#OPENED_FOR_READING} reads them ({@code flags}
 * as a number or as parsed text, {@code O_RDONLY}); a bad one is counted as a data problem and
 * never fires.
 */
public final class ProcMemAccess extends ProcMemSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1023")
      .version("1")
      .name("Process memory access detected")
      .eventName("proc_mem_access")
      .traceeEventId(6016)
      .description("Process memory access detected. Adversaries may access other processes memory"
          + " to steal credentials and secrets.")
      .severity(Severity.fromTraceeValue(3))
      .category("credential-access")
      .technique("Proc Filesystem")
      .mitre("T1003.007", "attack-pattern--3120b9fa-23b8-4500-ae73-09494f607b7d")
      .build();

  /** Creates the signature. */
  public ProcMemAccess() {
    super(METADATA, PathSource.OPENED_FOR_READING);
  }
}
