package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;

/**
 * The two ways Tracee prints open {@code flags}: as the integer (its default), or as names
 * joined by {@code |}, access mode first (with {@code --output option:parse-arguments}). Tests of
 * signatures that read flags run once with each.
 */
enum OpenFlagsForm {
  /** Tracee's default output: the integer. */
  NUMBER,
  /** Tracee's parsed output, such as {@code O_WRONLY|O_CREAT|O_TRUNC}. */
  PARSED;

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 01;
  static final int O_RDWR = 02;
  static final int O_CREAT = 0100;
  static final int O_TRUNC = 01000;
  static final int O_APPEND = 02000;
  static final int O_LARGEFILE = 0100000;
  static final int O_CLOEXEC = 02000000;

  private static final int[] FLAGS = {O_CREAT, O_TRUNC, O_APPEND, O_LARGEFILE, O_CLOEXEC};
  private static final String[] NAMES = {"O_CREAT", "O_TRUNC", "O_APPEND", "O_LARGEFILE", "O_CLOEXEC"};

  /**
   * Returns the value to give {@code EventBuilder.arg("flags", ...)}.
   *
   * @param flags a combination of the constants above
   * @return a {@code Long}, or Tracee's parsed text
   */
  Object of(int flags) {
    if (this == NUMBER) {
      return (long) flags;
    }
    StringBuilder text = new StringBuilder();
    switch (flags & 3) {
      case O_RDONLY -> text.append("O_RDONLY");
      case O_WRONLY -> text.append("O_WRONLY");
      case O_RDWR -> text.append("O_RDWR");
      default -> throw new IllegalArgumentException("Tracee prints no access mode 3");
    }
    int rest = flags & ~3;
    for (int i = 0; i < FLAGS.length; i++) {
      if ((rest & FLAGS[i]) != 0) {
        text.append('|').append(NAMES[i]);
        rest &= ~FLAGS[i];
      }
    }
    if (rest != 0) {
      throw new IllegalArgumentException("no name here for flags 0" + Integer.toOctalString(rest));
    }
    return text.toString();
  }

  /**
   * Builds a {@code security_file_open} in a started container, with Tracee's other arguments.
   *
   * @param pathname the opened path
   * @param flags the open flags, printed in this form
   * @return a builder, to adjust origin or process name
   */
  EventBuilder open(String pathname, int flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER).processName("sh")
        .arg("pathname", pathname).arg("flags", of(flags)).arg("dev", 2049L).arg("inode", 77L)
        .arg("ctime", 1_700_000_000_000_000_000L).arg("syscall_pathname", pathname);
  }

  /**
   * Builds a {@code security_file_open} whose arguments carry the types Tracee declares for its
   * flags as printed: {@code int32} for a number, {@code string} for parsed text.
   *
   * @param flags a {@code Long}, or Tracee's parsed text
   * @param pathname the opened path
   * @return a builder, to set origin or container
   */
  static EventBuilder typedOpen(Object flags, String pathname) {
    return EventBuilder.event("security_file_open")
        .arg("flags", flags instanceof String ? "string" : "int32", flags)
        .arg("pathname", "string", pathname);
  }

  /**
   * Builds a {@code security_inode_rename} in a started container.
   *
   * @param oldPath the path renamed
   * @param newPath its new path
   * @return a builder, to adjust origin or process name
   */
  static EventBuilder rename(String oldPath, String newPath) {
    return EventBuilder.event("security_inode_rename").origin(Origin.CONTAINER).processName("mv")
        .arg("old_path", oldPath).arg("new_path", newPath);
  }

  /**
   * Builds a {@code security_file_open} with the flags as given (a number, or Tracee's parsed
   * text), for tests that list many opens.
   *
   * @return the event
   */
  static Event fileOpen(Origin origin, String processName, String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(origin).processName(processName)
        .arg("pathname", pathname).arg("flags", flags).arg("dev", 2049L).arg("inode", 77L).build();
  }

  /**
   * A write-open onto the path in each form, and a rename onto it: the three ways a file-watch
   * signature sees a file being changed, all firing or none.
   *
   * @param path the path written
   * @return the three events
   */
  static Event[] writesAndRenameOnto(String path) {
    return new Event[] {
      NUMBER.open(path, O_WRONLY).build(),
      PARSED.open(path, O_WRONLY | O_CREAT | O_TRUNC).build(),
      rename("/tmp/x", path).build(),
    };
  }
}
