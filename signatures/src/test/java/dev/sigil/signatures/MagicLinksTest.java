package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths through /proc's magic links: a process's root, working directory and open files. */
class MagicLinksTest {
  private final Scenario scenario = new Scenario();

  @ParameterizedTest
  @ValueSource(strings = {"/proc/4242/task/4243/root/tmp/payload", "/proc/4242/root/tmp/payload"})
  void aProcessRootOrOneOfItsThreadsRootIsAContainersRoot(String path) {
    scenario.feed(hostExec(path).build());

    Finding finding = scenario.only();
    assertEquals("proc-root", finding.data().get("evidence"));
    assertEquals("/tmp/payload", finding.data().get("containerPath"));
  }

  @Test
  void aThreadsRootCountsForAnInterpretersScriptToo() {
    scenario.feed(hostExec("/bin/sh").argv("sh", "/proc/4242/task/4250/root/tmp/x.sh").build());
    assertEquals("/tmp/x.sh", scenario.only().data().get("containerPath"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/1/root/usr/bin/kubectl", "/proc/1/task/1/root/usr/bin/kubectl",
      "/proc/1/cwd/payload"})
  void initsRootRunByAHostProcessIsTheHostsOwnRoot(String path) {
    scenario.feed(hostExec(path).build(), hostExec(path).fromKernel(true).build(),
        hostExec("/bin/sh").argv("sh", path).build());
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/proc/4242/cwd/payload, proc-cwd",
      "/proc/4242/task/4242/cwd/payload, proc-cwd",
      "/proc/4242/fd/3, proc-fd",
      "/proc/4242/task/4243/fd/7, proc-fd",
  })
  void aKernelHelpersCmdpathThroughACrashingProcessesLinksIsContained(String cmdpath, String evidence) {
    // core_pattern "|/proc/%P/cwd/payload": the kernel resolves the link; pathname is then the
    // path inside the container.
    scenario.feed(hostExec("/app/payload").scriptRunAs(cmdpath, "/app/payload").interp(cmdpath)
        .fromKernel(true).parent(2).by("kworker/u8:0").build());

    Finding finding = scenario.only();
    assertEquals("SGL-1002", finding.metadata().id());
    assertEquals(cmdpath, finding.data().get("path"));
    assertEquals(evidence, finding.data().get("evidence"));
    assertEquals("/app/payload", finding.data().get("containerPath"));
  }

  @Test
  void aKernelHelperShellRunningAScriptThroughACrashingProcessesCwdIsContained() {
    scenario.feed(hostExec("/bin/sh").argv("/bin/sh", "/proc/4242/cwd/x.sh").fromKernel(true).build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
    assertEquals("interpreter-argument", scenario.only().data().get("evidence"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/4242/cwd/payload", "/proc/4242/fd/3", "/proc/4242/task/4243/cwd/x"})
  void aHostProcessUsingTheSameLinksIsNotContained(String cmdpath) {
    // fexecve and tools that run files by /proc paths do so on the host every day.
    scenario.feed(hostExec("/usr/bin/tool").scriptRunAs(cmdpath, "/usr/bin/tool").interp(cmdpath).build(),
        hostExec("/bin/sh").argv("sh", cmdpath).build());
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/4242/fd", "/proc/self/fd/3", "/proc/4242/fd/x", "/proc/4242/cwd"})
  void otherProcPathsAreNotContainedEvenForAKernelHelper(String cmdpath) {
    scenario.feed(hostExec("/usr/bin/x").scriptRunAs(cmdpath, "/usr/bin/x").interp(cmdpath)
        .fromKernel(true).build());
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }
}
