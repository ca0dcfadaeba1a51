package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
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

@DisplayName("TRC-1031 system_request_key_mod")
class SystemRequestKeyConfigModificationTest {
  private final SignatureHarness harness =
      SignatureHarness.of(new SystemRequestKeyConfigModification());

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("flags", flags);
  }

  private void assertFires(String pathname, Object flags) {
    harness.feed(open(pathname, flags).build());
    Finding finding = harness.only();
    assertSame(SystemRequestKeyConfigModification.METADATA, finding.metadata());
    assertEquals(Map.of(), finding.data());
    assertEquals(pathname, String.valueOf(finding.event().string(ArgKey.of("pathname"))));
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
    SignatureMetadata m = SystemRequestKeyConfigModification.METADATA;
    assertEquals("TRC-1031", m.id());
    assertEquals("1", m.version());
    assertEquals("System request key configuration modification", m.name());
    assertEquals("system_request_key_mod", m.eventName());
    assertEquals("An attempt to modify and activate the System Request Key configuration file was"
        + " detected. The system request key allows immediate input to the kernel through simple"
        + " key combinations. Adversaries may use this feature to immediately shut down or restart"
        + " a system. With read access to kernel logs, host related information such as listing"
        + " tasks and CPU registers may be disclosed and could be used for container escape.",
        m.description());
    assertEquals(3, m.severity().traceeValue());
    assertEquals("privilege-escalation", m.category());
    assertEquals("Escape to Host", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1611", m.mitreTechniqueId());
    assertEquals("attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    SystemRequestKeyConfigModification signature = new SystemRequestKeyConfigModification();
    assertSame(m, signature.metadata());
    assertEquals(List.of(Selector.of("security_file_open", Origin.CONTAINER)), signature.selectors());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should trigger detection")
    void firesOnWritingProcSysKernelSysrq(OpenFlagsForm flags) {
      assertFires("/proc/sys/kernel/sysrq", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadingProcSysKernelSysrq(OpenFlagsForm flags) {
      assertSilent(open("/proc/sys/kernel/sysrq", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWritingAnotherFile(OpenFlagsForm flags) {
      assertSilent(open("/tmp/something", flags.of(O_WRONLY)).build());
    }
  }

  @Nested
  @DisplayName("Sigil's edge cases")
  class EdgeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnWritingTheSecondPathProcSysrqTrigger(OpenFlagsForm flags) {
      assertFires("/proc/sysrq-trigger", flags.of(O_WRONLY));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
      assertFires("/proc/sysrq-trigger", flags.of(O_RDWR));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void firesOnWritingWithTruncation(OpenFlagsForm flags) {
      assertFires("/proc/sys/kernel/sysrq", flags.of(O_WRONLY | O_TRUNC));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void ignoresReadingTheSecondPath(OpenFlagsForm flags) {
      assertSilent(open("/proc/sysrq-trigger", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/proc/sys/kernel/sysrq/", "/proc/sys/kernel//sysrq", "proc/sysrq-trigger",
        "/host/proc/sysrq-trigger", "/proc/sysrq-trigger2", "/proc/sys/kernel", "/proc/1/sysrq-trigger",
        ""})
    void ignoresPathsThatAreNotExactlyASysrqFile(String path) {
      harness.feed(open(path, O_WRONLY).build(), open(path, "O_WRONLY").build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().dataProblems());
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = Origin.class, names = {"HOST", "CONTAINER_INIT"})
    void ignoresOpensOutsideAStartedContainer(Origin origin) {
      harness.feed(open("/proc/sysrq-trigger", O_WRONLY).origin(origin).build());
      assertEquals(List.of(), harness.findings());
      assertEquals(0, harness.stats().events());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void neverLooksAtThePathnameOfAnOpenForReadingAsTraceeDoesNot(OpenFlagsForm flags) {
      assertSilent(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", flags.of(O_RDONLY)).build());
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @EnumSource(OpenFlagsForm.class)
    void countsAnOpenForWritingWithoutPathnameAsADataProblem(OpenFlagsForm flags) {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", flags.of(O_WRONLY)).build());
    }

    @Test
    void countsAnOpenForWritingWithANumericPathnameAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", 7L).arg("flags", O_WRONLY).build());
    }

    @Test
    void countsAnOpenWithoutFlagsAsADataProblem() {
      assertDataProblem(EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", "/proc/sysrq-trigger").build());
    }

    @Test
    void countsAnOpenWithNullFlagsAsADataProblem() {
      assertDataProblem(open("/proc/sysrq-trigger", null).build());
    }
  }
}
