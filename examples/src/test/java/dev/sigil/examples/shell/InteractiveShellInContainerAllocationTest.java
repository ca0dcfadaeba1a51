package dev.sigil.examples.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.AllocationMeter;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractiveShellInContainerAllocationTest {
  private static final long S_IFCHR = 0020000;

  @Test
  void judgingEventsThatDoNotFireAllocatesNothing() {
    Event[] events = {
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("pathname", "/usr/bin/python3").arg("stdin_type", S_IFCHR).build(),
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("pathname", "/bin/bash").arg("stdin_type", 0010000L).build(),
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("pathname", "/bin/sh").arg("stdin_type", "string", "S_IFIFO").build(),
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("pathname", "/bin/bash").arg("stdin_type", S_IFCHR)
            .arg("stdin_path", "/dev/null").build(),
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("pathname", "/bin/busybox").arg("argv", List.of("ls", "-l"))
            .arg("stdin_type", S_IFCHR).build(),
        EventBuilder.event("sched_process_exec").origin(Origin.HOST)
            .arg("pathname", "/bin/bash").arg("stdin_type", S_IFCHR).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER)
            .arg("pathname", "/bin/bash").build(),
    };
    long[] findings = new long[1];
    Engine engine = Engine.builder()
        .add(new InteractiveShellInContainer())
        .onFinding(finding -> findings[0]++)
        .build();

    AllocationMeter.assertZeroAllocation("EX-0001 on non-firing events", 1_000_000,
        i -> engine.accept(events[(int) (i % events.length)]));
    assertEquals(0, findings[0]);
    assertEquals(0, engine.stats().dataProblems());
  }
}
