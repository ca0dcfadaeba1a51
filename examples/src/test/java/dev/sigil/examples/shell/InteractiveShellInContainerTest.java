package dev.sigil.examples.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractiveShellInContainerTest {
  private static final long S_IFCHR = 0020000;
  private static final long S_IFIFO = 0010000;

  private final SignatureHarness harness = SignatureHarness.of(new InteractiveShellInContainer());
  private final List<Finding> findings = harness.findings();

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec")
        .origin(Origin.CONTAINER)
        .processName("bash")
        .arg("cmdpath", pathname)
        .arg("pathname", pathname)
        .arg("argv", List.of(pathname));
  }

  private List<Finding> feed(Event event) {
    harness.feed(event);
    return findings;
  }

  @Test
  void firesOnBashWithATerminalAsStdin() {
    feed(exec("/bin/bash").arg("stdin_type", S_IFCHR).arg("stdin_path", "/dev/pts/0").build());

    assertEquals(1, findings.size());
    Finding finding = findings.get(0);
    assertEquals("EX-0001", finding.metadata().id());
    assertEquals(Map.of("shell", "/bin/bash", "processName", "bash", "stdin", "/dev/pts/0"),
        finding.data());
  }

  @Test
  void acceptsEveryKnownShellByBasename() {
    for (String shell : InteractiveShellInContainer.SHELLS) {
      feed(exec("/usr/bin/" + shell).arg("stdin_type", S_IFCHR).build());
    }
    assertEquals(InteractiveShellInContainer.SHELLS.size(), findings.size());
  }

  @Test
  void acceptsTheParsedStringOlderTraceePrinted() {
    feed(exec("/bin/sh").arg("stdin_type", "string", "S_IFCHR").build());
    assertEquals(1, findings.size());
  }

  @Test
  void acceptsTheFullInodeModeOfACharacterDevice() {
    feed(exec("/bin/sh").arg("stdin_type", S_IFCHR | 0620).build());
    assertEquals(1, findings.size());
  }

  @Test
  void ignoresAShellReadingFromAPipeOrAFile() {
    feed(exec("/bin/sh").arg("stdin_type", S_IFIFO).build());
    feed(exec("/bin/sh").arg("stdin_type", "string", "S_IFIFO").build());
    feed(exec("/bin/sh").arg("stdin_type", 0100000L).build());
    assertEquals(List.of(), findings);
  }

  @Test
  void ignoresAShellWhoseStdinIsDevNull() {
    feed(exec("/bin/sh").arg("stdin_type", S_IFCHR).arg("stdin_path", "/dev/null").build());
    assertEquals(List.of(), findings);
  }

  @Test
  void ignoresProgramsThatAreNotShells() {
    feed(exec("/usr/bin/bashful").arg("stdin_type", S_IFCHR).build());
    feed(exec("/usr/bin/python3").arg("stdin_type", S_IFCHR).build());
    feed(exec("/opt/sh/app").arg("stdin_type", S_IFCHR).build());
    assertEquals(List.of(), findings);
  }

  @Test
  void firesOnBusyboxInvokedAsAShellButNotAsAnotherApplet() {
    feed(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("cmdpath", "/bin/sh").arg("pathname", "/bin/busybox")
        .arg("argv", List.of("sh")).arg("stdin_type", S_IFCHR).build());
    feed(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("cmdpath", "/bin/ls").arg("pathname", "/bin/busybox")
        .arg("argv", List.of("ls", "-l")).arg("stdin_type", S_IFCHR).build());
    feed(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("cmdpath", "/bin/ash").arg("pathname", "/bin/busybox")
        .arg("stdin_type", S_IFCHR).build());

    assertEquals(2, findings.size(), "sh via argv[0], ash via cmdpath; ls is not a shell");
  }

  @Test
  void ignoresShellsOnTheHostAndInContainersStillStarting() {
    feed(exec("/bin/bash").origin(Origin.HOST).arg("stdin_type", S_IFCHR).build());
    feed(exec("/bin/bash").origin(Origin.CONTAINER_INIT).arg("stdin_type", S_IFCHR).build());
    assertEquals(List.of(), findings);
  }

  @Test
  void countsMissingArgumentsAsDataProblemsWithoutFiring() {
    feed(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).build());
    feed(exec("/bin/bash").build());
    feed(exec("/bin/bash").invalidArg("stdin_type", "uint16").build());

    assertEquals(List.of(), findings);
    assertEquals(2, harness.engine().stats().dataProblems());
    assertEquals(0, harness.engine().stats().errors());
  }
}
