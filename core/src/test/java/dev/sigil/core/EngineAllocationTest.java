package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.AllocationMeter;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that dispatch, and signatures that look at events without firing, allocate nothing.
 * Runs in a JVM of its own (see the surefire configuration).
 */
class EngineAllocationTest {
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

  /** Reads arguments the way real signatures do, and never fires on these events. */
  private static final class ElfInTmp extends FixedSignature {
    long looked;

    ElfInTmp() {
      super(SignatureMetadata.builder("ALLOC-1").build(),
          List.of(Selector.of("magic_write", Origin.CONTAINER), Selector.event("openat")));
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      looked++;
      CharSequence path = event.string(PATHNAME);
      ByteView bytes = event.bytes(BYTES);
      if (path == null) {
        context.dataProblem("no pathname");
        return;
      }
      if (bytes != null && bytes.startsWith(ELF) && Text.startsWith(path, "/tmp/")) {
        context.report(event, java.util.Map.of("path", path.toString()));
      }
    }
  }

  @Test
  void dispatchingEventsThatDoNotFireAllocatesNothing() {
    ElfInTmp signature = new ElfInTmp();
    Engine engine = Engine.builder()
        .add(signature)
        .add(new RecordingSignatureFree("HOST-1", Selector.origin(Origin.HOST)))
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    Event[] events = {
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", "/usr/bin/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", "/tmp/notes.txt")
            .arg("bytes", new byte[] {'h', 'e', 'l', 'l', 'o'}).build(),
        EventBuilder.event("magic_write").origin(Origin.HOST).arg("pathname", "/tmp/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("openat").origin(Origin.HOST).arg("pathname", "/etc/hosts").build(),
        EventBuilder.event("openat").origin(Origin.CONTAINER).build(),
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER_INIT).build(),
        EventBuilder.event("net_packet_dns").origin(Origin.CONTAINER).build(),
    };

    AllocationMeter.assertZeroAllocation("Engine.accept", 1_000_000,
        i -> engine.accept(events[(int) (i % events.length)]));

    assertEquals(0, engine.stats().findings());
    assertTrue(signature.looked > 500_000, "the signature looked at " + signature.looked + " events");
    assertTrue(engine.stats().dataProblems() > 0);
  }

  /** Looks at every host event and does nothing. */
  private static final class RecordingSignatureFree extends FixedSignature {
    RecordingSignatureFree(String id, Selector selector) {
      super(SignatureMetadata.builder(id).build(), List.of(selector));
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      if (event.processName().length() > 100) {
        throw new IllegalStateException("unexpected");
      }
    }
  }
}
