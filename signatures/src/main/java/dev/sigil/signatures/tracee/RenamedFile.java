package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import org.jspecify.annotations.Nullable;

/**
 * The paths of a {@code security_inode_rename}, read as Tracee's signatures read them: a
 * missing path, or one that is not text, is counted as a data problem, with the same reason in
 * every signature. Stateless and allocation-free; safe from any thread.
 */
final class RenamedFile {
  private static final ArgKey OLD_PATH = ArgKey.of("old_path");
  private static final ArgKey NEW_PATH = ArgKey.of("new_path");

  private RenamedFile() {}

  /**
   * Reads the path the file is renamed to.
   *
   * @param event a {@code security_inode_rename}
   * @param context where a data problem is counted
   * @return the {@code new_path}, valid during this event only, or null (a data problem)
   */
  static @Nullable CharSequence readNewPath(Event event, SignatureContext context) {
    return Required.text(event.string(NEW_PATH), "security_inode_rename without a text new_path",
        context);
  }

  /**
   * Reads the path the file is renamed from.
   *
   * @param event a {@code security_inode_rename}
   * @param context where a data problem is counted
   * @return the {@code old_path}, valid during this event only, or null (a data problem)
   */
  static @Nullable CharSequence readOldPath(Event event, SignatureContext context) {
    return Required.text(event.string(OLD_PATH), "security_inode_rename without a text old_path",
        context);
  }
}
