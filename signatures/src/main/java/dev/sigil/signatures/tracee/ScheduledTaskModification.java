package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.List;
import java.util.Map;

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
 * <p>Otherwise the same as Tracee: raw paths, no normalisation ({@code /etc//cron.d/x} does not
 * fire); the program's base ignores trailing slashes. The {@code flags} argument is read
 * whether Tracee printed it as a number or as {@code O_WRONLY|O_CREAT}. As in Tracee, an open's
 * {@code pathname} and {@code flags} are read, in that order, before anything is compared: an
 * argument that is missing or of another kind is counted as a data problem and never fires. No
 * default deduplication. It allocates nothing unless it fires.
 */
public final class ScheduledTaskModification extends TraceeSignature {
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

  private static final EventType FILE_OPEN = EventType.of("security_file_open");
  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final EventType PROCESS_EXEC = EventType.of("sched_process_exec");
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
  private static final List<Selector> SELECTORS = List.of(
      Selector.event(FILE_OPEN), Selector.event(INODE_RENAME), Selector.event(PROCESS_EXEC));

  /** Creates the signature. */
  public ScheduledTaskModification() {
    super(METADATA, SELECTORS);
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    if (event.type() == PROCESS_EXEC) {
      CharSequence pathname = ProcessExec.readPathname(event, ctx);
      if (pathname != null && isCronCommand(pathname)) {
        ctx.report(event, Map.of());
      }
      return;
    }
    CharSequence path = WrittenPath.readPathnameThenFlags(event, ctx);
    if (path != null && isCronFileOrDir(path)) {
      ctx.report(event, Map.of());
    }
  }

  private static boolean isCronFileOrDir(CharSequence path) {
    return PathLists.isOneOf(path, CRON_FILES) || PathLists.isInOneOf(path, CRON_DIRS);
  }

  private static boolean isCronCommand(CharSequence pathname) {
    for (String command : CRON_COMMANDS) {
      if (GoPath.baseEquals(pathname, command)) {
        return true;
      }
    }
    return false;
  }
}
