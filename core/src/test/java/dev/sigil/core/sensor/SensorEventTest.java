package dev.sigil.core.sensor;

import static dev.sigil.core.sensor.SensorKeys.ARGV;
import static dev.sigil.core.sensor.SensorKeys.BYTES;
import static dev.sigil.core.sensor.SensorKeys.EXEC;
import static dev.sigil.core.sensor.SensorKeys.FROM_KERNEL;
import static dev.sigil.core.sensor.SensorKeys.INODE;
import static dev.sigil.core.sensor.SensorKeys.PATHNAME;
import static dev.sigil.core.sensor.SensorKeys.REMOTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.EventType;
import dev.sigil.core.Finding;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An embedder's own sensor fills a re-usable event and hands it to the engine. */
class SensorEventTest {

  private static SensorEvent exec(SensorEvent event) {
    return event.clear()
        .type(EXEC).timestamp(1_700_000_000_000_000_000L).hostName("node-1")
        .processName("sh").hostProcessId(4242).hostParentProcessId(2)
        .containerId("c0ffee").containerStarted(true)
        .addString(PATHNAME, "/bin/sh")
        .addStrings(ARGV, List.of("sh", "-c", "id"))
        .addBytes(BYTES, new byte[] {9, 0x7f, 'E', 'L', 'F', 9}, 1, 4)
        .addLong(INODE, 1234L)
        .addBool(FROM_KERNEL, true)
        .addRawJson(REMOTE, "{\"sin_addr\":\"10.0.0.1\",\"sin_port\":\"53\"}");
  }

  @Test
  void readsBackWhatTheSensorFilled() {
    Event event = exec(new SensorEvent());

    assertSame(EXEC, event.type());
    assertEquals("sched_process_exec", event.eventName().toString());
    assertEquals(Origin.CONTAINER, event.origin());
    assertEquals("node-1", event.hostName().toString());
    assertEquals(2, event.hostParentProcessId());
    assertEquals("/bin/sh", String.valueOf(event.string(PATHNAME)));
    assertEquals(List.of("sh", "-c", "id"), event.strings(ARGV).toList());
    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, event.bytes(BYTES).toByteArray());
    assertEquals(1234L, event.longValue(INODE, -1));
    assertTrue(event.bool(FROM_KERNEL, false));
    assertEquals("10.0.0.1", String.valueOf(event.field(REMOTE, "sin_addr")));
    assertEquals(List.of("string", "[]string", "[]byte", "int64", "bool", "object"), types(event));
  }

  private static List<String> types(Event event) {
    List<String> types = new ArrayList<>();
    for (int i = 0; i < event.argCount(); i++) {
      types.add(event.argType(i).toString());
    }
    return types;
  }

  @Test
  void clearForgetsTheLastEventButKeepsTheStorage() {
    SensorEvent event = exec(new SensorEvent());

    event.clear().eventName("openat");

    assertEquals(0, event.argCount());
    assertEquals("", event.hostName().toString());
    assertEquals(Origin.HOST, event.origin());
    assertNull(event.string(PATHNAME));
    assertEquals(0, event.timestamp());
  }

  @Test
  void argumentsCanBeNamedByTextAndStillReadByKey() {
    SensorEvent event = new SensorEvent().eventName("openat")
        .addString("pathname", "/etc/shadow").addLong("flags", 0).declaredType("int32");

    assertEquals("/etc/shadow", String.valueOf(event.string(PATHNAME)));
    assertEquals(0, event.longValue(ArgKey.of("flags"), -1));
    assertEquals("int32", event.argType(1).toString());
    assertEquals(ArgKind.LONG, event.argKind(1));
  }

  @Test
  void anEventNameNothingRegisteredIsUnregisteredAndDoesNotGrowTheRegistry() {
    String name = "sensor_only_" + System.nanoTime();
    SensorEvent event = new SensorEvent().eventName(name);

    assertSame(EventType.UNREGISTERED, event.type());
    assertEquals(name, event.eventName().toString());
    assertSame(EXEC, new SensorEvent().eventName("sched_process_exec").type());
  }

  @Test
  void rejectsMisuse() {
    SensorEvent event = new SensorEvent();

    assertThrows(IllegalStateException.class, () -> event.declaredType("string"));
    assertThrows(IllegalArgumentException.class, () -> event.addString("", "x"));
    assertThrows(IndexOutOfBoundsException.class, () -> event.addBytes(BYTES, new byte[2], 1, 2));
  }

  @Test
  void copiesItsValuesSoTheSensorMayReuseItsBuffers() {
    StringBuilder path = new StringBuilder("/bin/sh");
    byte[] bytes = {1, 2, 3};
    List<StringBuilder> argv = List.of(new StringBuilder("sh"));
    SensorEvent event = new SensorEvent().type(EXEC)
        .addString(PATHNAME, path).addBytes(BYTES, bytes, 0, 3).addStrings(ARGV, argv);

    path.setLength(0);
    bytes[0] = 9;
    argv.get(0).append("ell");

    assertEquals("/bin/sh", String.valueOf(event.string(PATHNAME)));
    assertEquals(1, event.bytes(BYTES).byteAt(0));
    assertEquals("sh", event.strings(ARGV).get(0).toString());
  }

  @Test
  void theEngineDispatchesItAndFindingsSnapshotIt() {
    List<Finding> findings = new ArrayList<>();
    Signature shell = new FixedSignature(SignatureMetadata.builder("SENSOR-1").build(),
        List.of(Selector.of(EXEC, Origin.CONTAINER))) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        context.report(event, Map.of("path", String.valueOf(event.string(PATHNAME))));
      }
    };
    Engine engine = Engine.builder().add(shell).onFinding(findings::add).build();
    SensorEvent event = new SensorEvent();

    engine.accept(exec(event));
    engine.accept(event.clear().type(EXEC).addString(PATHNAME, "/on/the/host"));

    assertEquals(1, findings.size());
    EventSnapshot snapshot = findings.get(0).event();
    exec(event).clear();
    assertEquals("/bin/sh", snapshot.string(PATHNAME));
    assertEquals(List.of("sh", "-c", "id"), snapshot.strings(ARGV).toList());
    assertFalse(snapshot.hostName().isEmpty());
  }
}
