package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LruIndexTest {
  private record Key(long a, long b) {}

  @Test
  void behavesLikeAnAccessOrderedMapUnderRandomUse() {
    for (int capacity : new int[] {1, 2, 7, 64, 300}) {
      Random random = new Random(capacity);
      LruIndex index = new LruIndex(capacity);
      Map<Key, Long> model = new LinkedHashMap<>(16, 0.75f, true);
      long modelEvictions = 0;
      for (int step = 0; step < 20_000; step++) {
        // Few distinct values so that keys collide and repeat; same inode on two devices too.
        Key key = new Key(random.nextInt(4), random.nextInt(capacity * 3 + 1));
        int entry = index.find(key.a(), key.b());
        Long expected = model.get(key);
        assertEquals(expected == null, entry < 0, "presence of " + key + " at step " + step);
        if (entry >= 0) {
          assertEquals((long) expected, index.value(entry));
          index.touch(entry);
        } else {
          if (model.size() == capacity) {
            Key eldest = model.keySet().iterator().next();
            model.remove(eldest);
            modelEvictions++;
          }
          model.put(key, (long) step);
          index.value(index.insert(key.a(), key.b()), step);
        }
        assertEquals(model.size(), index.size());
      }
      assertEquals(modelEvictions, index.evictions());
      List<Key> order = new ArrayList<>();
      for (int e = index.oldest(); e >= 0; e = index.newerThan(e)) {
        order.add(new Key(index.keyA(e), index.keyB(e)));
      }
      assertEquals(new ArrayList<>(model.keySet()), order, "recency order, capacity " + capacity);
    }
  }

  @Test
  void tellsKeysWithTheSameSecondHalfApart() {
    LruIndex index = new LruIndex(8);
    index.insert(2049, 777);
    assertEquals(-1, index.find(2050, 777));
  }

  @Test
  void startsEmptyAgainAfterClear() {
    LruIndex index = new LruIndex(4);
    index.insert(1, 1);
    index.clear();
    assertEquals(0, index.size());
    assertEquals(-1, index.find(1, 1));
    assertEquals(-1, index.oldest());
  }

  @Test
  void rejectsAZeroCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new LruIndex(0));
  }

  @Test
  void removedEntriesLeaveTheOthersFindableAndTheirNumbersAreReused() {
    for (int capacity : new int[] {1, 3, 64, 300}) {
      Random random = new Random(capacity);
      LruIndex index = new LruIndex(capacity);
      Map<Key, Integer> model = new LinkedHashMap<>();
      for (int step = 0; step < 20_000; step++) {
        Key key = new Key(random.nextInt(3), random.nextInt(capacity * 2 + 1));
        int entry = index.find(key.a(), key.b());
        assertEquals(model.containsKey(key), entry >= 0, "presence of " + key + " at step " + step);
        if (entry >= 0 && random.nextBoolean()) {
          index.remove(entry);
          model.remove(key);
        } else if (entry < 0 && model.size() < capacity) {
          int inserted = index.insert(key.a(), key.b());
          assertEquals(true, inserted < capacity, "numbers stay below the capacity");
          model.put(key, inserted);
        }
        assertEquals(model.size(), index.size());
      }
      assertEquals(0, index.evictions(), "removals are not evictions");
    }
  }
}
