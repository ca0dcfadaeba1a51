package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;

/**
 * TRC-1028, "Sudoers file modification detected", with Tracee v0.24.1's semantics and metadata:
 * a {@code security_file_open} for writing ({@code O_WRONLY} or {@code O_RDWR}) whose
 * {@code pathname}, or a {@code security_inode_rename} whose {@code new_path}, is exactly
 * {@code /etc/sudoers} or {@code /private/etc/sudoers}, or starts with {@code /etc/sudoers.d/}
 * or {@code /private/etc/sudoers.d/}. Any origin; the finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation: {@code /etc//sudoers},
 * {@code /etc/sudoers.d} (the directory itself) and relative paths do not fire.
 *
 * <p>The arguments are read as {@link PathSource#WRITTEN_FLAGS_FIRST} reads them: as in Tracee,
 * the {@code pathname} of an open that is not a write is never looked at; an argument that is
 * needed but bad is counted as a data problem and never fires. Sigil differs from Tracee in
 * nothing but reading parsed {@code flags} ({@code O_WRONLY|O_CREAT}).
 */
public final class SudoersModification extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1028")
      .version("1")
      .name("Sudoers file modification detected")
      .eventName("sudoers_modification")
      .traceeEventId(6009)
      .description("The sudoers file was modified. The sudoers file is a configuration file which"
          + " controls the permissions and options of the sudo feature. Adversaries may alter the"
          + " sudoers file to elevate privileges, execute commands as other users or spawn"
          + " processes with higher privileges.")
      .severity(Severity.fromTraceeValue(2))
      .category("privilege-escalation")
      .technique("Sudo and Sudo Caching")
      .mitre("T1548.003", "attack-pattern--1365fe3b-0f50-455d-b4da-266ce31c23b0")
      .build();

  private static final String[] SUDOERS_FILES = {"/etc/sudoers", "/private/etc/sudoers"};
  // Tracee's directory prefixes end in a slash, so the directory entry itself does not match.
  private static final String[] SUDOERS_DIRS = {"/etc/sudoers.d/", "/private/etc/sudoers.d/"};

  /** Creates the signature. */
  public SudoersModification() {
    super(METADATA, PathSource.WRITTEN_FLAGS_FIRST);
  }

  @Override
  boolean matches(CharSequence path) {
    return PathLists.isOneOf(path, SUDOERS_FILES) || PathLists.startsWithOneOf(path, SUDOERS_DIRS);
  }
}
