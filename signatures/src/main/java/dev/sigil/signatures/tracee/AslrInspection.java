package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
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
 * TRC-109, "ASLR inspection detected", with Tracee v0.24.1's semantics and metadata: a
 * {@code security_file_open}, from any origin, for reading ({@code O_RDONLY} or {@code O_RDWR}),
 * whose {@code pathname} is exactly {@code /proc/sys/kernel/randomize_va_space}. The finding has
 * no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation. The open {@code flags} are
 * read whether Tracee printed them as a number or as parsed text ({@code O_RDONLY}).
 *
 * <p>An open without a text {@code pathname} or without readable {@code flags} is counted as a
 * data problem and never fires. It allocates nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in nothing but reading parsed {@code flags}.
 */
public final class AslrInspection implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-109")
      .version("1")
      .name("ASLR inspection detected")
      .eventName("aslr_inspection")
      .traceeEventId(6002)
      .description("The ASLR (address space layout randomization) configuration was inspected."
          + " ASLR is used by Linux to prevent memory vulnerabilities. An adversary may want to"
          + " inspect and change the ASLR configuration in order to avoid detection.")
      .severity(Severity.fromTraceeValue(0))
      .category("privilege-escalation")
      .technique("Exploitation for Privilege Escalation")
      .mitre("T1068", "attack-pattern--b21c3b2d-02e6-45b1-980b-e69051040839")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  private static final String ASLR_PATH = "/proc/sys/kernel/randomize_va_space";
  private static final List<Selector> SELECTORS = List.of(Selector.event("security_file_open"));

  /** Creates the signature. */
  public AslrInspection() {}

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
    if (Text.contentEquals(pathname, ASLR_PATH) && TraceeArguments.isFileRead(flags)) {
      context.report(event, Map.of());
    }
  }
}
