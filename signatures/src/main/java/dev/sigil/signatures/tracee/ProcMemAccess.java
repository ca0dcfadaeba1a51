package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.tracee.TraceeArguments;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
 * <p>The open {@code flags} are read whether Tracee printed them as a number or as parsed text
 * ({@code O_RDONLY}). An open without a text {@code pathname} or without readable {@code flags}
 * is counted as a data problem and never fires. It allocates nothing unless it fires.
 */
public final class ProcMemAccess implements Signature {
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

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final long NO_FLAGS = Long.MIN_VALUE;
  // The union of v0.24.1's "\d.+" and the newer "\d+|self": both share the /proc/ prefix and
  // the /mem suffix, so one alternation matches exactly when either expression does. RE2's '.'
  // excludes only '\n' (UNIX_LINES) and its '$' without the m flag is Java's '\z'.
  private static final Pattern PROC_MEM_PATH =
      Pattern.compile("/proc/(?:\\d.+|\\d+|self)/mem\\z", Pattern.UNIX_LINES);
  private static final List<Selector> SELECTORS = List.of(Selector.event("security_file_open"));

  private final Matcher procMemPath = PROC_MEM_PATH.matcher("");

  /** Creates the signature. */
  public ProcMemAccess() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence pathname = event.string(PATHNAME);
    if (pathname == null) {
      context.dataProblem("security_file_open without a text pathname");
      return;
    }
    long flags = TraceeArguments.openFlags(event, FLAGS, NO_FLAGS);
    if (flags == NO_FLAGS) {
      context.dataProblem("security_file_open without readable flags");
      return;
    }
    if (TraceeArguments.isFileRead(flags) && isProcMemPath(pathname)) {
      context.report(event, Map.of());
    }
  }

  private boolean isProcMemPath(CharSequence pathname) {
    boolean found = procMemPath.reset(pathname).find();
    // Let go of the event's view: it is only valid during this call.
    procMemPath.reset("");
    return found;
  }
}
