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
 * TRC-1024, "Code injection detected through /proc/&lt;pid&gt;/mem file", after Tracee v0.24.1
 * ({@code proc_mem_code_injection.go}): a {@code security_file_open} event, from any origin, that
 * opens a process's {@code mem} file for writing ({@code flags & O_ACCMODE} is {@code O_WRONLY}
 * or {@code O_RDWR}). The finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: v0.24.1 matches the path with
 * {@code /proc/(?:\d.+)/mem$}, which misses {@code /proc/self/mem} and single-digit pids such as
 * {@code /proc/1/mem}; newer Tracee matches {@code /proc/(?:\d+|self)/mem$}, which misses a
 * thread's file {@code /proc/<pid>/task/<tid>/mem}. Sigil fires when either pattern matches
 * (both unanchored at the start, as Go's {@code MatchString} searches, with RE2's end of text).
 * The {@code flags} are read whether Tracee printed them as a number or parsed, as
 * {@code "O_WRONLY|O_CREAT"}; Tracee's own signature reads only an integer.
 *
 * <p>An event without a text {@code pathname} or readable {@code flags} is counted as a data
 * problem and never fires. It allocates nothing unless it fires; it has no default
 * deduplication, as in Tracee.
 */
public final class ProcMemCodeInjection implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1024")
      .version("1")
      .name("Code injection detected through /proc/<pid>/mem file")
      .eventName("proc_mem_code_injection")
      .traceeEventId(6003)
      .description("Possible code injection into another process was detected. Code injection"
          + " is an exploitation technique used to run malicious code, adversaries may use it in"
          + " order to execute their malware.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Proc Memory")
      .mitre("T1055.009", "attack-pattern--d201d4cc-214d-4a74-a1ba-b3fa09fd4591")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final long UNREADABLE = Long.MIN_VALUE;
  // The union of v0.24.1's (?:\d.+) and newer Tracee's (?:\d+|self) in one search. (?d) and \z
  // give RE2's meaning: '.' excludes only '\n', and '$' without (?m) is the very end of the text
  // (Java's '$' would also match before a final line terminator).
  private static final Pattern PROC_MEM = Pattern.compile("(?d)/proc/(?:\\d.+|\\d+|self)/mem\\z");
  private static final List<Selector> SELECTORS = List.of(Selector.event("security_file_open"));

  private final Matcher procMem = PROC_MEM.matcher("");

  /** Creates the signature. */
  public ProcMemCodeInjection() {}

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
    long flags = TraceeArguments.openFlags(event, FLAGS, UNREADABLE);
    if (flags == UNREADABLE) {
      context.dataProblem("security_file_open without readable flags");
      return;
    }
    if (TraceeArguments.isFileWrite(flags) && procMem.reset(pathname).find()) {
      context.report(event, Map.of());
    }
  }
}
