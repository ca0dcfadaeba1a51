package dev.sigil.signatures.tracee;

/**
 * The two ways Tracee prints a {@code security_file_open}'s {@code flags}, so that every test of
 * an open signature runs with both.
 */
enum PrintedOpenFlags {
  /** Tracee's default output: the integer. */
  NUMBER,
  /** With {@code --output option:parse-arguments}: names joined by {@code |}, access mode first. */
  PARSED;

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 01;
  static final int O_RDWR = 02;
  static final int O_CREAT = 0100;
  static final int O_TRUNC = 01000;
  static final int O_APPEND = 02000;
  static final int O_LARGEFILE = 0100000;
  static final int O_CLOEXEC = 02000000;

  private static final int[] OTHER_FLAGS = {O_CREAT, O_TRUNC, O_APPEND, O_LARGEFILE, O_CLOEXEC};
  private static final String[] OTHER_NAMES =
      {"O_CREAT", "O_TRUNC", "O_APPEND", "O_LARGEFILE", "O_CLOEXEC"};

  /**
   * Returns the value to give {@code EventBuilder.arg("flags", ...)}.
   *
   * @param flags the open flags, a combination of the constants above
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
      default -> throw new IllegalArgumentException("no access mode 3 in Tracee's parsed flags");
    }
    int rest = flags & ~3;
    for (int i = 0; i < OTHER_FLAGS.length; i++) {
      if ((rest & OTHER_FLAGS[i]) != 0) {
        text.append('|').append(OTHER_NAMES[i]);
        rest &= ~OTHER_FLAGS[i];
      }
    }
    if (rest != 0) {
      throw new IllegalArgumentException("no name here for flags " + Integer.toOctalString(rest));
    }
    return text.toString();
  }
}
