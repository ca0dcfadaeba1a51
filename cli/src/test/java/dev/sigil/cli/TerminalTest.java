package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
  @TempDir Path directory;

  @Test
  void pseudoTerminalAndConsoleAreTerminals() throws IOException {
    assertTrue(Terminal.isTerminal(link("pts", "/dev/pts/3")));
    assertTrue(Terminal.isTerminal(link("tty", "/dev/tty1")));
  }

  @Test
  void pipesFilesAndNullAreNot() throws IOException {
    assertFalse(Terminal.isTerminal(link("pipe", "pipe:[123456]")));
    assertFalse(Terminal.isTerminal(link("file", "/var/log/sigil.log")));
    assertFalse(Terminal.isTerminal(link("null", "/dev/null")));
  }

  @Test
  void missingOrPlainPathIsNotATerminal() throws IOException {
    assertFalse(Terminal.isTerminal(directory.resolve("absent")));
    assertFalse(Terminal.isTerminal(Files.writeString(directory.resolve("plain"), "")));
  }

  private Path link(String name, String target) throws IOException {
    return Files.createSymbolicLink(directory.resolve(name), Path.of(target));
  }
}
