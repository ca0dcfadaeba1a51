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
 * TRC-1021, "Kcore memory file read", with Tracee v0.24.1's semantics and metadata: in a started
 * container, a {@code security_file_open} for reading ({@code O_RDONLY} or {@code O_RDWR}) of a
 * path that ends with {@code /proc/kcore}, the host's physical memory in core file format. The
 * finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the raw path's suffix is compared, so a procfs mounted elsewhere
 * ({@code /host/proc/kcore}) fires too. The {@code flags} argument is read whether Tracee
 * printed it as a number or as {@code O_RDONLY|O_LARGEFILE}. As in Tracee, both {@code pathname}
 * and {@code flags} are read, in that order, before anything is compared: a missing one, or one
 * of another kind, is counted as a data problem and never fires. No default deduplication. It
 * allocates nothing unless it fires.
 */
public final class ProcKcoreRead implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1021")
      .version("1")
      .name("Kcore memory file read")
      .eventName("proc_kcore_read")
      .traceeEventId(6015)
      .description("An attempt to read /proc/kcore file was detected. KCore provides a full dump"
          + " of the physical memory of the system in the core file format. Adversaries may read"
          + " this file to get all of the host memory and use this information for container"
          + " escape.")
      .severity(Severity.fromTraceeValue(2))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final String KCORE = "/proc/kcore";
  // Open flags are an int32, so no real value reads as this.
  private static final long ABSENT = Long.MIN_VALUE;
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public ProcKcoreRead() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    CharSequence pathname = event.string(PATHNAME);
    if (pathname == null) {
      ctx.dataProblem("security_file_open without a text pathname");
      return;
    }
    long flags = TraceeArguments.openFlags(event, FLAGS, ABSENT);
    if (flags == ABSENT) {
      ctx.dataProblem("security_file_open without readable flags");
      return;
    }
    if (Text.endsWith(pathname, KCORE) && TraceeArguments.isFileRead(flags)) {
      ctx.report(event, Map.of());
    }
  }
}
