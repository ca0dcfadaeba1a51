package dev.sigil.cli;

import java.io.PrintStream;

/** A reason to stop before scanning, with the exit status and a message naming the culprit. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  CliException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  /**
   * Tells the user, on one line of {@code stderr} headed by the command's name and escaped for a
   * terminal, and returns the exit status the command ends with.
   *
   * @param stderr where the command's messages go
   * @param command the command as the user typed it, e.g. {@code sigil scan}
   */
  int report(PrintStream stderr, String command) {
    stderr.println(Terminal.escape(command + ": " + getMessage()));
    return status;
  }
}
