package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.NonFiringEvents.assertAllocateNothing;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that TRC-102, 103, 104, 105, 1016, 1017, 1024 and 1025 allocate nothing on events they
 * do not fire on, including events whose arguments are printed parsed and events they count as
 * data problems, through a real engine. Runs in a JVM of its own (see the surefire configuration).
 */
class InjectionAndEvasionSignaturesAllocationTest {
  @Test
  void allocateNothingWhenTheyDoNotFire() {
    Engine engine = Engine.builder()
        .addAll(List.of(new AntiDebugging(), new PtraceCodeInjection(), new DynamicCodeLoading(),
            new FilelessExecution(), new IllegitimateShell(), new KernelModuleLoading(),
            new ProcMemCodeInjection(), new ProcessVmWriteCodeInjection()))
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    Event[] events = {
        EventBuilder.event("ptrace").arg("request", 16L).arg("pid", 7L).build(),
        EventBuilder.event("ptrace").origin(Origin.CONTAINER).arg("request", "PTRACE_ATTACH").build(),
        EventBuilder.event("ptrace").arg("request", "PTRACE_BOGUS").build(),
        EventBuilder.event("mem_prot_alert").arg("alert", 1L).build(),
        EventBuilder.event("mem_prot_alert").arg("alert", "Protection changed to Executable!").build(),
        EventBuilder.event("sched_process_exec").arg("pathname", "/usr/bin/ls").build(),
        EventBuilder.event("sched_process_exec").arg("pathname", 3L).build(),
        EventBuilder.event("security_bprm_check").processName("bash").arg("pathname", "/bin/sh").build(),
        EventBuilder.event("security_bprm_check").processName("nginx").arg("pathname", "/usr/bin/id")
            .build(),
        EventBuilder.event("security_kernel_read_file").arg("type", "firmware").build(),
        EventBuilder.event("security_kernel_read_file").arg("type", 1L).build(),
        EventBuilder.event("security_file_open").arg("pathname", "/proc/543/mem").arg("flags", 0L)
            .build(),
        EventBuilder.event("security_file_open").arg("pathname", "/proc/543/maps")
            .arg("flags", "O_RDWR|O_CLOEXEC").build(),
        EventBuilder.event("security_file_open").arg("pathname", "/proc/self/task/12/mem")
            .arg("flags", 1L).build(),
        EventBuilder.event("security_file_open").arg("pathname", "/etc/passwd")
            .arg("flags", "O_WRONLY|O_CREAT|O_TRUNC").build(),
        EventBuilder.event("security_file_open").arg("pathname", "/proc/543/mem").build(),
        EventBuilder.event("process_vm_writev").pids(9, 9, 1).arg("pid", 9L).build(),
        EventBuilder.event("process_vm_writev").pids(9, 9, 1).build(),
    };

    assertAllocateNothing("injection and evasion signatures on non-firing events", engine, events);
  }
}
