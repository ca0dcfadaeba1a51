package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesCertificateTheftAttemptTest {
  private static final String CA_CRT = "/etc/kubernetes/pki/ca.crt";
  private final SignatureHarness harness = SignatureHarness.of(new KubernetesCertificateTheftAttempt());

  private void assertFiredWithoutData(String argName, String path) {
    Finding finding = harness.only();
    assertSame(KubernetesCertificateTheftAttempt.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data(), "Tracee's finding has no data");
    assertEquals(path, String.valueOf(finding.event().string(ArgKey.of(argName))));
  }

  private void assertNoFinding() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty(), () -> "unexpected " + harness.findings());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection - security_file_open")
    void firesOnMalwareReadingCaCertificate(OpenFlagsForm form) {
      harness.feed(form.open(CA_CRT, O_RDONLY).processName("malware").build());
      assertFiredWithoutData("pathname", CA_CRT);
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenameOfCaCertificate() {
      harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", CA_CRT).build());
      assertFiredWithoutData("old_path", CA_CRT);
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresWriteOnlyOpenOfCaCertificate(OpenFlagsForm form) {
      harness.feed(form.open(CA_CRT, O_WRONLY).processName("test").build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresReadOfCertificateElsewhere(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/ca.crt", O_RDONLY).processName("test").build());
      assertNoFinding();
    }

    @ParameterizedTest
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - security_file_open legit proc")
    void ignoresApiServerReadingCaCertificate(OpenFlagsForm form) {
      harness.feed(form.open(CA_CRT, O_RDONLY).processName("kube-apiserver").build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOfCertificateElsewhere() {
      harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/ca.crt").build());
      assertNoFinding();
    }
  }

  @Test
  void carriesTraceesExactMetadataAndSelectorsOfAnyOrigin() {
    SignatureMetadata m = KubernetesCertificateTheftAttempt.METADATA;
    assertEquals("TRC-1018", m.id());
    assertEquals("1", m.version());
    assertEquals("K8s TLS certificate theft detected", m.name());
    assertEquals("k8s_cert_theft", m.eventName());
    assertEquals("Theft of Kubernetes TLS certificates was detected. TLS certificates are used to"
        + " establish trust between systems. The Kubernetes certificate is used to to enable secure"
        + " communication between Kubernetes components, such as kubelet scheduler controller and"
        + " API Server. An adversary may steal a Kubernetes certificate on a compromised system to"
        + " impersonate Kubernetes components within the cluster.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("credential-access", m.category());
    assertEquals("Steal Application Access Token", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1528", m.mitreTechniqueId());
    assertEquals("attack-pattern--890c9858-598c-401d-a4d5-c67ebcdd703a", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("security_file_open"), Selector.event("security_inode_rename")),
        new KubernetesCertificateTheftAttempt().selectors());
    assertSame(m, new KubernetesCertificateTheftAttempt().metadata());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kube-apiserver", "kubelet", "kube-controller", "etcd"})
  void ignoresEveryAllowedProcessReadingCertificates(String processName) {
    for (OpenFlagsForm form : OpenFlagsForm.values()) {
      harness.feed(form.open("/etc/kubernetes/pki/apiserver.key", O_RDONLY).processName(processName)
          .build());
    }
    assertNoFinding();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kube-apiserver2", "kubectl", "Kubelet", "etcdctl", "kube-controller-m",
      "kube-scheduler", "cat", ""})
  void firesOnProcessesNotExactlyAllowed(String processName) {
    harness.feed(OpenFlagsForm.PARSED.open(CA_CRT, O_RDONLY).processName(processName).build(),
        OpenFlagsForm.NUMBER.open(CA_CRT, O_RDONLY).processName(processName).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void readsNothingForAllowedProcessSoMissingArgumentsAreNoProblem() {
    harness.feed(EventBuilder.event("security_file_open").processName("etcd").build());
    assertNoFinding();
  }

  @Test
  void firesOnRenameByAllowedProcessAsTheAllowListIsForOpensOnly() {
    harness.feed(rename(CA_CRT, "/tmp/ca.crt").processName("kubelet").build());
    assertFiredWithoutData("old_path", CA_CRT);
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnReadWriteOpenBecauseItReadsToo(OpenFlagsForm form) {
    harness.feed(form.open(CA_CRT, O_RDWR).build());
    assertFiredWithoutData("pathname", CA_CRT);
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void firesOnKeysInSubdirectories(OpenFlagsForm form) {
    harness.feed(form.open("/etc/kubernetes/pki/etcd/server.key", O_RDONLY | O_CLOEXEC).build());
    assertFiredWithoutData("pathname", "/etc/kubernetes/pki/etcd/server.key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/kubernetes/pki", "/etc/kubernetes/pkix/ca.crt",
      "/host/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/admin.conf", "/etc//kubernetes/pki/ca.crt"})
  void ignoresPathsNotStartingWithThePkiDirectory(String path) {
    harness.feed(OpenFlagsForm.NUMBER.open(path, O_RDONLY).build(),
        OpenFlagsForm.PARSED.open(path, O_RDONLY).build(),
        rename(path, "/tmp/x").build());
    assertNoFinding();
  }

  @Test
  void ignoresRenameIntoThePkiDirectoryAsOnlyTheOldPathCounts() {
    harness.feed(rename("/tmp/evil.crt", CA_CRT).build());
    assertNoFinding();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void firesFromEveryOriginAsTraceeSelectsAnyOrigin(Origin origin) {
    harness.feed(OpenFlagsForm.PARSED.open(CA_CRT, O_RDONLY).origin(origin).build(),
        rename(CA_CRT, "/tmp/x").origin(origin).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").processName("cat").arg("pathname", CA_CRT)
        .build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").processName("cat").arg("pathname", CA_CRT)
        .arg("flags", "O_RDONLY|O_RDONLY").build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void countsMissingPathnameOfReadAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").processName("cat")
        .arg("flags", form.of(O_RDONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest
  @EnumSource(OpenFlagsForm.class)
  void readsNoPathnameOfWriteAsTraceeDoesNot(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").processName("cat")
        .arg("flags", form.of(O_WRONLY)).build());
    assertNoFinding();
  }

  @Test
  void countsMissingOldPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").arg("new_path", CA_CRT).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsOldPathOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", List.of(CA_CRT)).build());
    assertNoFindingButOneDataProblem();
  }
}
