package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DynamicCodeLoadingTest extends ArgumentValueContractTest {
  DynamicCodeLoadingTest() {
    super(new DynamicCodeLoading(), "mem_prot_alert");
  }

  @Override
  EventBuilder eventWith(Object alert) {
    return EventBuilder.event("mem_prot_alert").arg("alert", "u32", alert)
        .arg("addr", 0x7f0000L).arg("len", 4096L).arg("prot", 5L).arg("prev_prot", 3L);
  }

  /**
   * ProtAlertMprotectWXToX as Tracee prints it: the number, or MemProtAlert.String() under
   * argument parsing (v0.24.1's text, and the text Tracee printed before 2023).
   */
  static Stream<Object> firingValues() {
    return Stream.of(4L, "Protection changed from W to E!", "Protection changed from W+E to E!");
  }

  /** ProtAlertMmapWX (Tracee's case), then every other alert, in both printed forms. */
  static Stream<Object> otherValues() {
    return Stream.of(1L, "Mmaped region with W+E permissions!", 2L,
        "Protection changed to Executable!", 3L, "Protection changed from E to W+E!", 0L, 5L);
  }

  /** No alert, a text Tracee does not print, and an alert of the wrong kind. */
  static Stream<Object> unreadableValues() {
    return Stream.of(null, "Unknown alert", "Protection changed from W to E", false);
  }

  @Test
  void readsTheAlertArgumentByNameInAnyOrder() {
    harness.feed(EventBuilder.event("mem_prot_alert").arg("prot", 5L).arg("pathname", "/tmp/x")
        .arg("alert", "Protection changed from W to E!").build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void countsMissingAlertAsDataProblem() {
    harness.feed(EventBuilder.event("mem_prot_alert").arg("prot", 5L).build());
    assertNoFindingButOneDataProblem();
  }
}
