package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1029, "sched_debug CPU file was read", with Tracee v0.24.1's semantics and metadata: a
 * {@code security_file_open} in a started container, for reading ({@code O_RDONLY} or
 * {@code O_RDWR}), whose {@code pathname} is exactly {@code /proc/sched_debug} or
 * {@code /sys/kernel/debug/sched/debug}. The finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The arguments are read as
 * {@link PathSource#OPENED_FOR_READING} reads them; a bad one is counted as a data problem and
 * never fires. Sigil differs from Tracee in nothing but reading parsed {@code flags}
 * ({@code O_RDONLY}).
 */
public final class SchedDebugRecon extends PathSignature {
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

  /** Creates the signature. */
  public SchedDebugRecon() {
    super(METADATA, PathSource.OPENED_FOR_READING, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return PathLists.isOneOf(pathname, SCHED_DEBUG_PATHS);
  }
}
