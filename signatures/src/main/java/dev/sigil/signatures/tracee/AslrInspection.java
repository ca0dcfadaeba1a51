package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;

/**
 * TRC-109, "ASLR inspection detected", with Tracee v0.24.1's semantics and metadata: a
 * {@code security_file_open}, from any origin, for reading ({@code O_RDONLY} or {@code O_RDWR}),
 * whose {@code pathname} is exactly {@code /proc/sys/kernel/randomize_va_space}. The finding has
 * no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The arguments are read as
 * {@link PathSource#OPENED_FOR_READING} reads them; a bad one is counted as a data problem and
 * never fires. Sigil differs from Tracee in nothing but reading parsed {@code flags}
 * ({@code O_RDONLY}).
 */
public final class AslrInspection extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-109")
      .version("1")
      .name("ASLR inspection detected")
      .eventName("aslr_inspection")
      .traceeEventId(6002)
      .description("The ASLR (address space layout randomization) configuration was inspected."
          + " ASLR is used by Linux to prevent memory vulnerabilities. An adversary may want to"
          + " inspect and change the ASLR configuration in order to avoid detection.")
      .severity(Severity.fromTraceeValue(0))
      .category("privilege-escalation")
      .technique("Exploitation for Privilege Escalation")
      .mitre("T1068", "attack-pattern--b21c3b2d-02e6-45b1-980b-e69051040839")
      .build();

  private static final String ASLR_PATH = "/proc/sys/kernel/randomize_va_space";

  /** Creates the signature. */
  public AslrInspection() {
    super(METADATA, PathSource.OPENED_FOR_READING);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return Text.contentEquals(pathname, ASLR_PATH);
  }
}
