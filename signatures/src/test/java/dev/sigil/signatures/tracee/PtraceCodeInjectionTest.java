package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PtraceCodeInjectionTest extends ArgumentValueContractTest {
  PtraceCodeInjectionTest() {
    super(new PtraceCodeInjection(), "ptrace");
  }

  @Override
  EventBuilder eventWith(Object request) {
    return EventBuilder.event("ptrace").arg("request", request).arg("pid", 4242L)
        .arg("addr", 0x7f00L).arg("data", 0x90L);
  }

  /** PTRACE_POKETEXT and PTRACE_POKEDATA as Tracee prints them: the number, or the name. */
  static Stream<Object> firingValues() {
    return Stream.of(4L, "PTRACE_POKETEXT", 5L, "PTRACE_POKEDATA");
  }

  /** PTRACE_PEEKTEXT (Tracee's case), then the neighbouring requests, in both printed forms. */
  static Stream<Object> otherValues() {
    return Stream.of(1L, "PTRACE_PEEKTEXT", 0L, "PTRACE_TRACEME", 2L, "PTRACE_PEEKDATA", 3L,
        "PTRACE_PEEKUSER", 6L, "PTRACE_POKEUSER", 16L, "PTRACE_ATTACH", 13L, "PTRACE_SETREGS");
  }

  /** No request, a name Tracee does not print, and a request of the wrong kind. */
  static Stream<Object> unreadableValues() {
    return Stream.of(null, "PTRACE_POKE_TEXT", List.of("PTRACE_POKETEXT"));
  }

  @Test
  void readsTheRequestArgumentByNameInAnyOrder() {
    harness.feed(EventBuilder.event("ptrace").arg("data", 1L).arg("addr", 2L)
        .arg("request", "PTRACE_POKEDATA").arg("pid", 3L).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void readsTheDeclaredLongTypeOfTracee() {
    harness.feed(EventBuilder.event("ptrace").arg("request", "long", 5L).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void countsMissingRequestAsDataProblem() {
    harness.feed(EventBuilder.event("ptrace").arg("pid", 1L).build());
    assertNoFindingButOneDataProblem();
  }
}
