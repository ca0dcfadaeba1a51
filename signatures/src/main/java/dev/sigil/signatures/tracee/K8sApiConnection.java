package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Stateful;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TRC-1013, Tracee's {@code k8s_api_connection}: a process in a container connects to the
 * Kubernetes API server whose address the container was given.
 *
 * <p>Stateful, per container id, from the {@code container} origin only: a
 * {@code sched_process_exec} whose {@code env} holds a string containing
 * {@code KUBERNETES_SERVICE_HOST=} remembers the container's API server address: the text after
 * that string's first {@code =}, with leading and trailing white space removed (Go's
 * {@code strings.TrimSpace}). Only the first such string counts; an empty address changes
 * nothing, nor does an exec without one. A later {@code security_socket_connect} from the same
 * container to an {@code AF_INET} or {@code AF_INET6} {@code remote_addr} whose IP is exactly
 * that address (any port) fires, with the data {@code ip} (the address). Tracee prints
 * {@code env} only when run with {@code --output option:exec-env}; without it nothing is
 * remembered and nothing fires, as in Tracee. Events without a container id are ignored.
 *
 * <p>Data problems, as in Tracee, for a connect from a container with a known address: a
 * {@code remote_addr} that is missing, not an object, without {@code sa_family}, or of an
 * internet family without its IP. Where Sigil differs:
 * <ul>
 *   <li>Memory is bounded: at most {@code capacity} containers (10,000 by default), the least
 *       recently used (remembered or connecting) evicted first, counted in the counter
 *       {@code evictions}. Tracee's map grows without bound.</li>
 *   <li>The addresses survive a restart through {@link dev.sigil.core.Engine#saveState}, saved
 *       least recently used first as
 *       {@code {"format": "sigil-k8s-api-connection", "version": 1, "containers":
 *       [{"containerId": ..., "apiAddress": ...}]}}; a restore beyond the capacity keeps the
 *       most recent.</li>
 *   <li>An {@code env} of the wrong type is counted as a data problem; Tracee ignores it
 *       silently (an absent or null {@code env} is silent in both).</li>
 *   <li>Tracee's properties are only {@code Severity} and
 *       {@code "MITRE ATT&CK": "Discovery: Cloud Service Discovery"}; Sigil keeps the latter as an
 *       extra property, and its Tracee-format output also prints the standard properties
 *       ({@code Category}, {@code Technique}, {@code Kubernetes_Technique}, {@code id},
 *       {@code external_id}), empty.</li>
 * </ul>
 *
 * <p>Cost: execs without the variable, execs re-confirming a known address and connects that do
 * not fire allocate nothing; a new container or a changed address allocates its entry.
 */
public final class K8sApiConnection extends TraceeSignature implements Stateful {
  /** Tracee's metadata for TRC-1013. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1013")
      .version("0.1.0")
      .name("Kubernetes API server connection detected")
      .eventName("k8s_api_connection")
      .traceeEventId(6001)
      .description("A connection to the kubernetes API server was detected. The K8S API server is"
          + " the brain of your K8S cluster, adversaries may try and communicate with the K8S API"
          + " server to gather information/credentials, or even run more containers and laterally"
          + " expand their grip on your systems.")
      .tags(List.of("container"))
      .severity(Severity.fromTraceeValue(1))
      .extraProperties(Map.of("MITRE ATT&CK", "Discovery: Cloud Service Discovery"))
      .build();

  /** How many containers are remembered by default. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final String SERVICE_HOST = "KUBERNETES_SERVICE_HOST=";
  private static final EventType EXEC = EventType.of("sched_process_exec");
  private static final ArgKey REMOTE_ADDR = ArgKey.of("remote_addr");

  private final K8sApiAddresses addresses;

  /** Creates the signature, remembering up to {@link #DEFAULT_CAPACITY} containers. */
  public K8sApiConnection() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates the signature.
   *
   * @param capacity the most containers remembered; at least 1
   * @throws IllegalArgumentException when the capacity is below 1
   */
  public K8sApiConnection(int capacity) {
    super(METADATA, Origin.CONTAINER, "sched_process_exec", "security_socket_connect");
    this.addresses = new K8sApiAddresses(capacity);
  }

  @Override
  public void init(SignatureContext context) {
    addresses.bind(context);
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence containerId = event.containerId();
    if (containerId.length() == 0) {
      return;
    }
    if (event.type() == EXEC) {
      onExec(event, containerId, context);
    } else {
      onConnect(event, containerId, context);
    }
  }

  private void onExec(Event event, CharSequence containerId, SignatureContext context) {
    StringList env = ProcessExec.readEnvironment(event, context);
    if (env == null) {
      return;
    }
    for (int i = 0; i < env.size(); i++) {
      CharSequence variable = env.get(i);
      // Tracee looks for the marker anywhere in the string, then takes what follows the
      // string's first '=' (not the marker's).
      if (Text.indexOf(variable, SERVICE_HOST, 0) < 0) {
        continue;
      }
      int start = indexOf(variable, '=') + 1;
      int end = variable.length();
      while (start < end && isGoSpace(variable.charAt(start))) {
        start++;
      }
      while (end > start && isGoSpace(variable.charAt(end - 1))) {
        end--;
      }
      if (end > start) {
        addresses.remember(containerId, variable, start, end);
      }
      return;
    }
  }

  private void onConnect(Event event, CharSequence containerId, SignatureContext context) {
    String apiAddress = addresses.lookup(containerId);
    if (apiAddress == null) {
      return;
    }
    int address = SockAddr.index(event, REMOTE_ADDR, context);
    CharSequence family = address < 0 ? null : SockAddr.internetFamily(event, address, context);
    if (family == null) {
      return;
    }
    CharSequence ip = SockAddr.ip(event, address, family, context);
    if (ip != null && Text.contentEquals(ip, apiAddress)) {
      context.report(event, Map.of("ip", apiAddress));
    }
  }

  private static int indexOf(CharSequence text, char c) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  // Go's unicode.IsSpace, which strings.TrimSpace uses: the Unicode White_Space characters.
  // (Java's Character.isWhitespace differs: it excludes no-break spaces and includes U+001C-1F.)
  static boolean isGoSpace(char c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ':
      case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /**
   * Returns the remembered addresses as a versioned tree.
   *
   * @return the tree
   */
  @Override
  public Object saveState() {
    return addresses.save();
  }

  /**
   * Replaces the remembered addresses with saved ones; a corrupt tree leaves them unchanged.
   *
   * @param saved a tree {@link #saveState()} returned
   * @throws IllegalArgumentException when the tree is not such a state, saying what is wrong
   */
  @Override
  public void restoreState(@Nullable Object saved) {
    addresses.restore(saved);
  }

  /**
   * Returns how many containers are remembered, for tests and diagnostics.
   *
   * @return the count
   */
  int containers() {
    return addresses.size();
  }
}
