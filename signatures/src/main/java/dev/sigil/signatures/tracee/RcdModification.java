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
 * <p>Otherwise the same as Tracee: raw paths, no normalisation ({@code /etc//rc.d/x} does not
 * fire); the program's base ignores trailing slashes. The {@code flags} argument is read
 * whether Tracee printed it as a number or as {@code O_WRONLY|O_CREAT}. As in Tracee, an open's
 * {@code pathname} and {@code flags} are read, in that order, before anything is compared: an
 * argument that is missing or of another kind is counted as a data problem and never fires. No
 * default deduplication. It allocates nothing unless it fires.
 */
public final class RcdModification extends TraceeSignature {
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

  private static final EventType FILE_OPEN = EventType.of("security_file_open");
  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final EventType PROCESS_EXEC = EventType.of("sched_process_exec");
  // Tracee's lists, in its order and spelling.
  private static final String[] RCD_FILES = {"/etc/rc.local", "/etc/init.d/rc.local"};
  private static final String[] RCD_DIRS = {
    "/etc/rc1.d", "/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d", "/etc/rc6.d",
    "/etc/rcs.d", "/etc/init.d", "/etc/rc.d/rc.local", "/etc/rc.d/init.d", "/etc/rc.d",
  };
  private static final String RCD_COMMAND = "update-rc.d";
  private static final List<Selector> SELECTORS = List.of(
      Selector.event(FILE_OPEN), Selector.event(INODE_RENAME), Selector.event(PROCESS_EXEC));

  /** Creates the signature. */
  public RcdModification() {
    super(METADATA, SELECTORS);
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    if (event.type() == PROCESS_EXEC) {
      CharSequence pathname = ProcessExec.readPathname(event, ctx);
      if (pathname != null && GoPath.baseEquals(pathname, RCD_COMMAND)) {
        ctx.report(event, Map.of());
      }
      return;
    }
    CharSequence path = WrittenPath.readPathnameThenFlags(event, ctx);
    if (path != null && isRcdFileOrDir(path)) {
      ctx.report(event, Map.of());
    }
  }

  private static boolean isRcdFileOrDir(CharSequence path) {
    return PathLists.isOneOf(path, RCD_FILES) || PathLists.isInOneOf(path, RCD_DIRS);
  }
}
