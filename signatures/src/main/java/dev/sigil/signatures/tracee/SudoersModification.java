package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.List;
import java.util.Map;

/**
 * TRC-1028, "Sudoers file modification detected", with Tracee v0.24.1's semantics and metadata:
 * a {@code security_file_open} for writing ({@code O_WRONLY} or {@code O_RDWR}) whose
 * {@code pathname}, or a {@code security_inode_rename} whose {@code new_path}, is exactly
 * {@code /etc/sudoers} or {@code /private/etc/sudoers}, or starts with {@code /etc/sudoers.d/}
 * or {@code /private/etc/sudoers.d/}. Any origin; the finding has no data.
 *
 * <p>Like Tracee, it compares the raw path with no normalisation: {@code /etc//sudoers},
 * {@code /etc/sudoers.d} (the directory itself) and relative paths do not fire. The open
 * {@code flags} are read whether Tracee printed them as a number or as parsed text
 * ({@code O_WRONLY|O_CREAT}).
 *
 * <p>An open without readable {@code flags}, a write-open without a text {@code pathname} or a
 * rename without a text {@code new_path} is counted as a data problem and never fires; as in
 * Tracee, the {@code pathname} of an open that is not a write is never looked at. It allocates
 * nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in nothing but reading parsed {@code flags}.
 */
public final class SudoersModification extends TraceeSignature {
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
  private static final List<Selector> SELECTORS = List.of(
      Selector.event("security_file_open"),
      Selector.event("security_inode_rename"));

  /** Creates the signature. */
  public SudoersModification() {
    super(METADATA, SELECTORS);
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence path = WrittenPath.readFlagsThenPathname(event, context);
    if (path != null
        && (PathLists.isOneOf(path, SUDOERS_FILES) || PathLists.startsWithOneOf(path, SUDOERS_DIRS))) {
      context.report(event, Map.of());
    }
  }
}
