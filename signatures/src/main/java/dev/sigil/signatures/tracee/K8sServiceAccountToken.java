package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TRC-108, "K8s service account token file read", with Tracee v0.24.1's semantics and metadata:
 * a {@code security_file_open} in a started container, for reading ({@code O_RDONLY} or
 * {@code O_RDWR}), whose {@code pathname} matches Tracee's regular expression
 * {@code secrets/kubernetes.io/serviceaccount.+token$} anywhere in the path, by a process whose
 * name is none of {@code flanneld}, {@code kube-proxy}, {@code etcd}, {@code kube-apiserver},
 * {@code coredns}, {@code kube-controller} and {@code kubectl} (compared exactly). The finding
 * has no data.
 *
 * <p>The expression keeps RE2's meaning: the unescaped dot of {@code kubernetes.io} matches any
 * character but a newline, {@code .+} does not cross a newline, and {@code $} is the very end
 * of the path (not before a final newline). The open {@code flags} are read whether Tracee
 * printed them as a number or as parsed text ({@code O_RDONLY}).
 *
 * <p>An open by a process not on the allow list without a text {@code pathname} or without
 * readable {@code flags} is counted as a data problem and never fires; as in Tracee, the
 * arguments of an allowed process are never looked at. It allocates nothing unless it fires.
 *
 * <p>Sigil differs from Tracee in two respects: Tracee v0.24.1 has this signature and its
 * tests but leaves it out of its exported signatures, so Tracee never runs it, while Sigil
 * ships it; and it reads parsed {@code flags}.
 */
public final class K8sServiceAccountToken extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-108")
      .version("1")
      .name("K8s service account token file read")
      .eventName("k8s_service_account_token")
      .traceeEventId(6030)
      .description("The Kubernetes service account token file was read on your container. This"
          + " token is used to communicate with the Kubernetes API Server. Adversaries may try to"
          + " communicate with the API Server to steal information and/or credentials, or even"
          + " run more containers and laterally extend their grip on the systems.")
      .severity(Severity.fromTraceeValue(0))
      .category("credential-access")
      .technique("Exploitation for Credential Access")
      .kubernetesTechnique("Container service account")
      .mitre("T1212", "attack-pattern--9c306d8d-cde7-4b4c-b6e8-d0bb16caca36")
      .build();

  private static final String[] LEGIT_PROCESSES = {
      "flanneld", "kube-proxy", "etcd", "kube-apiserver", "coredns", "kube-controller", "kubectl"};
  // Tracee's RE2 pattern; UNIX_LINES makes '.' exclude only '\n', as RE2 does, and RE2's '$'
  // (without the m flag) is Java's '\z'.
  private static final Pattern TOKEN_PATH =
      Pattern.compile("secrets/kubernetes.io/serviceaccount.+token\\z", Pattern.UNIX_LINES);

  private final ReusableMatcher tokenPath = new ReusableMatcher(TOKEN_PATH);

  /** Creates the signature. */
  public K8sServiceAccountToken() {
    super(METADATA, Origin.CONTAINER, "security_file_open");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    if (PathLists.isOneOf(event.processName(), LEGIT_PROCESSES)) {
      return;
    }
    CharSequence pathname = PathSource.OPENED_FOR_READING.read(event, context);
    if (pathname != null && tokenPath.find(pathname)) {
      context.report(event, Map.of());
    }
  }
}
