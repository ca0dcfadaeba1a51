package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-105, "Fileless execution detected", with exactly Tracee v0.24.1's semantics
 * ({@code fileless_execution.go}): a {@code sched_process_exec} event, from any origin, whose
 * {@code pathname} lies in memory, that is starts with {@code memfd:}, {@code /run/shm/} or
 * {@code /dev/shm/} (Tracee's {@code helpers.IsMemoryPath}, on the raw text, with no
 * normalisation). The finding carries no data.
 *
 * <p>An event without a text {@code pathname} is counted as a data problem and never fires
 * ({@link PathSource#EXECUTED}).
 */
public final class FilelessExecution extends PathSignature {
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

  private static final String[] MEMORY_PREFIXES = {"memfd:", "/run/shm/", "/dev/shm/"};

  /** Creates the signature. */
  public FilelessExecution() {
    super(METADATA, PathSource.EXECUTED);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return PathLists.startsWithOneOf(pathname, MEMORY_PREFIXES);
  }
}
