package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.core.testing.EventBuilder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing by a node's key: by content, stable, spread. */
class PartitionsTest {
  @Test
  void hashesAViewByItsCharactersAsStringDoes() {
    Event first = EventBuilder.event("openat").hostName("node-17").build();
    Event second = EventBuilder.event("openat").hostName("node-17").build();

    // Views hash by identity (hostName().hashCode() differs per view): the reason Text.hash exists.
    assertEquals("node-17".hashCode(), Text.hash(first.hostName()));
    assertEquals(Text.hash(first.hostName()), Text.hash(second.hostName()));
    assertEquals(0, Text.hash(""));
  }

  @Test
  void sendsAViewAndAStringWithTheSameCharactersToTheSamePartition() {
    Event event = EventBuilder.event("openat").hostName("worker-3.example.internal").build();

    assertEquals(Partitions.of("worker-3.example.internal", 8), Partitions.of(event.hostName(), 8));
  }

  @Test
  void isStableAcrossProcessesAndReleases() {
    // Specified in terms of String.hashCode: a fleet may route in one process and run in another.
    int h = "node-1".hashCode();
    assertEquals(Math.floorMod(h ^ (h >>> 16), 7), Partitions.of("node-1", 7));
    assertEquals(Partitions.of(new StringBuilder("node-1"), 7), Partitions.of("node-1", 7));
  }

  @Test
  void spreadsNodesOverEveryPartitionAndStaysInRange() {
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int partition = Partitions.of("node-" + i, 16);
      assertEquals(partition, Math.max(0, Math.min(15, partition)));
      used.add(partition);
    }
    assertEquals(16, used.size());
    assertEquals(0, Partitions.of("anything", 1));
  }

  @Test
  void needsAtLeastOnePartition() {
    assertThrows(IllegalArgumentException.class, () -> Partitions.of("node-1", 0));
  }
}
