package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyscallTableHookingTest {
  @Test
  void metadataIsTracees() {
    var m = SyscallTableHooking.METADATA;
    assertEquals("TRC-1030", m.id());
    assertEquals("1", m.version());
    assertEquals("Syscall table hooking detected", m.name());
    assertEquals("syscall_hooking", m.eventName());
    assertEquals("Syscall table hooking detected. Syscalls (system calls) are the interface between"
        + " user applications and the kernel. By hooking the syscall table an adversary gains"
        + " control on certain system function, such as file writing and reading or other basic"
        + " function performed by the operation system. The adversary may also hijack the"
        + " execution flow and execute it's own code. Syscall table hooking is considered a"
        + " malicious behavior that is performed by rootkits and may indicate that the host's"
        + " kernel has been compromised. Hidden modules are marked as hidden symbol owners and"
        + " indicate further malicious activity of an adversary.", m.description());
    assertEquals(Severity.HIGH, m.severity());
    assertEquals("defense-evasion", m.category());
    assertEquals("Rootkit", m.technique());
    assertEquals("", m.kubernetesTechnique());
    assertEquals("T1014", m.mitreTechniqueId());
    assertEquals("attack-pattern--0f20e3cb-245b-4a61-8a91-2d93f7cb0e9b", m.mitreStixId());
  }

  @Test
  @DisplayName("should trigger detection")
  void firesOnAHookedSyscall() {
    SignatureHarness harness = SignatureHarness.of(new SyscallTableHooking());
    harness.feed(EventBuilder.event("hooked_syscall").arg("hooked_syscall", Map.of(
        "syscall_name", "kill", "hooked.address", "0xdeadbeef",
        "hooked.function_name", "hooked_kill", "hooked.owner", "rootkit")).build());
    Finding finding = harness.only();
    assertSame(SyscallTableHooking.METADATA, finding.metadata());
    assertTrue(finding.data().isEmpty());
  }

  @Test
  void firesOnTheArgumentsTraceePrintsWithoutReadingThem() {
    SignatureHarness harness = SignatureHarness.of(new SyscallTableHooking());
    harness.feed(
        EventBuilder.event("hooked_syscall").arg("syscall", "kill").arg("address", "ffffffffc0a01000")
            .arg("function", "hooked_kill").arg("owner", "diamorphine").build(),
        EventBuilder.event("hooked_syscall").build());
    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @Test
  void everyOriginIsWatched() {
    SignatureHarness harness = SignatureHarness.of(new SyscallTableHooking());
    harness.feed(
        EventBuilder.event("hooked_syscall").origin(Origin.HOST).build(),
        EventBuilder.event("hooked_syscall").origin(Origin.CONTAINER_INIT).build(),
        EventBuilder.event("hooked_syscall").origin(Origin.CONTAINER).build(),
        EventBuilder.event("hooked_seq_ops").origin(Origin.HOST).build());
    assertEquals(3, harness.findings().size());
    assertEquals(3, harness.stats().events());
  }
}
