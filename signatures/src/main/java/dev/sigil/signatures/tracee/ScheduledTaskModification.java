package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1027, "Scheduled tasks modification detected", with Tracee v0.24.1's metadata: from any
 * origin, a {@code security_file_open} for writing ({@code O_WRONLY} or {@code O_RDWR}) or a
 * {@code security_inode_rename} ({@code new_path}) of a cron file ({@code /etc/crontab},
 * {@code /etc/anacrontab}, {@code /etc/cron.deny}, {@code /etc/cron.allow}) or of anything in a
 * cron directory ({@code /etc/cron.hourly}, {@code /etc/cron.daily}, {@code /etc/cron.weekly},
 * {@code /etc/cron.monthly}, {@code /etc/cron.d}, {@code /var/spool/cron/crontabs},
 * {@code /var/spool/anacron}), or a {@code sched_process_exec} of a program whose Go
 * {@code path.Base} is {@code crontab}, {@code at}, {@code batch} or {@code launchd}. The
 * finding carries no data, as in Tracee.
 *
 * <p><b>Where Sigil differs from Tracee:</b>
 * <ul>
 *   <li>Tracee compares the directories as raw string prefixes, so {@code /etc/cron.d.old/x},
 *       {@code /etc/cron.dpkg-dist} or {@code /etc/cron.deny.bak} fire (through
 *       {@code /etc/cron.d}). Sigil matches a directory on a path boundary only: the path is the
 *       directory itself or starts with the directory followed by {@code /}
 *       ({@code /etc/cron.d/job} fires, {@code /etc/cron.d.old/job} does not). The four files
 *       are compared exactly, as in Tracee.
 *   <li>Tracee lists {@code var/spool/anacron} without its leading slash, so anacron's spool
 *       ({@code /var/spool/anacron/cron.daily}), an absolute path as the kernel reports it,
 *       never fires there. Sigil also watches {@code /var/spool/anacron}. It keeps Tracee's
 *       relative entry too (on a path boundary), so a relative {@code var/spool/anacron/x}
 *       still fires as in Tracee.
 * </ul>
 *
 * <p>Otherwise the same as Tracee, as {@link WatchedPathsSignature} says: raw paths, no
 * normalisation ({@code /etc//cron.d/x} does not fire), and an open's arguments both read before
 * anything is compared, a bad one counted as a data problem.
 */
public final class ScheduledTaskModification extends WatchedPathsSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1027")
      .version("1")
      .name("Scheduled tasks modification detected")
      .eventName("scheduled_task_mod")
      .traceeEventId(6005)
      .description("The task scheduling functionality or files were modified. Crontab schedules"
          + " task execution or enables task execution at boot time. Adversaries may add or"
          + " modify scheduled tasks in order to persist a reboot, thus maintaining malicious"
          + " execution on the affected host.")
      .severity(Severity.fromTraceeValue(2))
      .category("persistence")
      .technique("Cron")
      .mitre("T1053.003", "attack-pattern--2acf44aa-542f-4366-b4eb-55ef5747759c")
      .build();

  // Tracee's lists, in its order and spelling, with /var/spool/anacron added (see the class
  // comment).
  private static final String[] CRON_FILES = {
    "/etc/crontab", "/etc/anacrontab", "/etc/cron.deny", "/etc/cron.allow",
  };
  private static final String[] CRON_DIRS = {
    "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly",
    "/etc/cron.d", "/var/spool/cron/crontabs", "var/spool/anacron", "/var/spool/anacron",
  };
  private static final String[] CRON_COMMANDS = {"crontab", "at", "batch", "launchd"};

  /** Creates the signature. */
  public ScheduledTaskModification() {
    super(METADATA, CRON_FILES, CRON_DIRS, CRON_COMMANDS);
  }
}
