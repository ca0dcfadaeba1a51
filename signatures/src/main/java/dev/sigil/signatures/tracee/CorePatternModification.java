package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;

/**
 * TRC-1011, "Core dumps configuration file modification detected", with Tracee v0.24.1's
 * semantics and metadata: in a started container, a {@code security_file_open} for writing
 * ({@code O_WRONLY} or {@code O_RDWR}) of a path that ends with
 * {@code /proc/sys/kernel/core_pattern}. A core pattern that starts with {@code |} makes the
 * kernel run a program on the host when a process crashes, a container escape. The finding
 * carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the raw path's suffix is compared, so a procfs mounted elsewhere
 * ({@code /host/proc/sys/kernel/core_pattern}) fires too. As in Tracee, both arguments are
 * read before anything is compared, as {@link PathSource#OPENED_FOR_WRITING} reads them
 * ({@code flags} as a number or as {@code O_WRONLY|O_TRUNC}); a bad one is counted as a data
 * problem and never fires.
 */
public final class CorePatternModification extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1011")
      .version("1")
      .name("Core dumps configuration file modification detected")
      .eventName("core_pattern_modification")
      .traceeEventId(6014)
      .description("Modification of the core dump configuration file (core_pattern) detected."
          + " Core dumps are usually written to disk when a program crashes. Certain"
          + " modifications enable container escaping through the kernel core_pattern feature.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";

  /** Creates the signature. */
  public CorePatternModification() {
    super(METADATA, PathSource.OPENED_FOR_WRITING, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return Text.endsWith(pathname, CORE_PATTERN);
  }
}
