package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.signatures.tracee.OpenedFile.Access;
import java.util.List;
import java.util.Map;

/**
 * TRC-1029, "sched_debug CPU file was read", with Tracee v0.24.1's semantics and metadata: a
 * {@code security_file_open} in a started container, for reading ({@code O_RDONLY} or
 * {@code O_RDWR}), whose {@code pathname} is exactly {@code /proc/sched_debug} or
 * {@code /sys/kernel/debug/sched/debug}. The finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The open {@code flags} are
 * read whether Tracee printed them as a number or as parsed text ({@code O_RDONLY}).
 *
 * <p>An open without a text {@code pathname} or without readable {@code flags} is counted as a
 * data problem and never fires. It allocates nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in nothing but reading parsed {@code flags}.
 */
public final class SchedDebugRecon extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1029")
      .version("1")
      .name("sched_debug CPU file was read")
      .eventName("sched_debug_recon")
      .traceeEventId(6010)
      .description("The sched_debug file was read. This file contains information about your CPU"
          + " and processes. Adversaries may read this file in order to gather that information"
          + " for their use.")
      .severity(Severity.fromTraceeValue(1))
      .category("discovery")
      .technique("Container and Resource Discovery")
      .mitre("T1613", "attack-pattern--0470e792-32f8-46b0-a351-652bc35e9336")
      .build();

  private static final String[] SCHED_DEBUG_PATHS = {
      "/proc/sched_debug", "/sys/kernel/debug/sched/debug"};
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public SchedDebugRecon() {
    super(METADATA, SELECTORS);
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence pathname = OpenedFile.readPathnameThenFlags(event, context, Access.READ);
    if (pathname != null && PathLists.isOneOf(pathname, SCHED_DEBUG_PATHS)) {
      context.report(event, Map.of());
    }
  }
}
