package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import dev.sigil.core.tracee.TraceeArguments;
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
public final class SchedDebugRecon implements Signature {
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

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  private static final String[] SCHED_DEBUG_PATHS = {
      "/proc/sched_debug", "/sys/kernel/debug/sched/debug"};
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public SchedDebugRecon() {}

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
    if (!TraceeArguments.isFileRead(flags)) {
      return;
    }
    for (String path : SCHED_DEBUG_PATHS) {
      if (Text.contentEquals(pathname, path)) {
        context.report(event, Map.of());
        return;
      }
    }
  }
}
