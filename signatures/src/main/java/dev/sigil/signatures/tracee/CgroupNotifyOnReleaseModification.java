package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.tracee.TraceeArguments;
import java.util.List;
import java.util.Map;

/**
 * TRC-106, "Cgroups notify_on_release file modification", with Tracee v0.24.1's semantics and
 * metadata: a {@code security_file_open} in a started container, for writing ({@code O_WRONLY}
 * or {@code O_RDWR}), whose {@code pathname} has the base name {@code notify_on_release}, in any
 * directory. The finding has no data.
 *
 * <p>The base name is Go's {@code path.Base}, as in Tracee: trailing slashes are dropped first,
 * so {@code /sys/fs/cgroup/x/notify_on_release/} fires, and so does the relative
 * {@code notify_on_release}. The open {@code flags} are read whether Tracee printed them as a
 * number or as parsed text ({@code O_WRONLY|O_TRUNC}).
 *
 * <p>An open without a text {@code pathname} or without readable {@code flags} is counted as a
 * data problem and never fires. It allocates nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in nothing but reading parsed {@code flags}.
 */
public final class CgroupNotifyOnReleaseModification implements Signature {
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

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  private static final String NOTIFY_FILE_NAME = "notify_on_release";
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public CgroupNotifyOnReleaseModification() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence pathname = event.string(PATHNAME);
    if (pathname == null) {
      context.dataProblem("security_file_open without a text pathname");
      return;
    }
    long flags = TraceeArguments.openFlags(event, FLAGS, NO_FLAGS);
    if (flags == NO_FLAGS) {
      context.dataProblem("security_file_open without readable flags");
      return;
    }
    if (GoPath.baseEquals(pathname, NOTIFY_FILE_NAME) && TraceeArguments.isFileWrite(flags)) {
      context.report(event, Map.of());
    }
  }
}
