package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CLOEXEC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TRC-109 aslr_inspection")
class AslrInspectionTest {
  private static final String ASLR = "/proc/sys/kernel/randomize_va_space";
  private final SignatureHarness harness = SignatureHarness.of(new AslrInspection());

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").arg("flags", flags).arg("pathname", pathname);
  }

  private void assertFires(Event event) {
    harness.feed(event);
    Finding finding = harness.only();
    assertSame(AslrInspection.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(ASLR, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertSilent(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(0, harness.stats().dataProblems());
  }

  private void assertDataProblem(Event event) {
    harness.feed(event);
    assertEquals(List.of(), harness.findings());
    assertEquals(1, harness.stats().dataProblems());
  }

  @Test
  void carriesTraceesExactMetadataAndSelectors() {
    SignatureMetadata m = AslrInspection.METADATA;
    assertEquals("TRC-109", m.id());
    assertEquals("1", m.version());
    assertEquals("ASLR inspection detected", m.name());
    assertEquals("aslr_inspection", m.eventName());
    assertEquals("The ASLR (address space layout randomization) configuration was inspected. ASLR"
        + " is used by Linux to prevent memory vulnerabilities. An adversary may want to inspect"
        + " and change the ASLR configuration in order to avoid detection.", m.description());
    assertEquals(0, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Exploitation for Privilege Escalation", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1068", m.mitreTechniqueId());
    assertEquals("attack-pattern--b21c3b2d-02e6-45b1-980b-e69051040839", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    AslrInspection signature = new AslrInspection();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.event("security_file_open")), signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection")
    void firesOnReadingRandomizeVaSpace(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresWritingRandomizeVaSpace(OpenFlagsForm flags) {
      // Tracee's case lists pathname before flags: arguments are found by name in any order.
      assertSilent(EventBuilder.event("security_file_open").arg("pathname", ASLR)
          .arg("flags", flags.of(O_WRONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresReadingAnotherKernelSetting(OpenFlagsForm flags) {
      assertSilent(open("/proc/sys/kernel/yo", flags.of(O_RDONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDWR)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnReadingWithFurtherFlags(OpenFlagsForm flags) {
      assertFires(open(ASLR, flags.of(O_RDONLY | O_CLOEXEC)).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(Origin.class)
    void firesFromEveryOrigin(Origin origin) {
      assertFires(open(ASLR, O_RDONLY).origin(origin).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/proc/sys/kernel/randomize_va_space/", "/proc/sys//kernel/randomize_va_space",
        "proc/sys/kernel/randomize_va_space", "/host/proc/sys/kernel/randomize_va_space",
        "/proc/sys/kernel/randomize_va_space2", "/proc/sys/kernel/randomize_va_spac", ""})
    void ignoresPathsThatAreNotExactlyRandomizeVaSpace(String path) {
      harness.feed(open(path, O_RDONLY).build(), open(path, "O_RDONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @Test
    void ignoresOtherEvents() {
      harness.feed(EventBuilder.event("openat").arg("pathname", ASLR).arg("flags", O_RDONLY).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @Test
    void countsAnOpenWithoutPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", O_RDONLY).build());
    }

    @Test
    void countsAnOpenWithANumericPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("flags", O_RDONLY)
          .arg("pathname", 1L).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").arg("pathname", ASLR).build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open(ASLR, null).build());
    }
  }
}
