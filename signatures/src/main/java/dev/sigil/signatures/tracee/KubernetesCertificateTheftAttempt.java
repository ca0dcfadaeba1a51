package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.Map;

/**
 * TRC-1018, "K8s TLS certificate theft detected", with Tracee v0.24.1's semantics and metadata:
 * from any origin, a {@code security_file_open} for reading ({@code O_RDONLY} or {@code O_RDWR})
 * of a path under {@code /etc/kubernetes/pki/} by a process other than {@code kube-apiserver},
 * {@code kubelet}, {@code kube-controller} or {@code etcd}, or a {@code security_inode_rename}
 * whose {@code old_path} is under that directory (by any process). The finding carries no data,
 * as in Tracee.
 *
 * <p>Same as Tracee: the process name is compared exactly (the kernel truncates it to 15
 * characters, so {@code kube-controller-manager} is seen as {@code kube-controller}); the raw
 * path must start with {@code /etc/kubernetes/pki/}, trailing slash included. For an allowed
 * process nothing is read at all. The {@code flags} argument is read whether Tracee printed it
 * as a number or as {@code O_RDONLY|O_CLOEXEC}, before {@code pathname}, which is read only for a
 * read: an argument that is needed but missing or of another kind is counted as a data problem
 * and never fires. No default deduplication. It allocates nothing unless it fires.
 */
public final class KubernetesCertificateTheftAttempt extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1018")
      .version("1")
      .name("K8s TLS certificate theft detected")
      .eventName("k8s_cert_theft")
      .traceeEventId(6026)
      .description("Theft of Kubernetes TLS certificates was detected. TLS certificates are used"
          + " to establish trust between systems. The Kubernetes certificate is used to to enable"
          + " secure communication between Kubernetes components, such as kubelet scheduler"
          + " controller and API Server. An adversary may steal a Kubernetes certificate on a"
          + " compromised system to impersonate Kubernetes components within the cluster.")
      .severity(Severity.fromTraceeValue(3))
      .category("credential-access")
      .technique("Steal Application Access Token")
      .mitre("T1528", "attack-pattern--890c9858-598c-401d-a4d5-c67ebcdd703a")
      .build();

  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final String[] LEGIT_PROCS = {"kube-apiserver", "kubelet", "kube-controller", "etcd"};
  private static final String K8S_CERTIFICATES_DIR = "/etc/kubernetes/pki/";

  /** Creates the signature. */
  public KubernetesCertificateTheftAttempt() {
    super(METADATA, "security_file_open", "security_inode_rename");
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    CharSequence path;
    if (event.type() == INODE_RENAME) {
      path = PathSource.RENAMED_FROM.read(event, ctx);
    } else if (PathLists.isOneOf(event.processName(), LEGIT_PROCS)) {
      return;
    } else {
      path = PathSource.OPENED_FOR_READING_FLAGS_FIRST.read(event, ctx);
    }
    if (path != null && Text.startsWith(path, K8S_CERTIFICATES_DIR)) {
      ctx.report(event, Map.of());
    }
  }
}
