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

class AntiDebuggingTest {
  private final SignatureHarness harness = SignatureHarness.of(new AntiDebugging());

  /** PTRACE_TRACEME as Tracee prints it: the number, or the parsed name. */
  static Stream<Object> traceme() {
    return Stream.of(0L, "PTRACE_TRACEME");
  }

  /** PTRACE_PEEKTEXT in both printed forms. */
  static Stream<Object> peektext() {
    return Stream.of(1L, "PTRACE_PEEKTEXT");
  }

  private static EventBuilder ptrace(Object request) {
    return EventBuilder.event("ptrace").arg("request", request).arg("pid", 0L).arg("addr", 0L)
        .arg("data", 0L);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "request printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#traceme")
    @DisplayName("should trigger detection")
    void firesOnPtraceTraceme(Object request) {
      harness.feed(ptrace(request).build());

      Finding finding = harness.only();
      assertEquals(AntiDebugging.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
      assertEquals("ptrace", finding.event().eventName().toString());
    }

    @ParameterizedTest(name = "request printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#peektext")
    @DisplayName("should not trigger detection - wrong request")
    void ignoresPtracePeektext(Object request) {
      harness.feed(ptrace(request).build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @Test
  void carriesTraceesExactMetadata() {
    SignatureMetadata m = AntiDebugging.METADATA;
    assertEquals("TRC-102", m.id());
    assertEquals("1", m.version());
    assertEquals("Anti-Debugging detected", m.name());
    assertEquals("anti_debugging", m.eventName());
    assertEquals("A process used anti-debugging techniques to block a debugger. Malware use"
        + " anti-debugging to stay invisible and inhibit analysis of their behavior.",
        m.description());
    assertEquals(1, m.severity().traceeValue());
    assertEquals("defense-evasion", m.category());
    assertEquals("Debugger Evasion", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1622", m.mitreTechniqueId());
    assertEquals("attack-pattern--e4dc8c01-417f-458d-9ee0-bb0617c1b391", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("ptrace")), new AntiDebugging().selectors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#origins")
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(ptrace(0L).origin(origin).build(), ptrace("PTRACE_TRACEME").origin(origin).build());

    assertEquals(2, harness.findings().size());
  }

  static Stream<Origin> origins() {
    return Stream.of(Origin.HOST, Origin.CONTAINER_INIT, Origin.CONTAINER);
  }

  @Test
  void ignoresAttachAndPokeRequestsInBothForms() {
    harness.feed(ptrace(16L).build(), ptrace("PTRACE_ATTACH").build(), ptrace(4L).build(),
        ptrace("PTRACE_POKETEXT").build(), ptrace(0x4206L).build(), ptrace("PTRACE_SEIZE").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
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
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(ptrace(0L).build(), ptrace(0L).build());

    assertEquals(2, harness.findings().size());
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
    harness.feed(ptrace("PTRACE_TRACE_ME").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsLowerCaseRequestNameAsDataProblem() {
    harness.feed(ptrace("ptrace_traceme").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsRequestOfWrongKindAsDataProblem() {
    harness.feed(ptrace(true).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableRequestAsDataProblem() {
    harness.feed(EventBuilder.event("ptrace").invalidArg("request", "long").build());
    assertNoFindingButOneDataProblem();
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }
}
