package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;

/**
 * TRC-1022, "New executable dropped", with exactly Tracee v0.24's semantics and metadata: a
 * {@code magic_write} in a started container whose first written bytes are the ELF magic
 * {@code 7F 45 4C 46}, to a path outside {@code memfd:}, {@code /dev/shm/} and
 * {@code /run/shm/}. The finding's data is {@code {"path": pathname}}.
 *
 * <p>Like Tracee, it looks at the raw {@code pathname} prefix (no normalisation) and at ELF only:
 * {@code #!} scripts and an ELF header split across writes do not fire. An event whose
 * {@code bytes} or {@code pathname} is absent or could not be decoded is counted as a data
 * problem and never fires ({@link PathSource#ELF_WRITTEN}).
 *
 * <p>Public with a no-argument constructor so that {@link java.util.ServiceLoader} can create it.
 */
public final class DroppedExecutable extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1022")
      .version("1")
      .name("New executable dropped")
      .eventName("dropped_executable")
      .traceeEventId(6029)
      .description("An Executable file was dropped in the system during runtime. Container images"
          + " are usually built with all binaries needed inside. A dropped binary may indicate"
          + " that an adversary infiltrated your container.")
      .severity(Severity.MEDIUM)
      .category("defense-evasion")
      .technique("Masquerading")
      .mitre("T1036", "attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0")
      .build();

  private static final String[] ALLOWED_PREFIXES = {"memfd:", "/dev/shm/", "/run/shm/"};

  /** Creates the signature. */
  public DroppedExecutable() {
    super(METADATA, PathSource.ELF_WRITTEN, Origin.CONTAINER);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return !PathLists.startsWithOneOf(pathname, ALLOWED_PREFIXES);
  }

  @Override
  Map<String, ?> findingData(CharSequence pathname) {
    return Map.of("path", pathname.toString());
  }
}
