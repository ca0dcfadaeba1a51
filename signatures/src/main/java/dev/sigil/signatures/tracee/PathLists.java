package dev.sigil.signatures.tracee;

import dev.sigil.core.Text;

/**
 * Compares a path (or a process name) with the lists Tracee's signatures keep, without
 * allocating: exact names, raw prefixes, and directories matched on a path boundary. Raw means
 * no normalisation, as in Tracee: {@code /etc//cron.d/x} is not under {@code /etc/cron.d}.
 */
final class PathLists {
  private PathLists() {}

  /**
   * Tells whether the text is exactly one of the names.
   *
   * @param text a path or a process name
   * @param names the names
   * @return true when one equals the text
   */
  static boolean isOneOf(CharSequence text, String[] names) {
    for (String name : names) {
      if (Text.contentEquals(text, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the path starts with one of the prefixes, compared as raw text (Tracee's
   * {@code strings.HasPrefix}): {@code /dev/shm} is a prefix of {@code /dev/shmem}.
   *
   * @param path the path
   * @param prefixes the prefixes
   * @return true when one starts the path
   */
  static boolean startsWithOneOf(CharSequence path, String[] prefixes) {
    for (String prefix : prefixes) {
      if (Text.startsWith(path, prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the path is one of the directories or lies under one: it equals the
   * directory, or starts with the directory followed by {@code /}. Unlike a raw prefix,
   * {@code /etc/rc.d.old/x} is not under {@code /etc/rc.d}.
   *
   * @param path the path
   * @param directories the directories, without a trailing slash
   * @return true when the path is one of them or under one
   */
  static boolean isInOneOf(CharSequence path, String[] directories) {
    for (String directory : directories) {
      if (Text.startsWith(path, directory)
          && (path.length() == directory.length() || path.charAt(directory.length()) == '/')) {
        return true;
      }
    }
    return false;
  }
}
