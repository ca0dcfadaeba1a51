package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TRC-101, Tracee's {@code stdio_over_socket}: a process's standard input, output or error is a
 * socket to a remote internet address, the mark of a reverse shell.
 *
 * <p>Fires on a {@code security_socket_connect} whose {@code sockfd}, or a {@code socket_dup}
 * whose {@code newfd}, is 0, 1 or 2, when {@code remote_addr} is an {@code AF_INET} or
 * {@code AF_INET6} address whose port is neither empty nor {@code "0"}; any origin. Finding data,
 * in order: {@code IP address} and {@code Port} (text, as Tracee prints them) and
 * {@code File descriptor} (an {@code Integer}).
 *
 * <p>As in Tracee, a missing or non-integer descriptor is a data problem; so is a malformed
 * {@code remote_addr} (missing, not an object, or without {@code sa_family}, or for an internet
 * family without its port or IP), but only for descriptors 0 to 2: others are never looked at.
 * Other families (such as {@code AF_UNIX}) are silently ignored.
 */
public final class StdioOverSocket extends TraceeSignature {
  /** Tracee's metadata for TRC-101. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-101")
      .version("2")
      .name("Process standard input/output over socket detected")
      .eventName("stdio_over_socket")
      .traceeEventId(6000)
      .description("A process has its standard input/output redirected to a socket. This"
          + " behavior is the base of a Reverse Shell attack, which is when an interactive shell"
          + " being invoked from a target machine back to the attacker's machine, giving it"
          + " interactive control over the target. Adversaries may use a Reverse Shell to retain"
          + " control over a compromised target while bypassing security measures like network"
          + " firewalls.")
      .severity(Severity.fromTraceeValue(3))
      .category("execution")
      .technique("Unix Shell")
      .mitre("T1059.004", "attack-pattern--a9d4b653-6915-42af-98b2-5758c4ceee56")
      .build();

  private static final EventType SOCKET_CONNECT = EventType.of("security_socket_connect");
  private static final ArgKey SOCKFD = ArgKey.of("sockfd");
  private static final ArgKey NEWFD = ArgKey.of("newfd");
  private static final ArgKey REMOTE_ADDR = ArgKey.of("remote_addr");
  private static final long ABSENT = Long.MIN_VALUE;
  private static final String NO_SOCKFD = "security_socket_connect without an integer sockfd";
  private static final String NO_NEWFD = "socket_dup without an integer newfd";

  /** Creates the signature. */
  public StdioOverSocket() {
    super(METADATA, "security_socket_connect", "socket_dup");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    long fd = event.type() == SOCKET_CONNECT
        ? fileDescriptor(event, SOCKFD, NO_SOCKFD, context)
        : fileDescriptor(event, NEWFD, NO_NEWFD, context);
    // An unreadable descriptor is ABSENT, which is none of the three.
    if (fd != 0 && fd != 1 && fd != 2) {
      return;
    }
    int address = SockAddr.index(event, REMOTE_ADDR, context);
    CharSequence family = address < 0 ? null : SockAddr.internetFamily(event, address, context);
    if (family == null) {
      return;
    }
    CharSequence port = SockAddr.port(event, address, family, context);
    // Tracee's legitimate ports: none given, or port 0.
    if (port == null || port.length() == 0 || Text.contentEquals(port, "0")) {
      return;
    }
    CharSequence ip = SockAddr.ip(event, address, family, context);
    if (ip == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("IP address", ip.toString());
    data.put("Port", port.toString());
    data.put("File descriptor", (int) fd);
    context.report(event, data);
  }

  /** Reads a file descriptor argument; {@link #ABSENT}, counted as the problem, when unreadable. */
  private static long fileDescriptor(Event event, ArgKey key, String problem,
      SignatureContext context) {
    long fd = event.longValue(key, ABSENT);
    if (fd == ABSENT) {
      context.dataProblem(problem);
    }
    return fd;
  }
}
