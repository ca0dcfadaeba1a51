package dev.sigil.examples.shell;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EX-0001: an interactive shell started inside a container — someone typing commands in a
 * workload that should only run its own program ({@code kubectl exec -it}, {@code docker exec
 * -it}, or an attacker's reverse shell with a pseudo-terminal).
 *
 * <p>Written the way a user writes a signature: public API only ({@code dev.sigil.core}), keys
 * resolved once, nothing allocated unless it fires. It fires on {@code sched_process_exec} in a
 * started container ({@link Origin#CONTAINER}) when
 * <ul>
 *   <li>the executed file is a shell: the basename of {@code pathname} is one of {@link #SHELLS};
 *       or it is {@code busybox} (Alpine's {@code /bin/sh} resolves to {@code /bin/busybox}) and
 *       the program was invoked as a shell (the basename of {@code argv[0]}, else of
 *       {@code cmdpath}, is a shell) — busybox's other applets ({@code ls}, {@code wget}) are not
 *       shells;</li>
 *   <li>and its stdin is a character device: {@code stdin_type} is the {@code S_IFMT} number
 *       {@code 0020000} (8192), or the string {@code S_IFCHR} older Tracee printed. When Tracee
 *       reports {@code stdin_path} and it is {@code /dev/null} — a character device too, but
 *       nobody types into it — it does not fire.</li>
 * </ul>
 * Missing {@code pathname} or {@code stdin_type} is a data problem, counted, never thrown.
 */
public final class InteractiveShellInContainer implements Signature {
  /** The shells it recognises by file name. */
  public static final List<String> SHELLS =
      List.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "csh", "tcsh", "fish");

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey CMDPATH = ArgKey.of("cmdpath");
  private static final ArgKey ARGV = ArgKey.of("argv");
  private static final ArgKey STDIN_TYPE = ArgKey.of("stdin_type");
  private static final ArgKey STDIN_PATH = ArgKey.of("stdin_path");

  private static final long S_IFMT = 0170000;
  private static final long S_IFCHR = 0020000;

  private static final SignatureMetadata METADATA = SignatureMetadata.builder("EX-0001")
      .version("1")
      .name("Interactive shell started in a container")
      .eventName("interactive_shell_in_container")
      .description("A shell whose standard input is a terminal (a character device) started in a"
          + " running container. Containers run one program; an interactive shell in one means"
          + " someone is typing commands in it: an operator's exec session or an attacker's.")
      .severity(Severity.LOW)
      .category("execution")
      .technique("Command and Scripting Interpreter: Unix Shell")
      .mitre("T1059.004", "")
      .tags(List.of("container", "shell", "example"))
      .build();

  /** A new instance, with no state; {@link java.util.ServiceLoader} calls it too. */
  public InteractiveShellInContainer() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return List.of(Selector.of("sched_process_exec", Origin.CONTAINER));
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence path = event.string(PATHNAME);
    if (path == null) {
      context.dataProblem("sched_process_exec without pathname");
      return;
    }
    if (!isShell(path) && !(Text.basenameEquals(path, "busybox") && invokedAsShell(event))) {
      return;
    }
    int stdinType = event.argIndex(STDIN_TYPE);
    if (stdinType < 0) {
      context.dataProblem("sched_process_exec without stdin_type");
      return;
    }
    if (!isCharacterDevice(event, stdinType)) {
      return;
    }
    CharSequence stdinPath = event.string(STDIN_PATH);
    if (stdinPath != null && Text.contentEquals(stdinPath, "/dev/null")) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shell", path.toString());
    data.put("processName", event.processName().toString());
    if (stdinPath != null) {
      data.put("stdin", stdinPath.toString());
    }
    context.report(event, data);
  }

  private static boolean isShell(CharSequence path) {
    for (int i = 0; i < SHELLS.size(); i++) {
      if (Text.basenameEquals(path, SHELLS.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean invokedAsShell(Event event) {
    StringList argv = event.strings(ARGV);
    if (argv != null && argv.size() > 0) {
      return isShell(argv.get(0));
    }
    CharSequence cmdpath = event.string(CMDPATH);
    return cmdpath != null && isShell(cmdpath);
  }

  /** Tracee prints the S_IFMT bits as a number, or (older releases) parsed as a string. */
  private static boolean isCharacterDevice(Event event, int index) {
    CharSequence asText = event.stringAt(index);
    if (asText != null) {
      return Text.contentEquals(asText, "S_IFCHR");
    }
    return (event.longAt(index, 0) & S_IFMT) == S_IFCHR;
  }
}
