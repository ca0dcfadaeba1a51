package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1010, "Cgroups release agent file modification", with Tracee v0.24.1's semantics and
 * metadata: in a started container, a {@code security_file_open} for writing ({@code O_WRONLY} or
 * {@code O_RDWR}) of a file whose Go {@code path.Base} is {@code release_agent}, or a
 * {@code security_inode_rename} whose {@code new_path} has that base. Writing a cgroup's release
 * agent is a classic container escape. The finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the base is Go's {@code path.Base} of the raw path, so trailing slashes are
 * ignored ({@code /sys/fs/cgroup/x/release_agent/} fires) and any directory fires. As in
 * Tracee, an open's {@code flags} are read before its {@code pathname}, which is read only for a
 * write, as {@link PathSource#WRITTEN_FLAGS_FIRST} reads them ({@code flags} as a number or as
 * {@code O_WRONLY|O_CREAT}): an argument that is needed but bad is counted as a data problem
 * and never fires.
 */
public final class CgroupReleaseAgentModification extends PathSignature {
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

  private static final String RELEASE_AGENT = "release_agent";

  /** Creates the signature. */
  public CgroupReleaseAgentModification() {
    super(METADATA, PathSource.WRITTEN_FLAGS_FIRST, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence path) {
    return GoPath.baseEquals(path, RELEASE_AGENT);
  }
}
