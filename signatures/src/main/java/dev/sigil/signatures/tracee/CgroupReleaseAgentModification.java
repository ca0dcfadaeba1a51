package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.List;
import java.util.Map;

/**
 * TRC-1010, "Cgroups release agent file modification", with Tracee v0.24.1's semantics and
 * metadata: in a started container, a {@code security_file_open} for writing ({@code O_WRONLY} or
 * {@code O_RDWR}) of a file whose Go {@code path.Base} is {@code release_agent}, or a
 * {@code security_inode_rename} whose {@code new_path} has that base. Writing a cgroup's release
 * agent is a classic container escape. The finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the base is Go's {@code path.Base} of the raw path, so trailing slashes are
 * ignored ({@code /sys/fs/cgroup/x/release_agent/} fires) and any directory fires. The
 * {@code flags} argument is read whether Tracee printed it as a number or as
 * {@code O_WRONLY|O_CREAT}. As in Tracee, {@code flags} is read before {@code pathname}, and
 * {@code pathname} only for a write: an argument that is needed but missing or of another kind
 * is counted as a data problem and never fires. No default deduplication. It allocates nothing
 * unless it fires.
 */
public final class CgroupReleaseAgentModification extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1010")
      .version("1")
      .name("Cgroups release agent file modification")
      .eventName("cgroup_release_agent")
      .traceeEventId(6012)
      .description("An attempt to modify Cgroup release agent file was detected. Cgroups are a"
          + " Linux kernel feature which limits the resource usage of a set of processes."
          + " Adversaries may use this feature for container escaping.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final EventType FILE_OPEN = EventType.of("security_file_open");
  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final String RELEASE_AGENT = "release_agent";
  private static final List<Selector> SELECTORS = List.of(
      Selector.of(FILE_OPEN, Origin.CONTAINER),
      Selector.of(INODE_RENAME, Origin.CONTAINER));

  /** Creates the signature. */
  public CgroupReleaseAgentModification() {
    super(METADATA, SELECTORS);
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    CharSequence path = WrittenPath.readFlagsThenPathname(event, ctx);
    if (path != null && GoPath.baseEquals(path, RELEASE_AGENT)) {
      ctx.report(event, Map.of());
    }
  }
}
