package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.SignatureContext;
import dev.sigil.signatures.tracee.OpenedFile.Access;
import org.jspecify.annotations.Nullable;

/**
 * The path a file-watch signature sees written: the {@code new_path} of a
 * {@code security_inode_rename}, or the {@code pathname} of a {@code security_file_open} for
 * writing, each read, and a bad one counted, as {@link RenamedFile} and {@link OpenedFile} do.
 * An open's two arguments are read in the order of the signature's Tracee original (see
 * {@link OpenedFile}), so the choice is the caller's.
 *
 * <p>Stateless and allocation-free; safe from any thread.
 */
final class WrittenPath {
  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");

  private WrittenPath() {}

  /**
   * Reads the path written, an open's {@code flags} before its {@code pathname}.
   *
   * @param event a {@code security_inode_rename} or a {@code security_file_open}
   * @param context where a data problem is counted
   * @return the path, valid during this event only; null when an argument read is bad or the
   *     open is not for writing
   */
  static @Nullable CharSequence readFlagsThenPathname(Event event, SignatureContext context) {
    return event.type() == INODE_RENAME
        ? RenamedFile.readNewPath(event, context)
        : OpenedFile.readFlagsThenPathname(event, context, Access.WRITE);
  }

  /**
   * Reads the path written, an open's {@code pathname} before its {@code flags}.
   *
   * @param event a {@code security_inode_rename} or a {@code security_file_open}
   * @param context where a data problem is counted
   * @return the path, valid during this event only; null when an argument is bad or the open
   *     is not for writing
   */
  static @Nullable CharSequence readPathnameThenFlags(Event event, SignatureContext context) {
    return event.type() == INODE_RENAME
        ? RenamedFile.readNewPath(event, context)
        : OpenedFile.readPathnameThenFlags(event, context, Access.WRITE);
  }
}
