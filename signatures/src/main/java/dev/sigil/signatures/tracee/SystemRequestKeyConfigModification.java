package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1031, "System request key configuration modification", with Tracee v0.24.1's semantics and
 * metadata: a {@code security_file_open} in a started container, for writing ({@code O_WRONLY}
 * or {@code O_RDWR}), whose {@code pathname} is exactly {@code /proc/sys/kernel/sysrq} or
 * {@code /proc/sysrq-trigger}. The finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The arguments are read as
 * {@link PathSource#OPENED_FOR_WRITING_FLAGS_FIRST} reads them: as in Tracee, the
 * {@code pathname} of an open that is not a write is never looked at; a bad argument read is
 * counted as a data problem and never fires. Sigil differs from Tracee in nothing but reading
 * parsed {@code flags} ({@code O_WRONLY|O_TRUNC}).
 */
public final class SystemRequestKeyConfigModification extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1031")
      .version("1")
      .name("System request key configuration modification")
      .eventName("system_request_key_mod")
      .traceeEventId(6011)
      .description("An attempt to modify and activate the System Request Key configuration file"
          + " was detected. The system request key allows immediate input to the kernel through"
          + " simple key combinations. Adversaries may use this feature to immediately shut down"
          + " or restart a system. With read access to kernel logs, host related information"
          + " such as listing tasks and CPU registers may be disclosed and could be used for"
          + " container escape.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final String[] SYSRQ_PATHS = {"/proc/sys/kernel/sysrq", "/proc/sysrq-trigger"};

  /** Creates the signature. */
  public SystemRequestKeyConfigModification() {
    super(METADATA, PathSource.OPENED_FOR_WRITING_FLAGS_FIRST, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return PathLists.isOneOf(pathname, SYSRQ_PATHS);
  }
}
