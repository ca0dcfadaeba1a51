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
 * TRC-1011, "Core dumps configuration file modification detected", with Tracee v0.24.1's
 * semantics and metadata: in a started container, a {@code security_file_open} for writing
 * ({@code O_WRONLY} or {@code O_RDWR}) of a path that ends with
 * {@code /proc/sys/kernel/core_pattern}. A core pattern that starts with {@code |} makes the
 * kernel run a program on the host when a process crashes, a container escape. The finding
 * carries no data, as in Tracee.
 *
 * <p>Same as Tracee: the raw path's suffix is compared, so a procfs mounted elsewhere
 * ({@code /host/proc/sys/kernel/core_pattern}) fires too. The {@code flags} argument is read
 * whether Tracee printed it as a number or as {@code O_WRONLY|O_TRUNC}. As in Tracee, both
 * {@code pathname} and {@code flags} are read, in that order, before anything is compared: a
 * missing one, or one of another kind, is counted as a data problem and never fires. No default
 * deduplication. It allocates nothing unless it fires.
 */
public final class CorePatternModification implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1011")
      .version("1")
      .name("Core dumps configuration file modification detected")
      .eventName("core_pattern_modification")
      .traceeEventId(6014)
      .description("Modification of the core dump configuration file (core_pattern) detected."
          + " Core dumps are usually written to disk when a program crashes. Certain"
          + " modifications enable container escaping through the kernel core_pattern feature.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";
  // Open flags are an int32, so no real value reads as this.
  private static final long ABSENT = Long.MIN_VALUE;
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public CorePatternModification() {}

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
    if (Text.endsWith(pathname, CORE_PATTERN) && TraceeArguments.isFileWrite(flags)) {
      ctx.report(event, Map.of());
    }
  }
}
