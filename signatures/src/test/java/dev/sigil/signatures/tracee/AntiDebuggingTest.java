package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AntiDebuggingTest extends ArgumentValueContractTest {
  AntiDebuggingTest() {
    super(new AntiDebugging(), "ptrace");
  }

  @Override
  EventBuilder eventWith(Object request) {
    return EventBuilder.event("ptrace").arg("request", request).arg("pid", 0L).arg("addr", 0L)
        .arg("data", 0L);
  }

  /** PTRACE_TRACEME as Tracee prints it: the number, or the parsed name. */
  static Stream<Object> firingValues() {
    return Stream.of(0L, "PTRACE_TRACEME");
  }

  /** PTRACE_PEEKTEXT (Tracee's case), then attach and poke requests, in both printed forms. */
  static Stream<Object> otherValues() {
    return Stream.of(1L, "PTRACE_PEEKTEXT", 16L, "PTRACE_ATTACH", 4L, "PTRACE_POKETEXT", 0x4206L,
        "PTRACE_SEIZE");
  }

  /** No request, a name Tracee does not print, and a request of the wrong kind. */
  static Stream<Object> unreadableValues() {
    return Stream.of(null, "PTRACE_TRACE_ME", "ptrace_traceme", true);
  }

  @Test
  void readsTheRequestArgumentByNameInAnyOrder() {
    harness.feed(EventBuilder.event("ptrace").arg("pid", 1L).arg("data", 2L)
        .arg("request", "PTRACE_TRACEME").build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void readsTheDeclaredLongTypeOfTracee() {
    harness.feed(EventBuilder.event("ptrace").arg("request", "long", 0L).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void readsAnUnnamedRequestPrintedAsDecimalText() {
    harness.feed(EventBuilder.event("ptrace").arg("request", "0").build(),
        EventBuilder.event("ptrace").arg("request", "99").build());

    assertEquals(1, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @Test
  void countsMissingRequestAsDataProblem() {
    harness.feed(EventBuilder.event("ptrace").arg("pid", 1L).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableRequestAsDataProblem() {
    harness.feed(EventBuilder.event("ptrace").invalidArg("request", "long").build());
    assertNoFindingButOneDataProblem();
  }
}
