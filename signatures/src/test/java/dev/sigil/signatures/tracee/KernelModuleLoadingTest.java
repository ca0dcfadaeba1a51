package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KernelModuleLoadingTest extends ArgumentValueContractTest {
  KernelModuleLoadingTest() {
    super(new KernelModuleLoading(), "security_kernel_read_file");
  }

  @Override
  EventBuilder eventWith(Object type) {
    return EventBuilder.event("security_kernel_read_file").arg("pathname", "/lib/modules/x.ko")
        .arg("dev", 2049L).arg("inode", 99L).arg("type", type).arg("ctime", 1L);
  }

  /** A kernel module's read type as Tracee prints it: parsed, or the kernel's number. */
  static Stream<Object> firingValues() {
    return Stream.of("kernel-module", 2L);
  }

  /**
   * A firmware read type (Tracee's case), then every other read type, in both printed forms
   * (trace.KernelReadType and the kernel's enum).
   */
  static Stream<Object> otherValues() {
    return Stream.of("firmware", 1L, "unknown", 0L, "firmware", 1L, "kexec-image", 3L,
        "kexec-initramfs", 4L, "security-policy", 5L, "x509-certificate", 6L, 7L, -1L);
  }

  /** No type, and a type of the wrong kind. */
  static Stream<Object> unreadableValues() {
    return Stream.of(null, true);
  }

  @Test
  @DisplayName("should trigger detection - init_module")
  void firesOnEveryInitModule() {
    harness.feed(EventBuilder.event("init_module").build());
    assertFiredWithoutDataOn("init_module");
  }

  @Test
  void comparesTheParsedTypeExactly() {
    harness.feed(eventWith("Kernel-Module").build(), eventWith("kernel-module ").build(),
        eventWith("kernel_module").build(), eventWith("kernel-modules").build(),
        eventWith("2").build(), eventWith("").build());

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
  @EnumSource(Origin.class)
  void firesOnInitModuleFromEveryOrigin(Origin origin) {
    harness.feed(EventBuilder.event("init_module").origin(origin).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void ignoresFinitModuleWhichTraceeDoesNotSelect() {
    harness.feed(EventBuilder.event("finit_module").build(),
        EventBuilder.event("security_kernel_post_read_file").arg("type", "kernel-module").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().events());
  }

  @Test
  void reportsEveryRepeatedInitModuleBecauseTraceeDoesNotDeduplicate() {
    harness.feed(EventBuilder.event("init_module").build(),
        EventBuilder.event("init_module").build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingTypeAsDataProblem() {
    harness.feed(EventBuilder.event("security_kernel_read_file").arg("pathname", "/x.ko").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUndecodableTypeAsDataProblem() {
    harness.feed(EventBuilder.event("security_kernel_read_file").invalidArg("type", "string")
        .build());
    assertNoFindingButOneDataProblem();
  }
}
