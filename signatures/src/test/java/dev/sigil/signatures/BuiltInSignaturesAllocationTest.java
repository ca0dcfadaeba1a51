package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.AllocationMeter;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.Test;

/**
 * Proves that the built-in signatures allocate nothing on events they do not fire on, through a
 * real engine running all of them. Runs in a JVM of its own (see the surefire configuration).
 */
class BuiltInSignaturesAllocationTest {
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

  private static Event containerWrite(String pathname, byte[] bytes) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("bytes", bytes).arg("dev", 0x800001L).arg("inode", 7L).build();
  }

  @Test
  void droppedExecutableAllocatesNothingWhenItDoesNotFire() {
    Engine engine = Engine.builder()
        .addAll(Signatures.builtIn())
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    Event[] events = {
        containerWrite("/etc/passwd", "root:x:0:0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        containerWrite("/dev/shm/jit", ELF),
        containerWrite("memfd:jit", ELF),
        containerWrite("/run/shm/x", ELF),
        containerWrite("/bin/x", new byte[] {0x7f, 'E', 'L'}),
        containerWrite("/app/a.zip", new byte[] {0x50, 0x4b, 0x03, 0x04}),
        EventBuilder.event("magic_write").origin(Origin.HOST).arg("pathname", "/usr/bin/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER_INIT).arg("pathname", "/usr/bin/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", "/usr/bin/x").build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).invalidArg("pathname", "string")
            .arg("bytes", ELF).build(),
        EventBuilder.event("openat").origin(Origin.CONTAINER).arg("pathname", "/etc/hosts").build(),
    };

    AllocationMeter.assertZeroAllocation("built-in signatures on non-firing events", 1_000_000,
        i -> engine.accept(events[(int) (i % events.length)]));

    assertEquals(0, engine.stats().findings());
  }
}
