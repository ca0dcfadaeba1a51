package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import java.util.regex.Pattern;

/**
 * TRC-1023, "Process memory access detected", with Tracee v0.24.1's metadata: a
 * {@code security_file_open}, from any origin, for reading ({@code O_RDONLY} or {@code O_RDWR}),
 * of a process's memory file. The finding has no data.
 *
 * <p>Sigil differs from Tracee in which paths are a memory file: it fires when EITHER Tracee
 * v0.24.1's expression {@code /proc/(?:\d.+)/mem$} OR newer Tracee's
 * {@code /proc/(?:\d+|self)/mem$} matches, anywhere in the path. v0.24.1's alone misses
 * {@code /proc/self/mem} and single-digit pids such as {@code /proc/1/mem}; the newer one alone
 * misses a thread's {@code /proc/<pid>/task/<tid>/mem}. Both keep RE2's meaning here: {@code .}
 * matches any character but a newline and {@code $} is the very end of the path. Like Tracee,
 * the path is not normalised ({@code /host/proc/42/mem} fires; {@code /proc/self/task/1/mem}
 * matches neither expression and does not).
 *
 * <p>The arguments are read as {@link PathSource#OPENED_FOR_READING} reads them ({@code flags}
 * as a number or as parsed text, {@code O_RDONLY}); a bad one is counted as a data problem and
 * never fires.
 */
public final class ProcMemAccess extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1023")
      .version("1")
      .name("Process memory access detected")
      .eventName("proc_mem_access")
      .traceeEventId(6016)
      .description("Process memory access detected. Adversaries may access other processes memory"
          + " to steal credentials and secrets.")
      .severity(Severity.fromTraceeValue(3))
      .category("credential-access")
      .technique("Proc Filesystem")
      .mitre("T1003.007", "attack-pattern--3120b9fa-23b8-4500-ae73-09494f607b7d")
      .build();

  // The union of v0.24.1's "\d.+" and the newer "\d+|self": both share the /proc/ prefix and
  // the /mem suffix, so one alternation matches exactly when either expression does. RE2's '.'
  // excludes only '\n' (UNIX_LINES) and its '$' without the m flag is Java's '\z'.
  private static final Pattern PROC_MEM_PATH =
      Pattern.compile("/proc/(?:\\d.+|\\d+|self)/mem\\z", Pattern.UNIX_LINES);

  private final ReusableMatcher procMemPath = new ReusableMatcher(PROC_MEM_PATH);

  /** Creates the signature. */
  public ProcMemAccess() {
    super(METADATA, PathSource.OPENED_FOR_READING);
  }

  @Override
  boolean matches(CharSequence pathname) {
    return procMemPath.find(pathname);
  }
}
