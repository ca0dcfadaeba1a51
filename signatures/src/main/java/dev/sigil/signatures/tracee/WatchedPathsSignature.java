package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;

/**
 * A ported signature that watches lists of files, directories and programs, from any origin:
 * it fires, with no data, on a {@code security_file_open} for writing ({@code O_WRONLY} or
 * {@code O_RDWR}) or a {@code security_inode_rename} ({@code new_path}) of one of the files
 * (compared exactly) or of anything in one of the directories (on a path boundary, see
 * {@link PathLists#isInOneOf}), and on a {@code sched_process_exec} of a program whose Go
 * {@code path.Base} is one of the programs' names.
 *
 * <p>As in Tracee: raw paths, no normalisation ({@code /etc//cron.d/x} is not in
 * {@code /etc/cron.d}); the program's base ignores trailing slashes. The {@code flags} argument
 * is read whether Tracee printed it as a number or as {@code O_WRONLY|O_CREAT}. An open's
 * {@code pathname} and {@code flags} are read, in that order, before anything is compared: an
 * argument that is missing or of another kind is counted as a data problem and never fires. No
 * default deduplication. It allocates nothing unless it fires.
 */
abstract class WatchedPathsSignature extends TraceeSignature {
  private static final EventType PROCESS_EXEC = EventType.of("sched_process_exec");

  private final String[] files;
  private final String[] directories;
  private final String[] programs;

  /**
   * Creates the signature.
   *
   * @param metadata Tracee's metadata
   * @param files the files watched, compared exactly
   * @param directories the directories watched, without a trailing slash
   * @param programs the base names of the programs watched
   */
  WatchedPathsSignature(SignatureMetadata metadata, String[] files, String[] directories,
      String[] programs) {
    super(metadata, "security_file_open", "security_inode_rename", "sched_process_exec");
    this.files = files;
    this.directories = directories;
    this.programs = programs;
  }

  @Override
  public final void onEvent(Event event, SignatureContext context) {
    if (event.type() == PROCESS_EXEC) {
      CharSequence pathname = PathSource.EXECUTED.read(event, context);
      if (pathname != null && isWatchedProgram(pathname)) {
        context.report(event, Map.of());
      }
      return;
    }
    CharSequence path = PathSource.WRITTEN.read(event, context);
    if (path != null
        && (PathLists.isOneOf(path, files) || PathLists.isInOneOf(path, directories))) {
      context.report(event, Map.of());
    }
  }

  private boolean isWatchedProgram(CharSequence pathname) {
    for (String program : programs) {
      if (GoPath.baseEquals(pathname, program)) {
        return true;
      }
    }
    return false;
  }
}
