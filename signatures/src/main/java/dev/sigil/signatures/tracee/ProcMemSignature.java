package dev.sigil.signatures.tracee;

import dev.sigil.core.SignatureMetadata;
import java.util.regex.Pattern;

/**
 * A ported signature that fires on an open of a process's memory file, from any origin: TRC-1023
 * for reading it, TRC-1024 for writing it. The finding has no data.
 *
 * <p>Sigil differs from Tracee in which paths are a memory file: it fires when EITHER Tracee
 * v0.24.1's expression {@code /proc/(?:\d.+)/mem$} OR newer Tracee's
 * {@code /proc/(?:\d+|self)/mem$} matches, anywhere in the path, as Go's {@code MatchString}
 * searches. v0.24.1's alone misses {@code /proc/self/mem} and single-digit pids such as
 * {@code /proc/1/mem}; the newer one alone misses a thread's {@code /proc/<pid>/task/<tid>/mem}.
 * Both keep RE2's meaning here: {@code .} matches any character but a newline and {@code $} is
 * the very end of the path. Like Tracee, the path is not normalised ({@code /host/proc/42/mem}
 * fires; {@code /proc/self/task/1/mem} matches neither expression and does not).
 */
abstract class ProcMemSignature extends PathSignature {
  // The union of v0.24.1's "\d.+" and the newer "\d+|self": both share the /proc/ prefix and
  // the /mem suffix, so one alternation matches exactly when either expression does. RE2's '.'
  // excludes only '\n' (UNIX_LINES) and its '$' without the m flag is Java's '\z' (Java's '$'
  // would also match before a final line terminator).
  private static final Pattern PROC_MEM_PATH =
      Pattern.compile("/proc/(?:\\d.+|\\d+|self)/mem\\z", Pattern.UNIX_LINES);

  private final ReusableMatcher procMemPath = new ReusableMatcher(PROC_MEM_PATH);

  /**
   * Creates the signature.
   *
   * @param metadata Tracee's metadata
   * @param source an open for reading or for writing
   */
  ProcMemSignature(SignatureMetadata metadata, PathSource source) {
    super(metadata, source);
  }

  @Override
  final boolean matches(CharSequence path) {
    return procMemPath.find(path);
  }
}
