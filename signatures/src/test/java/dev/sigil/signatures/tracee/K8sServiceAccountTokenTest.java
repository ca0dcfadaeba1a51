package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-108 k8s_service_account_token")
class K8sServiceAccountTokenTest extends OpenAccessContractTest {
  private static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  K8sServiceAccountTokenTest() {
    super(new K8sServiceAccountToken(), Origin.CONTAINER, O_RDONLY, TOKEN, "/tmp/token");
  }

  /** An open by Tracee's process {@code test}, which is not on the allow list. */
  @Override
  EventBuilder fileOpen() {
    return super.fileOpen().processName("test");
  }

  /** An open for reading with a further flag. */
  static Stream<Arguments> opensWatched() {
    return fires("further flags", TOKEN, O_RDONLY | O_CLOEXEC);
  }

  /** Paths that Tracee's expression does not find. */
  static Stream<String> pathsNotWatched() {
    return Stream.of(
        "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
        "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        "/var/run/secrets/kubernetes.io/serviceaccounttoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/token.bak",
        "/var/run/secrets/kubernetes.io/serviceaccount/token\n",
        "/var/run/secrets/kubernetes.io/serviceaccount/\ntoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/TOKEN",
        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/",
        "");
  }

  @Nested
  @DisplayName("Tracee's test cases of the allow list")
  class TraceeAllowListCases {
    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - legit proc")
    void ignoresFlanneldReadingTheToken(OpenFlagsForm flags) {
      assertSilent(open(TOKEN, flags.of(O_RDONLY)).processName("flanneld").build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"flanneld", "kube-proxy", "etcd", "kube-apiserver", "coredns",
        "kube-controller", "kubectl"})
    void ignoresEveryAllowedProcessReadingTheToken(String processName) {
      assertSilent(open(TOKEN, O_RDONLY).processName(processName).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"kubectl2", "kube", "Kubectl", "etcdctl", "kube-controller-manager",
        " etcd", ""})
    void firesOnProcessesWhoseNameIsNotExactlyAllowed(String processName) {
      assertFires(open(TOKEN, O_RDONLY).processName(processName).build(), "pathname", TOKEN);
    }

    @Test
    void neverLooksAtTheArgumentsOfAnAllowedProcessAsTraceeDoesNot() {
      assertSilent(fileOpen().processName("kube-proxy").build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "/run/secrets/kubernetes.io/serviceaccount/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/..2024_01_01_00_00_00.123/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/..data/token",
        "secrets/kubernetes.io/serviceaccount/token",
        "/var/run/secrets/kubernetesXio/serviceaccount/token",
        "/var/run/secrets/kubernetes/io/serviceaccount/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/mytoken",
        "/var/run/secrets/kubernetes.io/serviceaccountXtoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/token/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/\rtoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/\u2028token",
        "/var/run/secrets/kubernetes.io/serviceaccount/\u0085token"})
    void firesOnEveryPathTraceesExpressionFinds(String path) {
      assertFires(path, O_RDONLY);
    }

    @Test
    void findsTheTokenAgainAfterAPathThatDidNotMatch() {
      harness.feed(open("/etc/hosts", O_RDONLY).build(), open(TOKEN, O_RDONLY).build(),
          open("/etc/hosts", O_RDONLY).build(), open(TOKEN, O_RDONLY).build());
      assertEquals(2, harness.findings().size());
    }
  }
}
