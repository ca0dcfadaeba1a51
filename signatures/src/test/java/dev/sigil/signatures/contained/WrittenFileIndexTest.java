package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WrittenFileIndexTest {
  private static final String A = "container-a";
  private static final String B = "container-b";

  /** Budgets of 10 ELF files, 10 scripts and 10 header prefixes. */
  private static WrittenFileIndex index() {
    return new WrittenFileIndex(new int[] {10, 10, 10});
  }

  /** Records ELF files of inodes 0 to count - 1 on the device, all written by the container. */
  private static void recordElfFiles(WrittenFileIndex index, long dev, int count, String container) {
    for (int i = 0; i < count; i++) {
      index.record(dev, i, HeaderKind.ELF, container);
    }
  }

  @Test
  void eachKindHoldsAtMostItsOwnBudget() {
    WrittenFileIndex index = index();
    index.record(1, 1, HeaderKind.ELF, A);

    for (int i = 0; i < 100; i++) {
      index.record(2, i, HeaderKind.SCRIPT, A);
      index.record(3, i, HeaderKind.HEADER_PREFIX, A);
    }

    assertTrue(index.find(1, 1) >= 0);
    assertEquals(1, index.size(HeaderKind.ELF));
    assertEquals(10, index.size(HeaderKind.SCRIPT));
    assertEquals(10, index.size(HeaderKind.HEADER_PREFIX));
    assertEquals(90, index.evictions(HeaderKind.SCRIPT));
    assertEquals(0, index.evictions(HeaderKind.ELF));
  }

  @Test
  void aContainerAtItsShareEvictsItsOwnLeastRecentlyUsedFile() {
    WrittenFileIndex index = index();
    index.record(1, 0, HeaderKind.ELF, B);
    recordElfFiles(index, 2, 9, A);
    index.find(2, 0); // touched: now A's most recent

    index.record(2, 100, HeaderKind.ELF, A);

    assertTrue(index.find(1, 0) >= 0, "B's file stays");
    assertTrue(index.find(2, 0) >= 0, "A's touched file stays");
    assertEquals(-1, index.find(2, 1), "A's least recently used file went");
  }

  @Test
  void aContainerBelowItsShareTakesTheLeastRecentlyUsedFileOfTheLargest() {
    WrittenFileIndex index = index();
    recordElfFiles(index, 2, 10, A);

    index.record(1, 0, HeaderKind.ELF, B);

    assertEquals(-1, index.find(2, 0));
    assertEquals(10, index.size(HeaderKind.ELF));
    assertEquals(B, index.containerId(index.find(1, 0)));
  }

  @Test
  void aContainerWithinItsShareNeverLosesAFileToAnotherContainer() {
    WrittenFileIndex index = new WrittenFileIndex(new int[] {100, 10, 10});
    Random random = new Random(7);
    recordElfFiles(index, 1, 5, B);
    for (int i = 0; i < 20_000; i++) {
      String attacker = "attacker-" + random.nextInt(8);
      index.record(2, i, HeaderKind.ELF, attacker);
    }

    for (int i = 0; i < 5; i++) {
      assertTrue(index.find(1, i) >= 0, "B's file " + i + " stays: 5 is within 100 / 9");
    }
    assertEquals(100, index.size(HeaderKind.ELF));
  }

  @Test
  void writesWithoutAContainerShareOneOwnerAndKeepAKnownFilesContainer() {
    WrittenFileIndex index = index();
    int entry = index.record(1, 1, HeaderKind.ELF, A);
    index.record(1, 1, HeaderKind.ELF, "");
    int unknown = index.record(1, 2, HeaderKind.ELF, "");

    assertEquals(A, index.containerId(entry));
    assertNull(index.containerId(unknown));
  }

  @Test
  void aFileWrittenAgainByAnotherContainerBecomesThatContainers() {
    WrittenFileIndex index = index();
    index.record(1, 1, HeaderKind.ELF, A);

    int entry = index.record(1, 1, HeaderKind.SCRIPT, B);

    assertEquals(B, index.containerId(entry));
    assertEquals(HeaderKind.SCRIPT, index.kind(entry));
    assertEquals(0, index.size(HeaderKind.ELF));
    assertEquals(1, index.size(HeaderKind.SCRIPT));
  }

  @Test
  void manyContainersComeAndGoWithoutRunningOutOfOwners() {
    WrittenFileIndex index = new WrittenFileIndex(new int[] {3, 1, 1});
    for (int i = 0; i < WrittenFileIndex.MAX_CONTAINERS * 3; i++) {
      index.record(1, i, HeaderKind.ELF, "container-" + i);
    }

    assertEquals(3, index.size(HeaderKind.ELF));
    assertEquals("container-" + (WrittenFileIndex.MAX_CONTAINERS * 3 - 1),
        index.containerId(index.find(1, WrittenFileIndex.MAX_CONTAINERS * 3 - 1)));
  }

  @Test
  void aBudgetBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WrittenFileIndex(new int[] {1, 0, 1}));
  }
}
