package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TRC-1019, Tracee's {@code docker_abuse}: a process in a container opens the Docker socket for
 * writing, or connects to it.
 *
 * <p>Fires, from the {@code container} origin only, on a {@code security_file_open} whose
 * {@code flags} open for writing ({@code O_WRONLY} or {@code O_RDWR}, as a number or as Tracee's
 * parsed text) and whose {@code pathname} ends with {@code docker.sock}, and on a
 * {@code security_socket_connect} to an {@code AF_UNIX} {@code remote_addr} whose
 * {@code sun_path} ends with {@code docker.sock}. The suffix is compared on the raw text, as
 * Tracee does: {@code /tmp/notdocker.sock} fires too. No finding data.
 *
 * <p>As in Tracee, a {@code security_file_open} without a text {@code pathname} or without
 * integer {@code flags} is a data problem, and so is a {@code remote_addr} that is missing, not
 * an object, without {@code sa_family}, or {@code AF_UNIX} without {@code sun_path}. Other
 * families are silently ignored.
 */
public final class DockerAbuse extends TraceeSignature {
  /** Tracee's metadata for TRC-1019. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1019")
      .version("1")
      .name("Docker socket abuse detected")
      .eventName("docker_abuse")
      .traceeEventId(6004)
      .description("An attempt to abuse the Docker UNIX socket inside a container was detected."
          + " docker.sock is the UNIX socket that Docker uses as the entry point to the Docker"
          + " API. Adversaries may attempt to abuse this socket to compromise the system.")
      .severity(Severity.fromTraceeValue(2))
      .category("privilege-escalation")
      .technique("Exploitation for Privilege Escalation")
      .mitre("T1068", "attack-pattern--b21c3b2d-02e6-45b1-980b-e69051040839")
      .build();

  private static final String DOCKER_SOCK = "docker.sock";
  private static final EventType FILE_OPEN = EventType.of("security_file_open");
  private static final ArgKey REMOTE_ADDR = ArgKey.of("remote_addr");

  /** Creates the signature. */
  public DockerAbuse() {
    super(METADATA, Origin.CONTAINER, "security_file_open", "security_socket_connect");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence path = event.type() == FILE_OPEN
        ? PathSource.OPENED_FOR_WRITING.read(event, context)
        : unixSocketPath(event, context);
    if (path != null && Text.endsWith(path, DOCKER_SOCK)) {
      context.report(event, Map.of());
    }
  }

  /** The {@code sun_path} a connect goes to; null for another family or a data problem. */
  private static @Nullable CharSequence unixSocketPath(Event event, SignatureContext context) {
    int address = SockAddr.index(event, REMOTE_ADDR, context);
    if (address < 0) {
      return null;
    }
    CharSequence family = SockAddr.family(event, address, context);
    if (family == null || !SockAddr.isUnix(family)) {
      return null;
    }
    return SockAddr.path(event, address, context);
  }
}
