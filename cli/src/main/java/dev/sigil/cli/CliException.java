package dev.sigil.cli;

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
}
