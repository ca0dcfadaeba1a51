package dev.sigil.cli;

import dev.sigil.core.Engine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The {@code --state} file: the engine's state (deduplication, learned profiles, the inode
 * index) loaded at start when the file exists, and written at exit atomically — to a temporary
 * file in the same directory, synced, then renamed over the old one — so that a crash or a
 * full disk never leaves half a state. A file that cannot be loaded is left as it is.
 */
final class StateFile {
  private final Path path;

  StateFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /**
   * Tells, before the scan, why the state could not be read now or written at the end: the
   * directory is tried by creating (and deleting) a file in it.
   *
   * @return the reason, or null when the file can be used
   */
  @Nullable String problem() {
    if (Files.isDirectory(path)) {
      return "it is a directory";
    }
    Path directory = directory();
    if (!Files.isDirectory(directory)) {
      return "its directory '" + directory + "' does not exist";
    }
    if (!Files.isWritable(directory)) {
      return "its directory '" + directory + "' is not writable (the state is written there at exit)";
    }
    if (Files.exists(path) && !Files.isReadable(path)) {
      return "it is not readable";
    }
    // Permission bits do not tell (root, read-only mounts, /proc): try what the end will do.
    try {
      Files.delete(Files.createTempFile(directory, "." + path.getFileName() + ".", ".check"));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return "its directory '" + directory + "' is not writable (the state is written there at"
          + " exit): " + reason(e);
    }
    return null;
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException
        && ((java.nio.file.FileSystemException) e).getReason() != null) {
      return ((java.nio.file.FileSystemException) e).getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Restores the engine's state from the file, when it exists.
   *
   * @param engine an engine that has seen no event yet
   * @return whether there was a file to load
   * @throws IOException when the file cannot be read, or is corrupt or of a newer version
   */
  boolean restoreInto(Engine engine) throws IOException {
    if (!Files.exists(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      engine.restoreState(in);
    }
    return true;
  }

  /**
   * Writes the engine's state atomically, replacing the file.
   *
   * @param engine the engine
   * @throws IOException when writing fails; the previous file is then untouched
   */
  void save(Engine engine) throws IOException {
    Path temporary = Files.createTempFile(directory(), "." + path.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        engine.saveState(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private Path directory() {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? Path.of("/") : parent;
  }
}
