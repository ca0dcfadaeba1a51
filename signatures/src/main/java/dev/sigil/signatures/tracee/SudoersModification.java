package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
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
public final class SudoersModification implements Signature {
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

  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey NEW_PATH = ArgKey.of("new_path");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  private static final String[] SUDOERS_FILES = {"/etc/sudoers", "/private/etc/sudoers"};
  // Tracee's directory prefixes end in a slash, so the directory entry itself does not match.
  private static final String[] SUDOERS_DIRS = {"/etc/sudoers.d/", "/private/etc/sudoers.d/"};
  private static final List<Selector> SELECTORS = List.of(
      Selector.event("security_file_open"),
      Selector.event("security_inode_rename"));

  /** Creates the signature. */
  public SudoersModification() {}

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
    CharSequence path;
    if (event.type() == INODE_RENAME) {
      path = event.string(NEW_PATH);
      if (path == null) {
        context.dataProblem("security_inode_rename without a text new_path");
        return;
      }
    } else {
      long flags = TraceeArguments.openFlags(event, FLAGS, NO_FLAGS);
      if (flags == NO_FLAGS) {
        context.dataProblem("security_file_open without readable flags");
        return;
      }
      if (!TraceeArguments.isFileWrite(flags)) {
        return;
      }
      path = event.string(PATHNAME);
      if (path == null) {
        context.dataProblem("security_file_open without a text pathname");
        return;
      }
    }
    if (isSudoersPath(path)) {
      context.report(event, Map.of());
    }
  }

  private static boolean isSudoersPath(CharSequence path) {
    for (String file : SUDOERS_FILES) {
      if (Text.contentEquals(path, file)) {
        return true;
      }
    }
    for (String dir : SUDOERS_DIRS) {
      if (Text.startsWith(path, dir)) {
        return true;
      }
    }
    return false;
  }
}
