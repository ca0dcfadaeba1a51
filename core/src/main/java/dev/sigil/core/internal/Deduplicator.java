package dev.sigil.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers, per key, when the last finding was emitted and what was suppressed since; bounded,
 * evicting the least recently used key. Used only on the (rare) finding path.
 */
public final class Deduplicator {
  /** What one key remembers. */
  public static final class Entry {
    long lastEmittedAt;
    long suppressedCount;
    long lastSuppressedAt;

    Entry(long lastEmittedAt, long suppressedCount, long lastSuppressedAt) {
      this.lastEmittedAt = lastEmittedAt;
      this.suppressedCount = suppressedCount;
      this.lastSuppressedAt = lastSuppressedAt;
    }
  }

  /**
   * The verdict on one finding.
   *
   * @param emit whether to emit it
   * @param suppressedBefore repeats suppressed since the last emitted finding (when emitting)
   * @param lastSuppressedAt event time of the last of those
   */
  public record Verdict(boolean emit, long suppressedBefore, long lastSuppressedAt) {}

  private static final Verdict SUPPRESS = new Verdict(false, 0, 0);
  private static final Verdict EMIT_FRESH = new Verdict(true, 0, 0);

  private final int capacity;
  private long evictions;
  private final LinkedHashMap<String, Entry> entries;

  /**
   * Creates a deduplicator.
   *
   * @param capacity the most keys it holds
   */
  public Deduplicator(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("deduplicator capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        if (size() > Deduplicator.this.capacity) {
          evictions++;
          return true;
        }
        return false;
      }
    };
  }

  /**
   * Judges a finding.
   *
   * @param key its full key (signature id included)
   * @param eventTime its event time, ns
   * @param windowNanos the window, ns
   * @return whether to emit it, and what was suppressed before
   */
  public Verdict judge(String key, long eventTime, long windowNanos) {
    Entry entry = entries.get(key);
    if (entry == null) {
      entries.put(key, new Entry(eventTime, 0, 0));
      return EMIT_FRESH;
    }
    if (eventTime - entry.lastEmittedAt < windowNanos && eventTime >= entry.lastEmittedAt) {
      entry.suppressedCount++;
      entry.lastSuppressedAt = eventTime;
      return SUPPRESS;
    }
    Verdict verdict = entry.suppressedCount == 0
        ? EMIT_FRESH
        : new Verdict(true, entry.suppressedCount, entry.lastSuppressedAt);
    entry.lastEmittedAt = eventTime;
    entry.suppressedCount = 0;
    entry.lastSuppressedAt = 0;
    return verdict;
  }

  /**
   * Returns how many keys are held.
   *
   * @return the count
   */
  public int size() {
    return entries.size();
  }

  /**
   * Returns how many keys were evicted.
   *
   * @return the count
   */
  public long evictions() {
    return evictions;
  }

  /**
   * Returns the state as a JSON-like tree, least recently used first.
   *
   * @return a list of {@code {key, lastEmittedAt, suppressedCount, lastSuppressedAt}}
   */
  public List<Object> save() {
    List<Object> saved = new ArrayList<>(entries.size());
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", e.getKey());
      item.put("lastEmittedAt", e.getValue().lastEmittedAt);
      item.put("suppressedCount", e.getValue().suppressedCount);
      item.put("lastSuppressedAt", e.getValue().lastSuppressedAt);
      saved.add(item);
    }
    return saved;
  }

  /**
   * Replaces the state with a saved one.
   *
   * @param saved what {@link #save()} returned
   * @throws IllegalArgumentException when the tree is malformed
   */
  public void restore(Object saved) {
    if (!(saved instanceof List)) {
      throw new IllegalArgumentException("deduplicator state must be a list");
    }
    entries.clear();
    for (Iterator<?> it = ((List<?>) saved).iterator(); it.hasNext(); ) {
      Object item = it.next();
      if (!(item instanceof Map)) {
        throw new IllegalArgumentException("deduplicator entry must be an object");
      }
      Map<?, ?> map = (Map<?, ?>) item;
      Object key = map.get("key");
      if (!(key instanceof String)) {
        throw new IllegalArgumentException("deduplicator entry needs a string key");
      }
      long suppressedCount = longField(map, "suppressedCount");
      if (suppressedCount < 0) {
        throw new IllegalArgumentException("deduplicator entry field 'suppressedCount' must not be"
            + " negative, got " + suppressedCount);
      }
      entries.put((String) key, new Entry(
          longField(map, "lastEmittedAt"), suppressedCount, longField(map, "lastSuppressedAt")));
    }
  }

  private static long longField(Map<?, ?> map, String name) {
    Object value = map.get(name);
    if (!(value instanceof Long)) {
      throw new IllegalArgumentException("deduplicator entry field '" + name + "' must be an integer");
    }
    return (Long) value;
  }
}
