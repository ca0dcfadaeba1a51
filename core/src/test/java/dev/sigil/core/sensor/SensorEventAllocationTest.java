package dev.sigil.core.sensor;

import static dev.sigil.core.sensor.SensorKeys.ARGV;
import static dev.sigil.core.sensor.SensorKeys.BYTES;
import static dev.sigil.core.sensor.SensorKeys.EXEC;
import static dev.sigil.core.sensor.SensorKeys.FROM_KERNEL;
import static dev.sigil.core.sensor.SensorKeys.INODE;
import static dev.sigil.core.sensor.SensorKeys.PATHNAME;
import static dev.sigil.core.sensor.SensorKeys.REMOTE;
import static dev.sigil.core.sensor.SensorKeys.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ByteView;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import dev.sigil.core.testing.AllocationMeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that a sensor's steady state (clear, fill, accept) allocates nothing. Runs in a JVM of
 * its own (see the surefire configuration).
 */
class SensorEventAllocationTest {

  /** Reads every argument the way signatures do, and never fires. */
  private static final class Reader extends FixedSignature {
    long seen;

    Reader() {
      super(SignatureMetadata.builder("SENSOR-ALLOC").build(),
          List.of(Selector.event(EXEC), Selector.of(WRITE, Origin.CONTAINER)));
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      CharSequence path = event.string(PATHNAME);
      StringList argv = event.strings(ARGV);
      ByteView bytes = event.bytes(BYTES);
      CharSequence address = event.field(REMOTE, "sin_addr");
      if (path != null && argv != null && Text.startsWith(path, "/nowhere/")
          && event.longValue(INODE, 0) < 0 && event.bool(FROM_KERNEL, false)
          && bytes != null && address != null) {
        context.report(event, java.util.Map.of("path", path.toString()));
      }
      seen++;
    }
  }

  @Test
  void clearingFillingAndAcceptingAllocatesNothing() {
    Reader reader = new Reader();
    Engine engine = Engine.builder().add(reader)
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    SensorEvent event = new SensorEvent();
    // What a sensor keeps and refills: its own buffers, re-used for every event.
    StringBuilder path = new StringBuilder(64);
    List<CharSequence> argv = new ArrayList<>(List.of(new StringBuilder("sh"),
        new StringBuilder("-c"), new StringBuilder("id")));
    byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    String[] hosts = {"node-1", "node-2"};
    String remote = "{\"sa_family\":\"AF_INET\",\"sin_addr\":\"10.0.0.1\",\"sin_port\":\"53\"}";

    AllocationMeter.assertZeroAllocation("SensorEvent clear + fill + Engine.accept", 1_000_000, i -> {
      path.setLength(0);
      path.append("/usr/bin/tool-").append((char) ('a' + (i & 7)));
      if ((i & 1) == 0) {
        event.clear().type(EXEC).timestamp(i).hostName(hosts[(int) (i & 1)]).processName("sh")
            .hostProcessId((int) i).hostParentProcessId(1)
            .containerId("c0ffee").containerStarted(true)
            .addString(PATHNAME, path).addStrings(ARGV, argv).addLong(INODE, i)
            .addBool(FROM_KERNEL, false).addRawJson(REMOTE, remote);
      } else {
        event.clear().eventName("magic_write").timestamp(i).containerId("c0ffee")
            .containerStarted(true).addString("pathname", path).addBytes(BYTES, header, 0, 4)
            .addLong("dev", 2049).declaredType("dev_t");
      }
      engine.accept(event);
    });

    assertTrue(reader.seen > 1_000_000, "the signature saw " + reader.seen + " events");
    assertEquals(0, engine.stats().findings());
  }
}
