package dev.sigil.core.ocsf;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1022's metadata as Tracee declares it, MITRE technique included: the signature the OCSF
 * tests write findings of, so that what they map (severity, tactic, technique) is real.
 */
final class DroppedExecutableMetadata {
  private DroppedExecutableMetadata() {}

  /** The metadata, without tags. */
  static final SignatureMetadata TRC_1022 = SignatureMetadata.builder("TRC-1022")
      .version("1")
      .name("New executable dropped")
      .eventName("dropped_executable")
      .description("An Executable file was dropped in the system during runtime.")
      .severity(Severity.MEDIUM)
      .category("defense-evasion")
      .technique("Masquerading")
      .mitre("T1036", "attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0")
      .build();
}
