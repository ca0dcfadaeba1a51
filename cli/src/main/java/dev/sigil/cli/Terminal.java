package dev.sigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal. Java 17 cannot ask ({@code System.console()} needs
 * standard input and output to be terminals too), so on Linux the answer is where
 * {@code /proc/self/fd/2} points: a pseudo-terminal ({@code /dev/pts/N}) or a console
 * ({@code /dev/ttyN}). Anything else, or no {@code /proc}, counts as not a terminal, so the
 * progress line stays off rather than garbling a log file.
 */
final class Terminal {
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private Terminal() {}

  static boolean stderrIsTerminal() {
    return isTerminal(STDERR_LINK);
  }

  /**
   * Tells whether a file-descriptor link (as in {@code /proc/self/fd}) points at a terminal.
   *
   * @param descriptorLink the link
   * @return true for {@code /dev/pts/*} and {@code /dev/tty*}; false otherwise or when unreadable
   */
  static boolean isTerminal(Path descriptorLink) {
    try {
      String target = Files.readSymbolicLink(descriptorLink).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
