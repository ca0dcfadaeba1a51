package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-108 k8s_service_account_token")
class K8sServiceAccountTokenTest extends SignatureTest {
  private static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
  K8sServiceAccountTokenTest() {
    super(new K8sServiceAccountToken());
  }

  private static EventBuilder open(String processName, String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER).processName(processName)
        .arg("flags", flags).arg("pathname", pathname);
  }

  private void assertFires(Event event, String pathname) {
    assertFires(event, "pathname", pathname);
  }

  private void assertFires(String pathname, Object flags) {
    assertFires(open("test", pathname, flags).build(), pathname);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnReadingTheServiceAccountToken(OpenFlagsForm flags) {
      assertFires(TOKEN, flags.of(O_RDONLY));
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWritingTheServiceAccountToken(OpenFlagsForm flags) {
      assertSilent(open("test", TOKEN, flags.of(O_WRONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadingAnotherTokenFile(OpenFlagsForm flags) {
      assertSilent(open("test", "/tmp/token", flags.of(O_RDONLY)).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - legit proc")
    void ignoresFlanneldReadingTheToken(OpenFlagsForm flags) {
      assertSilent(open("flanneld", TOKEN, flags.of(O_RDONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"flanneld", "kube-proxy", "etcd", "kube-apiserver", "coredns",
        "kube-controller", "kubectl"})
    void ignoresEveryAllowedProcessReadingTheToken(String processName) {
      assertSilent(open(processName, TOKEN, O_RDONLY).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"kubectl2", "kube", "Kubectl", "etcdctl", "kube-controller-manager", " etcd", ""})
    void firesOnProcessesWhoseNameIsNotExactlyAllowed(String processName) {
      assertFires(open(processName, TOKEN, O_RDONLY).build(), TOKEN);
    }

    @Test
    void neverLooksAtTheArgumentsOfAnAllowedProcessAsTraceeDoesNot() {
      assertSilent(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .processName("kube-proxy").build());
    }

    @EachOpenFlagsForm
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires(TOKEN, flags.of(O_RDWR));
    }

    @EachOpenFlagsForm
    void firesOnReadingWithFurtherFlags(OpenFlagsForm flags) {
      assertFires(TOKEN, flags.of(O_RDONLY | O_CLOEXEC));
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

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
        "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        "/var/run/secrets/kubernetes.io/serviceaccounttoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/token.bak",
        "/var/run/secrets/kubernetes.io/serviceaccount/token\n",
        "/var/run/secrets/kubernetes.io/serviceaccount/\ntoken",
        "/var/run/secrets/kubernetes.io/serviceaccount/TOKEN",
        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/",
        ""})
    void ignoresPathsTraceesExpressionDoesNotFind(String path) {
      harness.feed(open("test", path, O_RDONLY).build(), open("test", path, "O_RDONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @Test
    void findsTheTokenAgainAfterAPathThatDidNotMatch() {
      harness.feed(open("test", "/etc/hosts", O_RDONLY).build(), open("test", TOKEN, O_RDONLY).build(),
          open("test", "/etc/hosts", O_RDONLY).build(), open("test", TOKEN, O_RDONLY).build());
      assertEquals(2, harness.findings().size());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    void ignoresOpensOutsideAStartedContainer(Origin origin) {
      harness.feed(open("test", TOKEN, O_RDONLY).origin(origin).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAnOpenWithoutPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .processName("cat").arg("flags", O_RDONLY).build());
    }

    @Test
    void countsAnOpenWithANumericPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .processName("cat").arg("flags", O_RDONLY).arg("pathname", 3L).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .processName("cat").arg("pathname", TOKEN).build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open("cat", TOKEN, null).build());
    }
  }
}
