package dev.sigil.signatures.contained;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A bounded map keyed by two {@code long}s, with least-recently-used eviction, that allocates
 * nothing on lookups, on touches and on inserts once its arrays have grown: open addressing with
 * linear probing over entry numbers, and the recency list threaded through {@code int} arrays.
 *
 * <p>Each entry carries a {@code long} value, an {@code int} of flags and one object (an
 * attachment the caller allocates, such as a container id). Entries are numbered; a number
 * stays valid until the entry is evicted or removed, and a removed entry's number is given to
 * the next insert. The arrays start small and double up to the capacity, so an index that is
 * never filled stays small. Single-threaded.
 */
final class LruIndex {
  private static final int EMPTY = 0;
  private static final int NONE = -1;

  private final int capacity;
  private long[] keyA;
  private long[] keyB;
  private long[] values;
  private int[] flags;
  private @Nullable Object[] attachments;
  private int[] newer;
  private int[] older;
  private int[] table;
  private int mask;
  private int size;
  /** Entry numbers handed out so far; those below it and not free are in use. */
  private int allocated;
  /** Removed entries, linked through {@code newer}, reused before new numbers. */
  private int free = NONE;
  private int newest = NONE;
  private int oldest = NONE;
  private long evictions;

  /**
   * Creates an empty index.
   *
   * @param capacity the most entries it holds; at least 1
   */
  LruIndex(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    allocate(Math.min(capacity, 64));
  }

  private void allocate(int entries) {
    keyA = keyA == null ? new long[entries] : Arrays.copyOf(keyA, entries);
    keyB = keyB == null ? new long[entries] : Arrays.copyOf(keyB, entries);
    values = values == null ? new long[entries] : Arrays.copyOf(values, entries);
    flags = flags == null ? new int[entries] : Arrays.copyOf(flags, entries);
    attachments = attachments == null ? new Object[entries] : Arrays.copyOf(attachments, entries);
    newer = newer == null ? new int[entries] : Arrays.copyOf(newer, entries);
    older = older == null ? new int[entries] : Arrays.copyOf(older, entries);
    int tableSize = Integer.highestOneBit(Math.max(2, entries) * 2 - 1) << 1;
    table = new int[tableSize];
    mask = tableSize - 1;
    // Grown only when no entry is free, so every number below allocated is in use.
    for (int e = 0; e < allocated; e++) {
      place(e);
    }
  }

  private static int hash(long a, long b) {
    long h = a * 0x9E3779B97F4A7C15L + b;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  private void place(int entry) {
    int slot = hash(keyA[entry], keyB[entry]) & mask;
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
  }

  /**
   * Finds an entry without changing its recency.
   *
   * @param a the first key
   * @param b the second key
   * @return the entry's number, or -1
   */
  int find(long a, long b) {
    int slot = hash(a, b) & mask;
    while (true) {
      int stored = table[slot];
      if (stored == EMPTY) {
        return NONE;
      }
      int entry = stored - 1;
      if (keyA[entry] == a && keyB[entry] == b) {
        return entry;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Makes an entry the most recently used.
   *
   * @param entry the entry's number
   */
  void touch(int entry) {
    if (entry == newest) {
      return;
    }
    unlink(entry);
    linkNewest(entry);
  }

  /**
   * Adds an entry for a key that {@link #find(long, long)} did not find, evicting the least
   * recently used entry when full. The new entry is the most recent; its value and flags are 0,
   * its attachment null.
   *
   * @param a the first key
   * @param b the second key
   * @return the new entry's number
   */
  int insert(long a, long b) {
    int entry;
    if (size == capacity) {
      entry = oldest;
      removeFromTable(entry);
      unlink(entry);
      evictions++;
    } else if (free != NONE) {
      entry = free;
      free = newer[entry];
      size++;
    } else {
      if (allocated == keyA.length) {
        allocate(Math.min(capacity, allocated * 2));
      }
      entry = allocated++;
      size++;
    }
    keyA[entry] = a;
    keyB[entry] = b;
    values[entry] = 0;
    flags[entry] = 0;
    attachments[entry] = null;
    place(entry);
    linkNewest(entry);
    return entry;
  }

  /**
   * Removes an entry, as when evicting it by a rule of the caller's (not counted as an
   * eviction here); its number goes to a later insert.
   *
   * @param entry the entry's number
   */
  void remove(int entry) {
    removeFromTable(entry);
    unlink(entry);
    attachments[entry] = null;
    newer[entry] = free;
    free = entry;
    size--;
  }

  /**
   * Returns the most entries the index holds.
   *
   * @return the capacity
   */
  int capacity() {
    return capacity;
  }

  private void removeFromTable(int entry) {
    int slot = hash(keyA[entry], keyB[entry]) & mask;
    while (table[slot] != entry + 1) {
      slot = (slot + 1) & mask;
    }
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    int hole = slot;
    int next = slot;
    while (true) {
      next = (next + 1) & mask;
      int stored = table[next];
      if (stored == EMPTY) {
        break;
      }
      int home = hash(keyA[stored - 1], keyB[stored - 1]) & mask;
      boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        table[hole] = stored;
        hole = next;
      }
    }
    table[hole] = EMPTY;
  }

  private void unlink(int entry) {
    int n = newer[entry];
    int o = older[entry];
    if (n == NONE) {
      newest = o;
    } else {
      older[n] = o;
    }
    if (o == NONE) {
      oldest = n;
    } else {
      newer[o] = n;
    }
  }

  private void linkNewest(int entry) {
    newer[entry] = NONE;
    older[entry] = newest;
    if (newest != NONE) {
      newer[newest] = entry;
    }
    newest = entry;
    if (oldest == NONE) {
      oldest = entry;
    }
  }

  /**
   * Returns the oldest entry, to walk towards the newest with {@link #newerThan(int)}.
   *
   * @return the entry's number, or -1 when empty
   */
  int oldest() {
    return oldest;
  }

  /**
   * Returns the next newer entry.
   *
   * @param entry an entry's number
   * @return the next newer entry's number, or -1
   */
  int newerThan(int entry) {
    return newer[entry];
  }

  long keyA(int entry) {
    return keyA[entry];
  }

  long keyB(int entry) {
    return keyB[entry];
  }

  long value(int entry) {
    return values[entry];
  }

  void value(int entry, long value) {
    values[entry] = value;
  }

  int flags(int entry) {
    return flags[entry];
  }

  void flags(int entry, int value) {
    flags[entry] = value;
  }

  @Nullable Object attachment(int entry) {
    return attachments[entry];
  }

  void attachment(int entry, @Nullable Object value) {
    attachments[entry] = value;
  }

  int size() {
    return size;
  }

  long evictions() {
    return evictions;
  }

  /** Removes every entry (the eviction count stays). */
  void clear() {
    Arrays.fill(table, EMPTY);
    Arrays.fill(attachments, null);
    size = 0;
    allocated = 0;
    free = NONE;
    newest = NONE;
    oldest = NONE;
  }
}
