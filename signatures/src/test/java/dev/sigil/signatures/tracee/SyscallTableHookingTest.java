package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyscallTableHookingTest {
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
