package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;

/**
 * TRC-1015, "Hidden executable creation detected", with Tracee v0.24.1's semantics and metadata:
 * from any origin, a {@code magic_write} whose first written bytes are the ELF magic
 * {@code 7F 45 4C 46} to a path that contains {@code /.}, that is a file or a directory whose
 * name starts with a dot. The finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee: {@code /.} is looked for anywhere in the raw path, so a hidden directory
 * ({@code /tmp/.cache/x}) fires, and so do paths that are not normalised
 * ({@code /usr/./bin/x}, {@code /usr/../bin/x}); a relative {@code .x} without a slash does not.
 * As in Tracee, {@code bytes} is read before {@code pathname}
 * ({@link PathSource#ELF_WRITTEN}): a missing one, or one of another kind, is counted as a data
 * problem and never fires.
 */
public final class HiddenFileCreated extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1015")
      .version("1")
      .name("Hidden executable creation detected")
      .eventName("hidden_file_created")
      .traceeEventId(6017)
      .description("A hidden executable (ELF file) was created on disk. This activity could be"
          + " legitimate; however, it could indicate that an adversary is trying to avoid"
          + " detection by hiding their programs.")
      .severity(Severity.fromTraceeValue(2))
      .category("defense-evasion")
      .technique("Hidden Files and Directories")
      .mitre("T1564.001", "attack-pattern--ec8fc7e2-b356-455c-8db5-2e37be158e7d")
      .build();

  private static final String HIDDEN_PATH_PATTERN = "/.";

  /** Creates the signature. */
  public HiddenFileCreated() {
    super(METADATA, PathSource.ELF_WRITTEN);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return Text.indexOf(pathname, HIDDEN_PATH_PATTERN, 0) >= 0;
  }
}
