package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesCertificateTheftAttemptTest extends FileOpenContractTest {
  private static final String CA_CRT = "/etc/kubernetes/pki/ca.crt";

  KubernetesCertificateTheftAttemptTest() {
    super(new KubernetesCertificateTheftAttempt(), null, ReadOrder.FLAGS_FIRST, O_RDONLY,
        CA_CRT, "/tmp/ca.crt");
  }

  /** Tracee's test cases of the allow list and of renames, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenameOfCaCertificate() {
      harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", CA_CRT).build());
      assertFiredWithoutData("old_path", CA_CRT);
    }

    @EachOpenFlagsForm
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

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItReadsToo(OpenFlagsForm form) {
    assertOpenFires(form, CA_CRT, O_RDWR);
  }

  @EachOpenFlagsForm
  void firesOnKeysInSubdirectories(OpenFlagsForm form) {
    assertOpenFires(form, "/etc/kubernetes/pki/etcd/server.key", O_RDONLY | O_CLOEXEC);
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
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").processName("cat").arg("pathname", CA_CRT)
        .arg("flags", "O_RDONLY|O_RDONLY").build());
    assertNoFindingButOneDataProblem();
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
