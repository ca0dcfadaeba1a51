package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-104, "Dynamic code loading detected", as in Tracee v0.24.1
 * ({@code dynamic_code_loading.go}): a {@code mem_prot_alert} event, from any origin, whose
 * {@code alert} is {@code ProtAlertMprotectWXToX} (4, printed parsed as
 * {@code "Protection changed from W to E!"}): memory that was written to is made executable.
 * The finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: the {@code alert} is read whether Tracee printed it as a
 * number or parsed as its text; Tracee's own signature reads only an unsigned integer. An event
 * without a readable {@code alert} is counted as a data problem and never fires
 * ({@link NumberSource#MEM_PROT_ALERT}).
 */
public final class DynamicCodeLoading extends NumberSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-104")
      .version("1")
      .name("Dynamic code loading detected")
      .eventName("dynamic_code_loading")
      .traceeEventId(6022)
      .description("Possible dynamic code loading was detected as the binary's memory is both"
          + " writable and executable. Writing to an executable allocated memory region could be"
          + " a technique used by adversaries to run code undetected and without dropping"
          + " executables.")
      .severity(Severity.fromTraceeValue(2))
      .category("defense-evasion")
      .technique("Software Packing")
      .mitre("T1027.002", "attack-pattern--deb98323-e13f-4b0c-8d94-175379069062")
      .build();

  private static final long PROT_ALERT_MPROTECT_WX_TO_X = 4;

  /** Creates the signature. */
  public DynamicCodeLoading() {
    super(METADATA, NumberSource.MEM_PROT_ALERT);
  }

  @Override
  boolean matches(long alert, Event event) {
    return alert == PROT_ALERT_MPROTECT_WX_TO_X;
  }
}
