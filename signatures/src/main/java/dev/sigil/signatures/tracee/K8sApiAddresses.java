package dev.sigil.signatures.tracee;

import dev.sigil.core.Counter;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.Text;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What TRC-1013 remembers: the Kubernetes API server address each container's processes were
 * given, by container id, bounded with least-recently-used eviction, and its saved form.
 *
 * <p>Looking up or re-confirming a container allocates nothing: a re-used probe key, whose hash
 * and equality are those of the container id's text, finds the stored {@code String} key
 * ({@link Map#get(Object)} compares with the argument's {@code equals}). Only a new container,
 * or a new address for a known one, allocates.
 *
 * <p>Saved form (version 1), least recently used first, so that a restore keeps recency:
 * <pre>{@code
 * {"format": "sigil-k8s-api-connection", "version": 1,
 *  "containers": [{"containerId": "0907ef86d7be...", "apiAddress": "10.96.0.1"}]}
 * }</pre>
 * A restore with more entries than the capacity keeps the most recent ones.
 */
final class K8sApiAddresses {
  static final String FORMAT = "sigil-k8s-api-connection";
  static final long VERSION = 1;

  private final int capacity;
  private final LinkedHashMap<String, String> byContainer;
  private final Probe probe = new Probe();
  /** Said once, when the table first evicts (precomputed: saying it allocates nothing). */
  private final String fullNotice;
  // Set by bind, which the signature's init calls before any event; counters come from the
  // context only.
  @SuppressWarnings("NullAway.Init")
  private Counter evictions;
  @SuppressWarnings("NullAway.Init")
  private SignatureContext context;

  K8sApiAddresses(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("container capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.fullNotice = "the table of containers' API server addresses is full (" + capacity
        + " containers), so the least recently used container's is forgotten and its"
        + " connections go unseen; give K8sApiConnection a larger capacity (see the README)";
    this.byContainer = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true);
  }

  /** Takes the eviction counter, and the context to say once that the table is evicting. */
  void bind(SignatureContext signatureContext) {
    this.context = signatureContext;
    this.evictions = signatureContext.counter("evictions");
  }

  /**
   * Returns a container's API server address, making it the most recently used.
   *
   * @param containerId the container's id
   * @return the address, or null when none is known
   */
  @Nullable String lookup(CharSequence containerId) {
    probe.of(containerId);
    try {
      return byContainer.get(probe);
    } finally {
      probe.of("");
    }
  }

  /**
   * Remembers a container's API server address, {@code text[start, end)}; allocates only when
   * the container is new or its address changed.
   */
  void remember(CharSequence containerId, CharSequence text, int start, int end) {
    String known = lookup(containerId);
    if (known != null && sameText(known, text, start, end)) {
      return;
    }
    byContainer.put(containerId.toString(), text.subSequence(start, end).toString());
    if (byContainer.size() > capacity) {
      Iterator<String> eldest = byContainer.keySet().iterator();
      eldest.next();
      eldest.remove();
      evictions.increment();
      context.notice(fullNotice); // the engine delivers it once
    }
  }

  private static boolean sameText(String known, CharSequence text, int start, int end) {
    return known.length() == end - start && Text.regionMatches(text, start, known);
  }

  int size() {
    return byContainer.size();
  }

  Map<String, Object> save() {
    List<Object> containers = new ArrayList<>(byContainer.size());
    for (Map.Entry<String, String> entry : byContainer.entrySet()) {
      Map<String, Object> container = new LinkedHashMap<>();
      container.put("containerId", entry.getKey());
      container.put("apiAddress", entry.getValue());
      containers.add(container);
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", FORMAT);
    tree.put("version", VERSION);
    tree.put("containers", containers);
    return tree;
  }

  /**
   * Replaces the state with a saved one, after checking all of it: a corrupt tree changes
   * nothing.
   */
  void restore(@Nullable Object saved) {
    if (!(saved instanceof Map)) {
      throw corrupt("state must be an object, not " + describe(saved));
    }
    Map<?, ?> tree = (Map<?, ?>) saved;
    if (!FORMAT.equals(tree.get("format"))) {
      throw corrupt("state has no \"format\": \"" + FORMAT + "\"");
    }
    Object version = tree.get("version");
    if (!(version instanceof Long || version instanceof Integer)
        || ((Number) version).longValue() != VERSION) {
      throw corrupt("state version " + describe(version) + " is not one this Sigil understands ("
          + VERSION + ")");
    }
    Object list = tree.get("containers");
    if (!(list instanceof List)) {
      throw corrupt("containers must be an array, not " + describe(list));
    }
    List<?> containers = (List<?>) list;
    List<String> ids = new ArrayList<>(containers.size());
    List<String> addresses = new ArrayList<>(containers.size());
    for (int i = 0; i < containers.size(); i++) {
      String where = "containers[" + i + "]";
      if (!(containers.get(i) instanceof Map)) {
        throw corrupt(where + " must be an object, not " + describe(containers.get(i)));
      }
      Map<?, ?> container = (Map<?, ?>) containers.get(i);
      ids.add(text(container.get("containerId"), where + ".containerId"));
      addresses.add(text(container.get("apiAddress"), where + ".apiAddress"));
    }
    byContainer.clear();
    // The most recent entries are last: beyond the capacity, the oldest are left out.
    for (int i = Math.max(0, ids.size() - capacity); i < ids.size(); i++) {
      byContainer.put(ids.get(i), addresses.get(i));
    }
  }

  private static String text(@Nullable Object value, String where) {
    if (value instanceof String && !((String) value).isEmpty()) {
      return (String) value;
    }
    throw corrupt(where + " must be a non-empty string, not " + describe(value));
  }

  private static IllegalArgumentException corrupt(String message) {
    return new IllegalArgumentException("k8s_api_connection state (TRC-1013): " + message);
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "null (or missing)";
    }
    String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text.length() > 40 ? "a " + value.getClass().getSimpleName() : text;
  }

  /**
   * Stands for a container id's text in lookups: equal to, and hashing as, the {@code String}
   * with the same characters. Never stored in the map.
   */
  private static final class Probe {
    private CharSequence text = "";

    void of(CharSequence value) {
      text = value;
    }

    @Override
    public int hashCode() {
      // String.hashCode's formula, so that the probe lands where the equal String key lives.
      int h = 0;
      for (int i = 0; i < text.length(); i++) {
        h = 31 * h + text.charAt(i);
      }
      return h;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof String && Text.contentEquals(text, (String) other);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
