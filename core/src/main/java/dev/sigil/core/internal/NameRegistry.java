package dev.sigil.core.internal;

import java.util.Arrays;

/**
 * Interns names to small dense int ids, with lookups by character range that allocate nothing.
 *
 * <p>Writers synchronise; readers go lock-free through a published, immutable snapshot, so the
 * hot path (a decoder resolving a field or event name) costs one hash and a few compares. The
 * registry is capped: once full, unknown names resolve to {@link #NOT_FOUND} instead of growing
 * memory without bound on hostile input.
 */
public final class NameRegistry {
  /** Returned by lookups of names that are not registered. */
  public static final int NOT_FOUND = -1;

  private static final class Snapshot {
    final String[] names;
    final int[] slots;
    final int count;

    Snapshot(String[] names, int[] slots, int count) {
      this.names = names;
      this.slots = slots;
      this.count = count;
    }
  }

  private final int capacity;
  private volatile Snapshot snapshot;

  /**
   * Creates a registry.
   *
   * @param capacity the most names it will ever hold
   */
  public NameRegistry(int capacity) {
    this.capacity = capacity;
    this.snapshot = new Snapshot(new String[0], emptySlots(16), 0);
  }

  private static int[] emptySlots(int size) {
    int[] slots = new int[size];
    Arrays.fill(slots, NOT_FOUND);
    return slots;
  }

  /**
   * Returns the id of a name, registering it when new.
   *
   * @param name the name
   * @return its id, or {@link #NOT_FOUND} when the registry is full and the name is new
   */
  public int intern(CharSequence name) {
    int id = find(name);
    if (id != NOT_FOUND) {
      return id;
    }
    synchronized (this) {
      id = find(name);
      if (id != NOT_FOUND) {
        return id;
      }
      Snapshot current = snapshot;
      if (current.count >= capacity) {
        return NOT_FOUND;
      }
      String[] names = Arrays.copyOf(current.names, current.count + 1);
      names[current.count] = name.toString();
      int[] slots = current.slots;
      if ((current.count + 1) * 2 > slots.length) {
        slots = emptySlots(slots.length * 2);
        for (int i = 0; i < current.count; i++) {
          place(slots, names[i], i);
        }
      } else {
        slots = slots.clone();
      }
      place(slots, names[current.count], current.count);
      snapshot = new Snapshot(names, slots, current.count + 1);
      return current.count;
    }
  }

  private static void place(int[] slots, String name, int id) {
    int mask = slots.length - 1;
    int i = hash(name, 0, name.length()) & mask;
    while (slots[i] != NOT_FOUND) {
      i = (i + 1) & mask;
    }
    slots[i] = id;
  }

  /**
   * Looks a name up without registering it.
   *
   * @param name the name
   * @return its id or {@link #NOT_FOUND}
   */
  public int find(CharSequence name) {
    Snapshot s = snapshot;
    int mask = s.slots.length - 1;
    int i = hash(name, 0, name.length()) & mask;
    while (true) {
      int id = s.slots[i];
      if (id == NOT_FOUND) {
        return NOT_FOUND;
      }
      if (equals(s.names[id], name, 0, name.length())) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Looks a name up by a range of characters without registering it or allocating.
   *
   * @param chars the characters
   * @param offset where the name starts
   * @param length its length
   * @return its id or {@link #NOT_FOUND}
   */
  public int find(char[] chars, int offset, int length) {
    Snapshot s = snapshot;
    int mask = s.slots.length - 1;
    int i = hash(chars, offset, length) & mask;
    while (true) {
      int id = s.slots[i];
      if (id == NOT_FOUND) {
        return NOT_FOUND;
      }
      String candidate = s.names[id];
      if (candidate.length() == length && regionEquals(candidate, chars, offset, length)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Finds the id of a name spelled in ASCII bytes, without registering it.
   *
   * @param bytes the bytes, each below 0x80 (a byte at or above 0x80 never matches)
   * @param offset where the name starts
   * @param length its length
   * @return the id, or {@link #NOT_FOUND}
   */
  public int find(byte[] bytes, int offset, int length) {
    Snapshot s = snapshot;
    int mask = s.slots.length - 1;
    int i = hash(bytes, offset, length) & mask;
    while (true) {
      int id = s.slots[i];
      if (id == NOT_FOUND) {
        return NOT_FOUND;
      }
      String candidate = s.names[id];
      if (candidate.length() == length && regionEquals(candidate, bytes, offset, length)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Returns the name registered under an id.
   *
   * @param id an id this registry returned
   * @return the name
   */
  public String name(int id) {
    return snapshot.names[id];
  }

  /**
   * Finds a name's id or, for a name not registered, a mark of how many names were registered
   * before the lookup: {@code ~n}, negative. Ids are given in order, so a name registered later
   * has an id of at least {@code n}, and a holder of the mark need compare names only with keys
   * that new.
   *
   * @param bytes the bytes
   * @param offset where the name starts
   * @param length its length
   * @return the id, or {@code ~n}
   */
  public int findOrMark(byte[] bytes, int offset, int length) {
    int before = size();
    int id = find(bytes, offset, length);
    return id >= 0 ? id : ~before;
  }

  /**
   * {@link #findOrMark(byte[], int, int)} for characters.
   *
   * @param chars the characters
   * @param offset where the name starts
   * @param length its length
   * @return the id, or {@code ~n}
   */
  public int findOrMark(char[] chars, int offset, int length) {
    int before = size();
    int id = find(chars, offset, length);
    return id >= 0 ? id : ~before;
  }

  /**
   * Tells whether a name that had no id when it was looked up is the name registered as
   * {@code id} since. The holder keeps the lookup's result, a mark {@code ~n} from
   * {@code findOrMark} ({@link #NOT_FOUND} from {@code find} is the mark {@code ~0}), and its
   * name is compared only with names registered at or after {@code n}: a holder's lookups of
   * older names compare no characters.
   *
   * @param mark the holder's mark, negative (a holder with an id compares ids instead)
   * @param heldName the holder's name
   * @param id the id of the name to match
   * @param name the name registered as {@code id}
   * @return true when {@code heldName} is {@code name}, registered since the mark
   */
  public static boolean matchesSinceMark(int mark, CharSequence heldName, int id, String name) {
    return id >= ~mark && equals(name, heldName, 0, heldName.length());
  }

  /**
   * Returns how many names are registered.
   *
   * @return the count
   */
  public int size() {
    return snapshot.count;
  }

  private static boolean regionEquals(String s, char[] chars, int offset, int length) {
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean regionEquals(String s, byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != bytes[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equals(String s, CharSequence cs, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != cs.charAt(offset + i)) {
        return false;
      }
    }
    return true;
  }

  private static int hash(CharSequence cs, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + cs.charAt(offset + i);
    }
    return mix(h);
  }

  private static int hash(char[] chars, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + chars[offset + i];
    }
    return mix(h);
  }

  /** The same hash as for characters, over ASCII bytes (a byte's value is its character's). */
  private static int hash(byte[] bytes, int offset, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + bytes[offset + i];
    }
    return mix(h);
  }

  private static int mix(int h) {
    return h ^ (h >>> 16);
  }
}
