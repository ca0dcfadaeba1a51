package dev.sigil.signatures.contained;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGL-1001's learned profile: the (host, executing process, path) keys seen during training,
 * bounded, evicting the least recently used key. Consulted only for contained executions, which
 * are rare, so a {@link LinkedHashMap} in access order serves.
 */
final class LearnedProfile {
  private final int capacity;
  private final LinkedHashMap<String, Boolean> keys;
  private long evictions;

  LearnedProfile(int capacity) {
    this.capacity = capacity;
    this.keys = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        if (size() > LearnedProfile.this.capacity) {
          evictions++;
          return true;
        }
        return false;
      }
    };
  }

  /**
   * Makes a profile key; the parts are separated by NUL, which no host name, comm or path holds.
   *
   * @param host the host name
   * @param process the executing process
   * @param path the in-container path, or the normalised host path
   * @return the key
   */
  static String key(CharSequence host, CharSequence process, CharSequence path) {
    return new StringBuilder(host.length() + process.length() + path.length() + 2)
        .append(host).append('\u0000').append(process).append('\u0000').append(path).toString();
  }

  /**
   * Tells whether a key was learned, making it the most recently used.
   *
   * @param key the key
   * @return true when learned
   */
  boolean contains(String key) {
    return keys.get(key) != null;
  }

  /**
   * Learns a key.
   *
   * @param key the key
   */
  void learn(String key) {
    keys.put(key, Boolean.TRUE);
  }

  int size() {
    return keys.size();
  }

  long evictions() {
    return evictions;
  }

  /**
   * Returns the keys, least recently used first, as [host, process, path] triples.
   *
   * @return the keys
   */
  List<List<String>> save() {
    List<List<String>> saved = new ArrayList<>(keys.size());
    for (String key : keys.keySet()) {
      saved.add(List.of(key.split("\u0000", 3)));
    }
    return saved;
  }

  void clear() {
    keys.clear();
  }
}
