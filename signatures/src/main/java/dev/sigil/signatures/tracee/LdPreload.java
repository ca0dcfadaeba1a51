package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import java.util.Map;

/**
 * TRC-107, Tracee's {@code ld_preload}: a program is started with {@code LD_PRELOAD} or
 * {@code LD_LIBRARY_PATH} set, or {@code /etc/ld.so.preload} is opened for writing or renamed
 * into place: ways to load an attacker's library into other processes.
 *
 * <p>Fires, from any origin, on:
 * <ul>
 *   <li>a {@code sched_process_exec} whose {@code env} holds a string starting with
 *       {@code LD_PRELOAD=} or {@code LD_LIBRARY_PATH=}; the first such string wins and the
 *       finding data is that one variable's name mapped to the whole string, e.g.
 *       {@code {"LD_PRELOAD": "LD_PRELOAD=/tmp/x.so"}}. Tracee prints {@code env} only when run
 *       with {@code --output option:exec-env}; without it this part is silent, as in Tracee;</li>
 *   <li>a {@code security_file_open} whose {@code pathname} ends with {@code /etc/ld.so.preload}
 *       and whose {@code flags} open for writing ({@code O_WRONLY} or {@code O_RDWR}, as a number
 *       or as Tracee's parsed text); no finding data;</li>
 *   <li>a {@code security_inode_rename} whose {@code new_path} ends with
 *       {@code /etc/ld.so.preload}; no finding data.</li>
 * </ul>
 * Suffixes and prefixes are compared on the raw text, as Tracee does.
 *
 * <p>Data problems: a {@code security_file_open} without a text {@code pathname} or without
 * integer {@code flags}, a {@code security_inode_rename} without a text {@code new_path}, as in
 * Tracee. Where Sigil differs: Tracee ignores an {@code env} of the wrong type silently; Sigil
 * counts it as a data problem (an absent or null {@code env} stays silent).
 */
public final class LdPreload extends TraceeSignature {
  /** Tracee's metadata for TRC-107. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-107")
      .version("1")
      .name("LD_PRELOAD code injection detected")
      .eventName("ld_preload")
      .traceeEventId(6006)
      .description("LD_PRELOAD usage was detected. LD_PRELOAD lets you load your library before"
          + " any other library, allowing you to hook functions in a process. Adversaries may use"
          + " this technique to change your applications' behavior or load their own programs.")
      .severity(Severity.fromTraceeValue(2))
      .category("persistence")
      .technique("Hijack Execution Flow")
      .mitre("T1574", "attack-pattern--aedfca76-3b30-4866-b2aa-0f1d7fd1e4b6")
      .build();

  private static final String PRELOAD_PATH = "/etc/ld.so.preload";
  // Tracee's order: LD_PRELOAD is tried before LD_LIBRARY_PATH for each variable.
  private static final String[] PRELOAD_ENVS = {"LD_PRELOAD", "LD_LIBRARY_PATH"};
  private static final String[] PRELOAD_PREFIXES = {"LD_PRELOAD=", "LD_LIBRARY_PATH="};
  private static final EventType EXEC = EventType.of("sched_process_exec");

  /** Creates the signature. */
  public LdPreload() {
    super(METADATA, "sched_process_exec", "security_file_open", "security_inode_rename");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    if (event.type() == EXEC) {
      onExec(event, context);
      return;
    }
    CharSequence path = PathSource.WRITTEN.read(event, context);
    if (path != null && Text.endsWith(path, PRELOAD_PATH)) {
      context.report(event, Map.of());
    }
  }

  private static void onExec(Event event, SignatureContext context) {
    StringList env = ProcessExec.readEnvironment(event, context);
    if (env == null) {
      return;
    }
    for (int i = 0; i < env.size(); i++) {
      CharSequence variable = env.get(i);
      for (int p = 0; p < PRELOAD_PREFIXES.length; p++) {
        if (Text.startsWith(variable, PRELOAD_PREFIXES[p])) {
          context.report(event, Map.of(PRELOAD_ENVS[p], variable.toString()));
          return;
        }
      }
    }
  }
}
