package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.CONTAINER_ID;
import static dev.sigil.signatures.Scenario.ELF;
import static dev.sigil.signatures.Scenario.containerWrite;
import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.signatures.contained.ContainedExecutable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainedExecutableTest {
  private final Scenario scenario = new Scenario();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "-", value = {
      "/var/lib/docker/overlay2/3f2a9c/diff/tmp/x, docker-overlay2, /tmp/x",
      "/var/lib/docker/overlay2/3f2a9c/merged/usr/bin/x, docker-overlay2, /usr/bin/x",
      "/var/lib/docker/volumes/shared/_data/run.sh, docker-volume, -",
      "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/42/fs/bin/x, containerd-snapshot, /bin/x",
      "/run/containerd/io.containerd.runtime.v2.task/k8s.io/4d5e6f/rootfs/bin/x, containerd-rootfs, /bin/x",
      "/var/lib/containers/storage/overlay/9b8a/diff/x, podman-overlay, /x",
      "/var/lib/containers/storage/overlay/9b8a/merged/opt/x, podman-overlay, /opt/x",
      "/var/lib/kubelet/pods/0f1e-2d3c/volumes/kubernetes.io~empty-dir/cache/x, kubelet-volume, -",
      "/proc/4242/root/tmp/x, proc-root, /tmp/x",
      "/proc/4242/task/4243/root/tmp/x, proc-root, /tmp/x",
      "/var/lib/docker/rootfs/overlayfs/4d5e6f/usr/bin/x, docker-rootfs, /usr/bin/x",
      "/var/lib/docker/containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/17/fs/bin/x, docker-snapshot, /bin/x",
      "/var/lib/kubelet/pods/0f1e-2d3c/volume-subpaths/config/app/0/run.sh, kubelet-subpath, -",
      "/var/lib/docker/containers/4d5e6f/hosts, docker-container-file, -",
  })
  void reportsHostExecutionUnderEachStorageRoot(String path, String evidence, String containerPath) {
    scenario.feed(hostExec(path).build());

    Finding finding = scenario.only();
    assertEquals("SGL-1001", finding.metadata().id());
    assertEquals(Severity.MEDIUM, finding.severity());
    assertEquals(path, finding.data().get("path"));
    assertEquals(evidence, finding.data().get("evidence"));
    assertEquals(containerPath, finding.data().get("containerPath"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/run/containerd/io.containerd.runtime.v2.task/k8s.io/4d5e6f/rootfs/bin/x",
      "/var/lib/docker/rootfs/overlayfs/4d5e6f/bin/x", "/var/lib/docker/containers/4d5e6f/resolv.conf"})
  void takesTheContainerIdFromARootThatNamesIt(String path) {
    scenario.feed(hostExec(path).build());
    assertEquals("4d5e6f", scenario.only().data().get("containerId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/usr/bin/ls",
      "/var/lib/docker/overlay2/3f2a9c/diff",
      "/var/lib/docker/overlay2/3f2a9c/work/x",
      "/var/lib/docker/overlay2x/3f2a9c/diff/x",
      "/var/lib/docker/volumes/shared/x",
      "/proc/self/root/bin/x",
      "/proc/4242/cwd/x",
      "/proc/1/root/usr/bin/x",
      "/var/lib/docker/rootfs/overlayfs/4d5e6f",
      "/var/lib/docker/containers/4d5e6f",
      "/var/lib/kubelet/pods/0f1e/volume-subpaths",
      "/var/lib/kubelet/pods/0f1e/containers/x",
      "/var/lib/docker/overlay2/3f2a9c/diff/../../../../../../usr/bin/x",
      "relative/var/lib/docker/overlay2/3f2a9c/diff/x",
  })
  void ignoresPathsOutsideStorageRoots(String path) {
    scenario.feed(hostExec(path).build());
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }

  @ParameterizedTest
  @CsvSource({
      "/var/lib/docker//overlay2/3f2a9c/./diff/x, /x",
      "/var/lib/docker/overlay2/3f2a9c/diff/../diff/bin/x, /bin/x",
      "/tmp/../var/lib/docker/overlay2/3f2a9c/diff/x, /x",
      "/var/lib/docker/overlay2/3f2a9c/diff/bin/x/, /bin/x",
      "/./proc//4242/root/./x, /x",
  })
  void normalisesPathTricksBeforeMatching(String path, String containerPath) {
    scenario.feed(hostExec(path).build());

    Finding finding = scenario.only();
    assertEquals(path, finding.data().get("path"), "path is reported as the event gives it");
    assertEquals(containerPath, finding.data().get("containerPath"));
  }

  @Test
  void usesCmdpathWhenPathnameIsAbsent() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/x").withoutPathname().build());
    assertEquals("/var/lib/docker/overlay2/3f2a9c/diff/x", scenario.only().data().get("path"));
  }

  @Test
  void checksCmdpathWhenAScriptRunsByItsPath() {
    String script = "/var/lib/docker/overlay2/3f2a9c/diff/cmd";
    scenario.feed(hostExec(script).scriptRunAs(script, "/bin/sh").parent(2).build());

    Finding finding = scenario.only();
    assertEquals("SGL-1002", finding.metadata().id());
    assertEquals(script, finding.data().get("path"));
    assertEquals("/cmd", finding.data().get("containerPath"));
  }

  @Test
  void checksTheScriptsInterpreter() {
    String interpreter = "/proc/4242/root/usr/bin/evil";
    scenario.feed(hostExec("/opt/run.sh").interp(interpreter).build());
    assertEquals(interpreter, scenario.only().data().get("path"));
  }

  @Test
  void resolvesARelativeCmdpathAgainstTheWorkingDirectory() {
    scenario.feed(hostExec("./payload").withoutPathname().pwd("/var/lib/docker/overlay2/3f2a9c/diff/tmp").build());

    Finding finding = scenario.only();
    assertEquals("./payload", finding.data().get("path"));
    assertEquals("/tmp/payload", finding.data().get("containerPath"));
  }

  @Test
  void resolvesARelativeScriptArgumentAgainstTheWorkingDirectory() {
    scenario.feed(hostExec("/bin/bash").argv("bash", "../diff/x.sh").pwd("/var/lib/docker/overlay2/3f2a9c/merged").build());
    assertEquals("/x.sh", scenario.only().data().get("containerPath"));
  }

  @Test
  void matchesUserAddedRootsNamedOrNot() {
    Scenario custom = new Scenario(ContainedExecutableOptions.defaults().withExtraStorageRoots(List.of(
        "k3s-snapshot=/var/lib/rancher/k3s/agent/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/*/fs/",
        "/data/docker/overlay2/*/diff")));

    custom.feed(hostExec("/var/lib/rancher/k3s/agent/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/7/fs/bin/x").build(),
        hostExec("/data/docker/overlay2/ab12/diff/y").build(),
        hostExec("/data/docker/overlay2/ab12/work/y").build());

    assertEquals(List.of("k3s-snapshot", "extra-root"),
        custom.findings().stream().map(f -> f.data().get("evidence")).toList());
    assertEquals(List.of("/bin/x", "/y"),
        custom.findings().stream().map(f -> f.data().get("containerPath")).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"relative/dir/", "name=", "/a//b/", "/a/../b/", "/a/x*/", "=/a/", "/"})
  void rejectsMalformedUserRoots(String pattern) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ContainedExecutableOptions.defaults().withExtraStorageRoots(List.of(pattern)));
    assertTrue(e.getMessage().contains(pattern), e.getMessage());
  }

  @Test
  void correlatesAnElfWrittenInAContainerWithItsHostExecution() {
    scenario.feed(containerWrite("/usr/local/bin/kworker", ELF, 2049, 777),
        hostExec("/tmp/.hidden/kworker").inode(2049, 777).build());

    Finding finding = scenario.only();
    assertEquals("written-in-container", finding.data().get("evidence"));
    assertEquals(CONTAINER_ID, finding.data().get("containerId"));
    assertFalse(finding.data().containsKey("containerPath"));
  }

  @Test
  void correlatesAWriteWhileTheContainerStarts() {
    scenario.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER_INIT).containerId(CONTAINER_ID)
            .arg("pathname", "/bin/x").arg("bytes", ELF).arg("dev", 2049L).arg("inode", 779L).build(),
        hostExec("/srv/x").inode(2049, 779).build());
    assertEquals("written-in-container", scenario.only().data().get("evidence"));
  }

  @Test
  void ignoresNonExecutableWritesInContainers() {
    scenario.feed(containerWrite("/app/notes.txt", "hello".getBytes(StandardCharsets.US_ASCII), 2049, 780),
        hostExec("/srv/notes.txt").inode(2049, 780).build());
    assertTrue(scenario.findings().isEmpty());
  }

  @Test
  void doesNotMatchTheSameInodeNumberOnAnotherDevice() {
    scenario.feed(containerWrite("/usr/local/bin/kworker", ELF, 2049, 777),
        hostExec("/usr/bin/tool").inode(2050, 777).build());
    assertTrue(scenario.findings().isEmpty());
  }

  @Test
  void neverFiresOnExecutionsInsideContainers() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/x").in(Origin.CONTAINER).build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/diff/x").in(Origin.CONTAINER_INIT).build(),
        hostExec("/bin/sh").argv("/bin/sh", "/var/lib/docker/overlay2/3f2a9c/diff/p.sh")
            .in(Origin.CONTAINER).build());
    assertTrue(scenario.findings().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bin/sh", "/usr/bin/bash", "/bin/dash", "/bin/ash", "/bin/ksh", "/bin/zsh",
      "/usr/bin/python3.11", "/usr/bin/perl", "/usr/bin/ruby", "/usr/bin/node",
      "/usr/bin/php", "/usr/bin/lua", "python", "/usr/bin/python"})
  void reportsTheScriptAHostInterpreterRunsFromAStorageRoot(String interpreter) {
    String script = "/var/lib/docker/overlay2/3f2a9c/diff/tmp/payload";
    scenario.feed(hostExec(interpreter).argv(interpreter, script, "arg").build());

    Finding finding = scenario.only();
    assertEquals(script, finding.data().get("path"));
    assertEquals("/tmp/payload", finding.data().get("containerPath"));
    assertEquals("interpreter-argument", finding.data().get("evidence"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bin/cat", "/bin/cp", "/usr/bin/clamscan", "/usr/bin/shred",
      "/bin/s", "/bin/shx", "/bin/bas", "/bin/bashx", "/bin/busybo", "/usr/bin/pytho",
      "/usr/bin/perl5x", "/usr/bin/phpx", "/usr/bin/node-x", "/usr/bin/luax", "/bin/zs",
      "/usr/bin/ruby/", "/bin/\u00e9sh", "/usr/bin/ld", "/usr/bin/ldd", "/usr/bin/ld.gold",
      "/usr/bin/ruby-3.1", "/usr/bin/php.8", "/bin/ksh-93"})
  void ignoresOtherProgramsNamingAContainedFile(String program) {
    scenario.feed(hostExec(program).argv(program, "/var/lib/docker/overlay2/3f2a9c/diff/tmp/payload").build());
    assertTrue(scenario.findings().isEmpty());
  }

  @Test
  void ignoresInterpretersRunningHostScripts() {
    scenario.feed(hostExec("/bin/sh").argv("/bin/sh", "-c", "echo hi").build(),
        hostExec("/bin/sh").argv("/bin/sh", "/etc/init.d/ssh").build(),
        hostExec("/bin/sh").argv("/bin/sh").build());
    assertTrue(scenario.findings().isEmpty());
  }

  @Test
  void reportsAKernelHelperAsSgl1002() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/cmd").fromKernel(true).parent(2)
        .by("kworker/u8:1").build());

    Finding finding = scenario.only();
    assertEquals("SGL-1002", finding.metadata().id());
    assertEquals(Severity.HIGH, finding.severity());
    assertEquals(true, finding.data().get("invokedFromKernel"));
  }

  @Test
  void treatsANonZeroIntegerInvokedFromKernelAsTrue() {
    scenario.feed(EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostPids(9, 9, 77)
        .arg("pathname", "const char*", "/var/lib/docker/overlay2/3f2a9c/diff/cmd")
        .arg("invoked_from_kernel", "int", 1).arg("prev_comm", "const char*", "kworker").build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
  }

  @Test
  void reportsAChildOfKthreaddAsSgl1002() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/cmd").fromKernel(0).parent(2).build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
    assertEquals(false, scenario.only().data().get("invokedFromKernel"));
  }

  @Test
  void reportsOtherProcessesAsSgl1001() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/cmd").fromKernel(0).parent(1).build());
    assertEquals(List.of("SGL-1001"), scenario.ids());
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "crun", "conmon", "dockerd", "containerd", "containerd-shim",
      "containerd-shim-runc-v2", "runc:[2:INIT]", "runc:[1:CHILD]", "crio", "kubelet"})
  void ignoresContainerRuntimesForSgl1001(String runtime) {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/merged/bin/sh").by(runtime).build());
    assertTrue(scenario.findings().isEmpty());
    assertEquals(1, scenario.stats().counters().get("allowlisted"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "containerd-shim"})
  void neverAllowlistsKernelHelpers(String runtime) {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/merged/bin/sh").by(runtime).parent(2).build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
  }

  @Test
  void doesNotAllowlistNamesThatMerelyResembleRuntimes() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/merged/x").by("runc2").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/y").by("mycontainerd").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/z").by("crunch").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/w").by("kubelet-helper").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/v").by("criox").build());
    assertEquals(5, scenario.findings().size());
  }

  @Test
  void aCniPluginThatADaemonSetInstalledRunByTheRuntimeIsAllowlisted() {
    scenario.feed(containerWrite("/host/opt/cni/bin/calico", ELF, 2049, 3001),
        hostExec("/opt/cni/bin/calico").inode(2049, 3001).by("crio").build(),
        hostExec("/opt/cni/bin/calico").inode(2049, 3001).by("kubelet").build());
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
    assertEquals(2, scenario.stats().counters().get("allowlisted"));
  }

  @Test
  void extendsTheRuntimeAllowlist() {
    Scenario custom = new Scenario(ContainedExecutableOptions.defaults()
        .withExtraRuntimeAllowlist(List.of("k3s-agent", "youki*")));
    custom.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/merged/x").by("k3s-agent").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/x").by("youki-1.2").build(),
        hostExec("/var/lib/docker/overlay2/3f2a9c/merged/x").by("k3s").build());
    assertEquals(1, custom.findings().size());
    assertEquals("k3s", custom.only().data().get("executingProcess"));
  }

  @Test
  void writesTheDataInTheDocumentedOrder() {
    scenario.feed(hostExec("/run/containerd/io.containerd.runtime.v2.task/k8s.io/4d5e6f/rootfs/bin/x")
        .argv("/run/containerd/io.containerd.runtime.v2.task/k8s.io/4d5e6f/rootfs/bin/x", "-v").build());

    Finding finding = scenario.only();
    assertEquals(List.of("path", "containerPath", "containerId", "evidence", "executingProcess",
        "hostParentPid", "invokedFromKernel", "argv"), List.copyOf(finding.data().keySet()));
    assertEquals("bash", finding.data().get("executingProcess"));
    assertEquals(1000, finding.data().get("hostParentPid"));
    assertEquals(false, finding.data().get("invokedFromKernel"));
    assertEquals(List.of("/run/containerd/io.containerd.runtime.v2.task/k8s.io/4d5e6f/rootfs/bin/x", "-v"),
        finding.data().get("argv"));
  }

  @Test
  void carriesTheDocumentedMetadata() {
    for (SignatureMetadata m : List.of(ContainedExecutable.UNUSUAL_PROCESS, ContainedExecutable.KERNEL_THREAD)) {
      assertEquals("contained_executable_executed", m.eventName());
      assertEquals("privilege-escalation", m.category());
      assertEquals("Escape to Host", m.technique());
      assertEquals("T1611", m.mitreTechniqueId());
      assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    }
    assertEquals("A contained executable was executed by an unusual process",
        ContainedExecutable.UNUSUAL_PROCESS.name());
    assertEquals("A contained executable was executed by the Linux kernel thread daemon",
        ContainedExecutable.KERNEL_THREAD.name());
    assertEquals("SGL-1002", ContainedExecutable.KERNEL_THREAD.id());
  }

  @Test
  void countsAHostExecWithoutAnyPathAsDataProblem() {
    scenario.feed(EventBuilder.event("sched_process_exec").origin(Origin.HOST).arg("argv", List.of("x")).build());
    assertTrue(scenario.findings().isEmpty());
    assertEquals(1, scenario.stats().dataProblems());
    assertEquals(0, scenario.stats().errors());
  }

  @Test
  void countsAnExecutableContainerWriteWithoutInodeAsDataProblem() {
    scenario.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", "/bin/x").arg("bytes", ELF).arg("dev", 1L).invalidArg("inode", "uint64").build());
    assertEquals(1, scenario.stats().dataProblems());
    assertEquals(0, scenario.stats().errors());
  }

  @Test
  void looksAtNoContainerExec() {
    scenario.feed(hostExec("/var/lib/docker/overlay2/3f2a9c/diff/x").in(Origin.CONTAINER).build());
    assertEquals(0, scenario.stats().events());
  }

  @Test
  void stillJudgesByPathWhenTheHostExecHasNoInode() {
    scenario.feed(EventBuilder.event("sched_process_exec").origin(Origin.HOST)
        .arg("pathname", "/proc/77/root/x").arg("inode", "garbage").build());
    assertEquals("proc-root", scenario.only().data().get("evidence"));
  }
}
