package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;

/**
 * TRC-1021, "Kcore memory file read", with Tracee v0.24.1's semantics and metadata: in a started
 * container, a {@code security_file_open} for reading ({@code O_RDONLY} or {@code O_RDWR}) of a
 * path that ends with {@code /proc/kcore}, the host's physical memory in core file format. The
 * finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the raw path's suffix is compared, so a procfs mounted elsewhere
 * ({@code /host/proc/kcore}) fires too. As in Tracee, both arguments are read before anything
 * is compared, as {@link PathSource#OPENED_FOR_READING} reads them ({@code flags} as a number or
 * as {@code O_RDONLY|O_LARGEFILE}); a bad one is counted as a data problem and never fires.
 */
public final class ProcKcoreRead extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1021")
      .version("1")
      .name("Kcore memory file read")
      .eventName("proc_kcore_read")
      .traceeEventId(6015)
      .description("An attempt to read /proc/kcore file was detected. KCore provides a full dump"
          + " of the physical memory of the system in the core file format. Adversaries may read"
          + " this file to get all of the host memory and use this information for container"
          + " escape.")
      .severity(Severity.fromTraceeValue(2))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final String KCORE = "/proc/kcore";

  /** Creates the signature. */
  public ProcKcoreRead() {
    super(METADATA, PathSource.OPENED_FOR_READING, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return Text.endsWith(pathname, KCORE);
  }
}
