package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.ArgKey;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.internal.Registries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceeReaderArgKeyTest {
  /** An {@code openat} line with one argument; the value is JSON text. */
  private static String openat(String argName, String type, String value) {
    return "{\"timestamp\":1,\"eventName\":\"openat\",\"args\":[{\"name\":\"" + argName
        + "\",\"type\":\"" + type + "\",\"value\":" + value + "}]}\n";
  }

  @Test
  void anArgumentDecodedBeforeItsKeyExistedIsStillFoundByName() {
    String name = "late_arg_" + System.nanoTime();
    byte[] line = openat(name, "string", "\"found\"").getBytes(StandardCharsets.UTF_8);
    List<String> values = new ArrayList<>();
    List<EventSnapshot> snapshots = new ArrayList<>();

    TraceeReader.builder().build().read(line, 0, line.length, event -> {
      snapshots.add(event.copy());
      values.add(String.valueOf(event.string(ArgKey.of(name))));
    });

    assertEquals(List.of("found"), values);
    assertEquals("found", snapshots.get(0).string(ArgKey.of(name)));
  }

  @Test
  void anArgumentOfALineShapeSeenBeforeItsKeyExistedIsFoundByThatKey() {
    String name = "late_shape_arg_" + System.nanoTime();
    String line = openat(name, "string", "\"found\"");
    byte[] lines = (line + line + line).getBytes(StandardCharsets.UTF_8);
    List<String> values = new ArrayList<>();
    ArgKey[] key = new ArgKey[1];

    // The reader remembers the first line's shape, name and key id (none yet) for the next ones.
    TraceeReader.builder().build().read(lines, 0, lines.length, event -> {
      if (key[0] == null) {
        key[0] = ArgKey.of(name);
      }
      values.add(String.valueOf(event.string(key[0])));
    });

    assertEquals(List.of("found", "found", "found"), values);
  }

  @Test
  void snapshotsDoNotRegisterArgumentNames() {
    String name = "snapshot_only_" + System.nanoTime();
    byte[] line = openat(name, "int", "7").getBytes(StandardCharsets.UTF_8);
    List<EventSnapshot> snapshots = new ArrayList<>();

    TraceeReader.builder().build().read(line, 0, line.length, event -> snapshots.add(event.copy()));

    assertEquals(-1, Registries.ARG_NAMES.find(name));
    assertEquals(7, snapshots.get(0).longValue(ArgKey.of(name), -1));
  }
}
