package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-106, "Cgroups notify_on_release file modification", with Tracee v0.24.1's semantics and
 * metadata: a {@code security_file_open} in a started container, for writing ({@code O_WRONLY}
 * or {@code O_RDWR}), whose {@code pathname} has the base name {@code notify_on_release}, in any
 * directory. The finding has no data.
 *
 * <p>The base name is Go's {@code path.Base}, as in Tracee: trailing slashes are dropped first,
 * so {@code /sys/fs/cgroup/x/notify_on_release/} fires, and so does the relative
 * {@code notify_on_release}.
 *
 * <p>The arguments are read as {@link PathSource#OPENED_FOR_WRITING} reads them; a bad one is
 * counted as a data problem and never fires. Sigil differs from Tracee in nothing but reading
 * parsed {@code flags} ({@code O_WRONLY|O_TRUNC}).
 */
public final class CgroupNotifyOnReleaseModification extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-106")
      .version("1")
      .name("Cgroups notify_on_release file modification")
      .eventName("cgroup_notify_on_release")
      .traceeEventId(6007)
      .description("An attempt to modify Cgroup notify_on_release file was detected. Cgroups are a"
          + " Linux kernel feature which limits the resource usage of a set of processes."
          + " Adversaries may use this feature for container escaping.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final String NOTIFY_FILE_NAME = "notify_on_release";

  /** Creates the signature. */
  public CgroupNotifyOnReleaseModification() {
    super(METADATA, PathSource.OPENED_FOR_WRITING, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return GoPath.baseEquals(pathname, NOTIFY_FILE_NAME);
  }
}
