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

class KernelModuleLoadingTest {
  private final SignatureHarness harness = SignatureHarness.of(new KernelModuleLoading());

  /** A kernel module's read type as Tracee prints it: parsed, or the kernel's number. */
  static Stream<Object> kernelModule() {
    return Stream.of("kernel-module", 2L);
  }

  /** A firmware read type in both printed forms. */
  static Stream<Object> firmware() {
    return Stream.of("firmware", 1L);
  }

  /** Every other read type in both printed forms (trace.KernelReadType and the kernel's enum). */
  static Stream<Object> otherReadTypes() {
    return Stream.of("unknown", 0L, "firmware", 1L, "kexec-image", 3L, "kexec-initramfs", 4L,
        "security-policy", 5L, "x509-certificate", 6L, 7L, -1L);
  }

  private static EventBuilder read(Object type) {
    return EventBuilder.event("security_kernel_read_file").arg("pathname", "/lib/modules/x.ko")
        .arg("dev", 2049L).arg("inode", 99L).arg("type", type).arg("ctime", 1L);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection - init_module")
    void firesOnEveryInitModule() {
      harness.feed(EventBuilder.event("init_module").build());

      Finding finding = harness.only();
      assertEquals(KernelModuleLoading.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
      assertEquals("init_module", finding.event().eventName());
    }

    @ParameterizedTest(name = "type printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.KernelModuleLoadingTest#kernelModule")
    @DisplayName("should trigger detection - security_kernel_read_file")
    void firesOnReadingAKernelModule(Object type) {
      harness.feed(read(type).build());

      Finding finding = harness.only();
      assertEquals(KernelModuleLoading.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
      assertEquals("security_kernel_read_file", finding.event().eventName());
    }

    @ParameterizedTest(name = "type printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.KernelModuleLoadingTest#firmware")
    @DisplayName("should not trigger detection - security_kernel_read_file wrong type")
    void ignoresReadingFirmware(Object type) {
      harness.feed(read(type).build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @Test
  void carriesTraceesExactMetadata() {
    SignatureMetadata m = KernelModuleLoading.METADATA;
    assertEquals("TRC-1017", m.id());
    assertEquals("1", m.version());
    assertEquals("Kernel module loading detected", m.name());
    assertEquals("kernel_module_loading", m.eventName());
    assertEquals("Loading of a kernel module was detected. Kernel modules are binaries meant to run"
        + " in the kernel. Adversaries may try and load kernel modules to extend their capabilities"
        + " and avoid detection by running in the kernel and not user space.", m.description());
    assertEquals(2, m.severity().traceeValue());
    assertEquals("persistence", m.category());
    assertEquals("Kernel Modules and Extensions", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1547.006", m.mitreTechniqueId());
    assertEquals("attack-pattern--a1b52199-c8c5-438a-9ded-656f1d0888c6", m.mitreStixId());
    assertEquals(List.of(), m.tags());
    assertEquals(Map.of(), m.extraProperties());
    assertEquals(List.of(Selector.event("init_module"), Selector.event("security_kernel_read_file")),
        new KernelModuleLoading().selectors());
  }

  @ParameterizedTest(name = "type printed as {0}")
  @MethodSource("dev.sigil.signatures.tracee.KernelModuleLoadingTest#otherReadTypes")
  void ignoresEveryOtherReadType(Object type) {
    harness.feed(read(type).build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
  }

  @Test
  void comparesTheParsedTypeExactly() {
    harness.feed(read("Kernel-Module").build(), read("kernel-module ").build(),
        read("kernel_module").build(), read("kernel-modules").build(), read("2").build(),
        read("").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems(), "any text is a type Tracee could compare");
  }

  @Test
  void firesOnInitModuleWithWhateverArguments() {
    harness.feed(EventBuilder.event("init_module").arg("module_image", 0x7f00L).arg("len", 4096L)
            .arg("param_values", "").build(),
        EventBuilder.event("init_module").arg("type", "firmware").build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.sigil.signatures.tracee.AntiDebuggingTest#origins")
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(EventBuilder.event("init_module").origin(origin).build(),
        read("kernel-module").origin(origin).build(), read(2L).origin(origin).build());

    assertEquals(3, harness.findings().size());
  }

  @Test
  void ignoresFinitModuleWhichTraceeDoesNotSelect() {
    harness.feed(EventBuilder.event("finit_module").build(),
        EventBuilder.event("security_kernel_post_read_file").arg("type", "kernel-module").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().events());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(EventBuilder.event("init_module").build(), EventBuilder.event("init_module").build(),
        read("kernel-module").build(), read(2L).build());

    assertEquals(4, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingTypeAsDataProblem() {
    harness.feed(EventBuilder.event("security_kernel_read_file").arg("pathname", "/x.ko").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullTypeAsDataProblem() {
    harness.feed(read(null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsTypeOfWrongKindAsDataProblem() {
    harness.feed(read(true).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableTypeAsDataProblem() {
    harness.feed(EventBuilder.event("security_kernel_read_file").invalidArg("type", "string")
        .build());
    assertNoFindingButOneDataProblem();
  }

  private void assertNoFindingButOneDataProblem() {
    assertTrue(harness.findings().isEmpty());
    assertEquals(1, harness.stats().dataProblems());
    assertEquals(0, harness.stats().errors());
  }
}
