package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1026, "Rcd modification detected", with Tracee v0.24.1's metadata: from any origin, a
 * {@code security_file_open} for writing ({@code O_WRONLY} or {@code O_RDWR}) or a
 * {@code security_inode_rename} ({@code new_path}) of an rc script ({@code /etc/rc.local},
 * {@code /etc/init.d/rc.local}) or of anything in an rc directory ({@code /etc/rc1.d} to
 * {@code /etc/rc6.d}, {@code /etc/rcs.d}, {@code /etc/init.d}, {@code /etc/rc.d/rc.local},
 * {@code /etc/rc.d/init.d}, {@code /etc/rc.d}), or a {@code sched_process_exec} of a program
 * whose Go {@code path.Base} is {@code update-rc.d}. The finding carries no data, as in Tracee.
 *
 * <p><b>Where Sigil differs from Tracee:</b> Tracee compares the directories as raw string
 * prefixes, so {@code /etc/rc.d.old/x} or {@code /etc/init.d-backup} fire. Sigil matches a
 * directory on a path boundary only: the path is the directory itself or starts with the
 * directory followed by {@code /} ({@code /etc/rc.d/x} fires, {@code /etc/rc.d.old/x} does not).
 * The two files are compared exactly, as in Tracee.
 *
 * <p>Otherwise the same as Tracee, as {@link WatchedPathsSignature} says: raw paths, no
 * normalisation ({@code /etc//rc.d/x} does not fire), and an open's arguments both read before
 * anything is compared, a bad one counted as a data problem.
 */
public final class RcdModification extends WatchedPathsSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1026")
      .version("1")
      .name("Rcd modification detected")
      .eventName("rcd_modification")
      .traceeEventId(6013)
      .description("The rcd files were modified. rcd files are scripts executed on boot and"
          + " runlevel switch. Those scripts are responsible for service control in runlevel"
          + " switch. Adversaries may add or modify rcd files in order to persist a reboot, thus"
          + " maintaining malicious execution on the affected host.")
      .severity(Severity.fromTraceeValue(2))
      .category("persistence")
      .technique("RC Scripts")
      .mitre("T1037.004", "attack-pattern--dca670cf-eeec-438f-8185-fd959d9ef211")
      .build();

  // Tracee's lists, in its order and spelling.
  private static final String[] RCD_FILES = {"/etc/rc.local", "/etc/init.d/rc.local"};
  private static final String[] RCD_DIRS = {
    "/etc/rc1.d", "/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d", "/etc/rc6.d",
    "/etc/rcs.d", "/etc/init.d", "/etc/rc.d/rc.local", "/etc/rc.d/init.d", "/etc/rc.d",
  };
  private static final String[] RCD_COMMANDS = {"update-rc.d"};

  /** Creates the signature. */
  public RcdModification() {
    super(METADATA, RCD_FILES, RCD_DIRS, RCD_COMMANDS);
  }
}
