package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PtraceCodeInjectionTest {
  private final SignatureHarness harness = SignatureHarness.of(new PtraceCodeInjection());

  /** PTRACE_POKETEXT as Tracee prints it: the number, or the parsed name. */
  static Stream<Object> poketext() {
    return Stream.of(4L, "PTRACE_POKETEXT");
  }

  /** PTRACE_POKEDATA in both printed forms. */
  static Stream<Object> pokedata() {
    return Stream.of(5L, "PTRACE_POKEDATA");
  }

  /** PTRACE_PEEKTEXT in both printed forms. */
  static Stream<Object> peektext() {
    return Stream.of(1L, "PTRACE_PEEKTEXT");
  }

  private static EventBuilder ptrace(Object request) {
    return EventBuilder.event("ptrace").arg("request", request).arg("pid", 4242L)
        .arg("addr", 0x7f00L).arg("data", 0x90L);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "request printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.PtraceCodeInjectionTest#poketext")
    @DisplayName("should trigger detection - PTRACE_POKETEXT")
    void firesOnPtracePoketext(Object request) {
      harness.feed(ptrace(request).build());

      Finding finding = harness.only();
      assertEquals(PtraceCodeInjection.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
    }

    @ParameterizedTest(name = "request printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.PtraceCodeInjectionTest#pokedata")
    @DisplayName("should trigger detection - PTRACE_POKEDATA")
    void firesOnPtracePokedata(Object request) {
      harness.feed(ptrace(request).build());

      Finding finding = harness.only();
      assertEquals(PtraceCodeInjection.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
    }

    @ParameterizedTest(name = "request printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.PtraceCodeInjectionTest#peektext")
    @DisplayName("should not trigger detection - wrong request")
    void ignoresPtracePeektext(Object request) {
      harness.feed(ptrace(request).build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @Test
  void carriesTraceesExactMetadata() {
    SignatureMetadata m = PtraceCodeInjection.METADATA;
    assertEquals("TRC-103", m.id());
    assertEquals("1", m.version());
    assertEquals("Code injection detected using ptrace", m.name());
    assertEquals("ptrace_code_injection", m.eventName());
    assertEquals("Possible code injection into another process was detected. Code injection is an"
        + " exploitation technique used to run malicious code, adversaries may use it in order to"
        + " execute their malware.", m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("defense-evasion", m.category());
    assertEquals("Ptrace System Calls", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1055.008", m.mitreTechniqueId());
    assertEquals("attack-pattern--ea016b56-ae0e-47fe-967a-cc0ad51af67f", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("ptrace")), new PtraceCodeInjection().selectors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#origins")
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(ptrace(4L).origin(origin).build(), ptrace("PTRACE_POKEDATA").origin(origin).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void ignoresNeighbouringRequestsInBothForms() {
    harness.feed(ptrace(0L).build(), ptrace("PTRACE_TRACEME").build(),
        ptrace(2L).build(), ptrace("PTRACE_PEEKDATA").build(),
        ptrace(3L).build(), ptrace("PTRACE_PEEKUSER").build(),
        ptrace(6L).build(), ptrace("PTRACE_POKEUSER").build(),
        ptrace(16L).build(), ptrace("PTRACE_ATTACH").build(),
        ptrace(13L).build(), ptrace("PTRACE_SETREGS").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
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
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(ptrace(4L).build(), ptrace(4L).build(), ptrace("PTRACE_POKETEXT").build());

    assertEquals(3, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingRequestAsDataProblem() {
    harness.feed(EventBuilder.event("ptrace").arg("pid", 1L).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullRequestAsDataProblem() {
    harness.feed(ptrace(null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnknownRequestNameAsDataProblem() {
    harness.feed(ptrace("PTRACE_POKE_TEXT").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsRequestOfWrongKindAsDataProblem() {
    harness.feed(ptrace(List.of("PTRACE_POKETEXT")).build());
    assertNoFindingButOneDataProblem();
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }
}
