package dev.sigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the process's standard streams are terminals, and how text from the input is made
 * safe to print on one.
 *
 * <p>Java 17 cannot ask whether one stream is a terminal ({@code System.console()} needs
 * standard input and output to be terminals too), so on Linux the answer is where
 * {@code /proc/self/fd/N} points: a pseudo-terminal ({@code /dev/pts/N}) or a console
 * ({@code /dev/ttyN}). Anything else, or no {@code /proc}, counts as not a terminal, so the
 * progress line and colours stay off rather than garbling a log file.
 */
final class Terminal {
  private Terminal() {}

  static boolean stdinIsTerminal() {
    return isTerminal(Path.of("/proc/self/fd/0"));
  }

  static boolean stdoutIsTerminal() {
    return isTerminal(Path.of("/proc/self/fd/1"));
  }

  static boolean stderrIsTerminal() {
    return isTerminal(Path.of("/proc/self/fd/2"));
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

  /**
   * Makes text safe for a terminal: every control character (C0 but tab, DEL, C1) is written
   * as an escape (ESC as {@code \x1B}; a C1 control as a backslash, {@code u} and four hex
   * digits), so that text taken from the input (an event name, a path, a file name) can neither
   * move the cursor, clear the screen nor change colours.
   * A line break becomes {@code \n}: one message stays one line.
   *
   * @param text the text
   * @return the text itself when it holds no control character, else an escaped copy
   */
  static String escape(String text) {
    int i = 0;
    while (i < text.length() && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        safe.append(c);
      } else if (c == '\n') {
        safe.append("\\n");
      } else if (c == '\r') {
        safe.append("\\r");
      } else if (c < 0x80) {
        safe.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
      } else {
        safe.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return safe.toString();
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }
}
