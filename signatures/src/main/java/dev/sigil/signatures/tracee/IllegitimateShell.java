package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.List;
import java.util.Map;

/**
 * TRC-1016, "Web server spawned a shell", with exactly Tracee v0.24.1's semantics
 * ({@code illegitimate_shell.go}): a {@code security_bprm_check} event, from any origin, whose
 * process name is exactly one of {@code nginx}, {@code httpd}, {@code httpd-foregroun} (the
 * kernel keeps 15 characters of a name), {@code http-nio}, {@code lighttpd}, {@code apache} or
 * {@code apache2}, and whose {@code pathname} ends with {@code /ash}, {@code /bash},
 * {@code /csh}, {@code /ksh}, {@code /sh}, {@code /tcsh}, {@code /zsh} or {@code /dash} (a
 * suffix of the raw text, so {@code /usr/local/bin/bash} fires and {@code /bin/bash5} does not).
 * The finding carries no data.
 *
 * <p>Like Tracee, the {@code pathname} is read only for a web server's event: only there is a
 * missing or non-text {@code pathname} counted as a data problem. It allocates nothing unless
 * it fires; it has no default deduplication, as in Tracee.
 */
public final class IllegitimateShell extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1016")
      .version("1")
      .name("Web server spawned a shell")
      .eventName("illegitimate_shell")
      .traceeEventId(6024)
      .description("A web-server program on your server spawned a shell program. Shell is the"
          + " linux command-line program, web servers usually don't run shell programs, so this"
          + " alert might indicate an adversary is exploiting a web server program to gain"
          + " command execution on the server.")
      .severity(Severity.fromTraceeValue(2))
      .category("initial-access")
      .technique("Exploit Public-Facing Application")
      .mitre("T1190", "attack-pattern--3f886f2a-874f-4333-b794-aa6075009b1c")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final List<String> SHELL_SUFFIXES =
      List.of("/ash", "/bash", "/csh", "/ksh", "/sh", "/tcsh", "/zsh", "/dash");
  private static final List<String> WEB_SERVER_NAMES = List.of(
      "nginx", "httpd", "httpd-foregroun", "http-nio", "lighttpd", "apache", "apache2");

  /** Creates the signature. */
  public IllegitimateShell() {
    super(METADATA, "security_bprm_check");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    if (!isWebServer(event.processName())) {
      return;
    }
    CharSequence pathname = Required.text(event.string(PATHNAME),
        "security_bprm_check without a text pathname", context);
    if (pathname != null && isShell(pathname)) {
      context.report(event, Map.of());
    }
  }

  private static boolean isWebServer(CharSequence processName) {
    for (int i = 0; i < WEB_SERVER_NAMES.size(); i++) {
      if (Text.contentEquals(processName, WEB_SERVER_NAMES.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isShell(CharSequence pathname) {
    for (int i = 0; i < SHELL_SUFFIXES.size(); i++) {
      if (Text.endsWith(pathname, SHELL_SUFFIXES.get(i))) {
        return true;
      }
    }
    return false;
  }
}
