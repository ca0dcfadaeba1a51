package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.List;
import java.util.Map;

/**
 * TRC-105, "Fileless execution detected", with exactly Tracee v0.24.1's semantics
 * ({@code fileless_execution.go}): a {@code sched_process_exec} event, from any origin, whose
 * {@code pathname} lies in memory, that is starts with {@code memfd:}, {@code /run/shm/} or
 * {@code /dev/shm/} (Tracee's {@code helpers.IsMemoryPath}, on the raw text, with no
 * normalisation). The finding carries no data.
 *
 * <p>An event without a text {@code pathname} is counted as a data problem and never fires. It
 * allocates nothing unless it fires; it has no default deduplication, as in Tracee.
 */
public final class FilelessExecution implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-105")
      .version("1")
      .name("Fileless execution detected")
      .eventName("fileless_execution")
      .traceeEventId(6023)
      .description("Fileless execution was detected. Executing a process from memory instead from"
          + " a file in the filesystem may indicate that an adversary is trying to avoid"
          + " execution detection.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Reflective Code Loading")
      .mitre("T1620", "attack-pattern--4933e63b-9b77-476e-ab29-761bc5b7d15a")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final List<String> MEMORY_PREFIXES = List.of("memfd:", "/run/shm/", "/dev/shm/");
  private static final List<Selector> SELECTORS = List.of(Selector.event("sched_process_exec"));

  /** Creates the signature. */
  public FilelessExecution() {}

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
      context.dataProblem("sched_process_exec without a text pathname");
      return;
    }
    if (isMemoryPath(pathname)) {
      context.report(event, Map.of());
    }
  }

  private static boolean isMemoryPath(CharSequence pathname) {
    for (int i = 0; i < MEMORY_PREFIXES.size(); i++) {
      if (Text.startsWith(pathname, MEMORY_PREFIXES.get(i))) {
        return true;
      }
    }
    return false;
  }
}
