package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What a scan reads: a file, or standard input ({@code -} or no argument).
 *
 * @param name how messages name it
 * @param stream the bytes; {@link #closeQuietly()} closes them unless they are standard input
 * @param size the file's size in bytes, or -1 when unknown (standard input, a pipe)
 * @param regularFile whether it is a regular file, whose size and progress are known
 */
record Input(String name, InputStream stream, long size, boolean regularFile) {
  static final String STDIN = "-";

  /**
   * Opens the input a command line names.
   *
   * @param argument a path, {@code -} or null
   * @param stdin standard input
   * @return the open input
   * @throws CliException (status 2) when the file cannot be opened, saying which and why
   */
  static Input open(@Nullable String argument, InputStream stdin) throws CliException {
    if (argument == null || argument.equals(STDIN)) {
      return new Input("standard input", new NonClosing(stdin), -1, false);
    }
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw unreadable(argument, "not a valid path (" + e.getReason() + ")");
    }
    if (Files.isDirectory(path)) {
      throw unreadable(argument, "it is a directory");
    }
    try {
      InputStream stream = Files.newInputStream(path);
      boolean regular = Files.isRegularFile(path);
      long size = regular ? Files.size(path) : -1;
      return new Input(argument, stream, size, regular);
    } catch (NoSuchFileException e) {
      throw unreadable(argument, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(argument, "permission denied");
    } catch (IOException e) {
      throw unreadable(argument, String.valueOf(e.getMessage()));
    }
  }

  private static CliException unreadable(String argument, String why) {
    return new CliException(2, "cannot read input file '" + argument + "': " + why);
  }

  /**
   * Tells whether a person is probably typing the input: standard input on a terminal.
   *
   * @param stdinIsTerminal whether standard input is a terminal
   * @return true when this input is standard input and that is a terminal
   */
  boolean interactive(boolean stdinIsTerminal) {
    return stdinIsTerminal && stream instanceof NonClosing;
  }

  /** Closes the stream; a failure to close an input that was read cannot lose anything. */
  void closeQuietly() {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Nothing was written to it, and the scan already has its result.
    }
  }

  /** Standard input belongs to the caller: reading it to the end is ours, closing it is not. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
