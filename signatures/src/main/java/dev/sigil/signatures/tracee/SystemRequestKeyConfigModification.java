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
 * TRC-1031, "System request key configuration modification", with Tracee v0.24.1's semantics and
 * metadata: a {@code security_file_open} in a started container, for writing ({@code O_WRONLY}
 * or {@code O_RDWR}), whose {@code pathname} is exactly {@code /proc/sys/kernel/sysrq} or
 * {@code /proc/sysrq-trigger}. The finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The open {@code flags} are
 * read whether Tracee printed them as a number or as parsed text ({@code O_WRONLY|O_TRUNC}).
 *
 * <p>An open without readable {@code flags}, or a write-open without a text {@code pathname},
 * is counted as a data problem and never fires; as in Tracee, the {@code pathname} of an open
 * that is not a write is never looked at. It allocates nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in nothing but reading parsed {@code flags}.
 */
public final class SystemRequestKeyConfigModification implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1031")
      .version("1")
      .name("System request key configuration modification")
      .eventName("system_request_key_mod")
      .traceeEventId(6011)
      .description("An attempt to modify and activate the System Request Key configuration file"
          + " was detected. The system request key allows immediate input to the kernel through"
          + " simple key combinations. Adversaries may use this feature to immediately shut down"
          + " or restart a system. With read access to kernel logs, host related information"
          + " such as listing tasks and CPU registers may be disclosed and could be used for"
          + " container escape.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  private static final String[] SYSRQ_PATHS = {"/proc/sys/kernel/sysrq", "/proc/sysrq-trigger"};
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("security_file_open", Origin.CONTAINER));

  /** Creates the signature. */
  public SystemRequestKeyConfigModification() {}

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
    long flags = TraceeArguments.openFlags(event, FLAGS, NO_FLAGS);
    if (flags == NO_FLAGS) {
      context.dataProblem("security_file_open without readable flags");
      return;
    }
    if (!TraceeArguments.isFileWrite(flags)) {
      return;
    }
    CharSequence pathname = event.string(PATHNAME);
    if (pathname == null) {
      context.dataProblem("security_file_open without a text pathname");
      return;
    }
    for (String path : SYSRQ_PATHS) {
      if (Text.contentEquals(pathname, path)) {
        context.report(event, Map.of());
        return;
      }
    }
  }
}
