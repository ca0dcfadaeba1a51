package dev.sigil.core.ocsf;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The MITRE ATT&amp;CK Enterprise tactics, so that a signature's category written the way Tracee
 * writes it ({@code defense-evasion}) becomes an OCSF tactic with its id ({@code TA0005}).
 */
enum MitreTactic {
  RECONNAISSANCE("TA0043", "Reconnaissance"),
  RESOURCE_DEVELOPMENT("TA0042", "Resource Development"),
  INITIAL_ACCESS("TA0001", "Initial Access"),
  EXECUTION("TA0002", "Execution"),
  PERSISTENCE("TA0003", "Persistence"),
  PRIVILEGE_ESCALATION("TA0004", "Privilege Escalation"),
  DEFENSE_EVASION("TA0005", "Defense Evasion"),
  CREDENTIAL_ACCESS("TA0006", "Credential Access"),
  DISCOVERY("TA0007", "Discovery"),
  LATERAL_MOVEMENT("TA0008", "Lateral Movement"),
  COLLECTION("TA0009", "Collection"),
  COMMAND_AND_CONTROL("TA0011", "Command and Control"),
  EXFILTRATION("TA0010", "Exfiltration"),
  IMPACT("TA0040", "Impact");

  final String uid;
  final String displayName;

  MitreTactic(String uid, String displayName) {
    this.uid = uid;
    this.displayName = displayName;
  }

  /**
   * Finds the tactic a category names, in any of MITRE's spellings: {@code defense-evasion},
   * {@code Defense Evasion}, {@code defense_evasion} or {@code TA0005}.
   */
  static @Nullable MitreTactic of(String category) {
    String normalised = category.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (MitreTactic tactic : values()) {
      if (tactic.name().equals(normalised) || tactic.uid.equals(normalised)) {
        return tactic;
      }
    }
    return null;
  }
}
