package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessVmWriteCodeInjectionTest extends SignatureTest {
  ProcessVmWriteCodeInjectionTest() {
    super(new ProcessVmWriteCodeInjection());
  }

  /** A process_vm_writev by namespace pid {@code writer} into namespace pid {@code target}. */
  private static EventBuilder write(int writer, Object target) {
    return EventBuilder.event("process_vm_writev").pids(writer, writer, 1)
        .hostPids(writer + 10_000, writer + 10_000, 1).arg("pid", "pid_t", target)
        .arg("local_iov", 0x7ffdL).arg("liovcnt", 1L).arg("remote_iov", 0x7ffeL)
        .arg("riovcnt", 1L).arg("flags", 0L);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnWritingIntoAnotherProcess() {
      harness.feed(write(109, 101L).build());

      Finding finding = harness.only();
      assertEquals(ProcessVmWriteCodeInjection.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
      assertEquals(109, finding.event().processId());
    }

    @Test
    @DisplayName("should not trigger detection - same PID")
    void ignoresWritingIntoItself() {
      harness.feed(write(109, 109L).build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(write(7, 8L).origin(origin).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void comparesWithTheNamespacePidNotTheHostPid() {
    harness.feed(EventBuilder.event("process_vm_writev").pids(5, 5, 1).hostPids(9005, 9005, 1)
            .arg("pid", 9005L).build(),
        EventBuilder.event("process_vm_writev").pids(5, 5, 1).hostPids(9005, 9005, 1)
            .arg("pid", 5L).build());

    assertEquals(1, harness.findings().size());
    assertEquals(9005L, harness.only().event().longValue(dev.sigil.core.ArgKey.of("pid"), -1));
  }

  @Test
  void firesOnNeighbouringPidsOnEitherSide() {
    harness.feed(write(100, 99L).build(), write(100, 101L).build(), write(100, 100L).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void firesOnANegativeOrZeroTargetPid() {
    harness.feed(write(100, 0L).build(), write(100, -1L).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void readsThePidArgumentByNameInAnyOrder() {
    harness.feed(EventBuilder.event("process_vm_writev").pids(3, 3, 1).arg("flags", 0L)
        .arg("riovcnt", 1L).arg("pid", 4L).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(write(109, 101L).build(), write(109, 101L).build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingPidAsDataProblem() {
    harness.feed(EventBuilder.event("process_vm_writev").pids(3, 3, 1).arg("flags", 0L).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullPidAsDataProblem() {
    harness.feed(write(3, null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsPidPrintedAsTextAsDataProblem() {
    harness.feed(write(3, "101").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodablePidAsDataProblem() {
    harness.feed(EventBuilder.event("process_vm_writev").pids(3, 3, 1).invalidArg("pid", "pid_t")
        .build());
    assertNoFindingButOneDataProblem();
  }

}
