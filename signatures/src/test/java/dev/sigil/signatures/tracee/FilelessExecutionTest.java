package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilelessExecutionTest extends SignatureTest {
  FilelessExecutionTest() {
    super(new FilelessExecution());
  }

  private static EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").arg("cmdpath", pathname)
        .arg("pathname", pathname).arg("dev", 2049L).arg("inode", 7L)
        .arg("argv", List.of("payload"));
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnExecutionFromMemfd() {
      harness.feed(exec("memfd://something").build());

      Finding finding = harness.only();
      assertEquals(FilelessExecution.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
    }

    @Test
    @DisplayName("should not trigger detection - wrong path")
    void ignoresExecutionFromBin() {
      harness.feed(exec("/bin/something").build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"memfd:", "memfd:payload", "memfd:payload (deleted)", "/dev/shm/x",
      "/dev/shm/.hidden/x", "/run/shm/x", "/dev/shm/", "/run/shm/"})
  void firesOnEveryMemoryPath(String pathname) {
    harness.feed(exec(pathname).build());

    assertEquals(1, harness.findings().size());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "memfd", "MEMFD:x", " memfd:x", "/memfd:x", "/dev/shm", "/run/shm",
      "/dev/shmx/y", "/dev//shm/x", "/tmp/dev/shm/x", "./dev/shm/x", "/proc/self/fd/3"})
  void ignoresPathsTraceeDoesNotTakeForMemory(String pathname) {
    harness.feed(exec(pathname).build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(exec("memfd:x").origin(origin).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void readsPathnameNotCmdpath() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("cmdpath", "memfd:x")
        .arg("pathname", "/usr/bin/python3").build());

    assertTrue(harness.findings().isEmpty());
  }

  @Test
  void readsTheOldDeclaredTypeOfPathname() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", "const char*", "/dev/shm/x")
        .build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(exec("memfd:x").build(), exec("memfd:x").build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("cmdpath", "memfd:x").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", 3L).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodablePathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").invalidArg("pathname", "string").build());
    assertNoFindingButOneDataProblem();
  }

}
