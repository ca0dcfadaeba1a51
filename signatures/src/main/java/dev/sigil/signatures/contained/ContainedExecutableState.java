package dev.sigil.signatures.contained;

import dev.sigil.core.Counter;
import dev.sigil.core.SignatureContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the contained-executable signatures remember: the files written inside containers, by
 * (dev, inode) and by path (two hashes of the normalised path, and of it without its first
 * directory), each bounded per kind of header and shared fairly between containers
 * ({@link WrittenFileIndex}); the per-host first-seen times and the learned profile, each
 * bounded with least-recently-used eviction; and their saved form. When a budget first evicts,
 * it says so once ({@link SignatureContext#notice(String)}).
 *
 * <p>Saved form (version 2), oldest entries first so that a restore keeps recency:
 * <pre>{@code
 * {"format": "sigil-contained-executable", "version": 2,
 *  "hosts":   [{"host": "node-1", "firstSeen": 1700000000000000000}],
 *  "profile": [["node-1", "bash", "/payload.sh"]],
 *  "inodes":  [{"dev": 2049, "inode": 1234, "containerId": "abc...", "kind": "elf"}],
 *  "paths":   [{"pathHash": [-3750763034362895579, 2870254136528744012],
 *               "containerId": "abc...", "kind": "script"}]}
 * }</pre>
 * {@code kind} is {@code elf}, {@code script} or {@code header-prefix} ({@link HeaderKind}),
 * the budget the entry counts against. {@code containerId} is omitted when unknown; a missing
 * {@code paths} is an empty one. Version 1 (before the budgets) had no {@code kind}: its
 * entries, and any without one, load as ELF files, the kind best protected, and age out like
 * any other. An inode saved with {@code "written": false} (an executed-only entry of an earlier
 * format, no longer evidence) is dropped. A restore with more entries than a budget keeps the
 * newest ones, by the same fair-share rule as new writes ({@link WrittenFileIndex}).
 */
final class ContainedExecutableState {
  static final String FORMAT = "sigil-contained-executable";
  static final long VERSION = 2;

  private final WrittenFileIndex inodes;
  private final WrittenFileIndex paths;
  private final LruIndex hosts;
  private final LearnedProfile profile;
  /** Per kind, the notice given when its budget first evicts (precomputed: it allocates nothing). */
  private final String[] fullNotices = new String[HeaderKind.count()];
  private final boolean[] noticed = new boolean[HeaderKind.count()];
  private boolean hostsNoticed;
  private boolean profileNoticed;
  private final String hostsFullNotice;
  private final String profileFullNotice;
  // Set by bindCounters, which the signature's init calls before any event or restore.
  @SuppressWarnings("NullAway.Init")
  private SignatureContext context;
  @SuppressWarnings("NullAway.Init")
  private IndexCounters inodeCounters;
  @SuppressWarnings("NullAway.Init")
  private IndexCounters pathCounters;
  @SuppressWarnings("NullAway.Init")
  private Counter profileKeys;
  @SuppressWarnings("NullAway.Init")
  private Counter profileEvictions;
  @SuppressWarnings("NullAway.Init")
  private Counter hostCount;
  @SuppressWarnings("NullAway.Init")
  private Counter hostEvictions;

  /**
   * The counters of one index of written files, named after what it is keyed by ({@code inode}
   * or {@code path}): its size and evictions in all ({@code inodes}, {@code inodeEvictions}),
   * and per kind ({@code elfInodes}, {@code scriptInodeEvictions}, ...).
   */
  private static final class IndexCounters {
    final Counter entries;
    final Counter evictions;
    final Counter[] entriesByKind = new Counter[HeaderKind.count()];
    final Counter[] evictionsByKind = new Counter[HeaderKind.count()];

    IndexCounters(SignatureContext context, String noun) {
      entries = context.counter(noun + "s");
      evictions = context.counter(noun + "Evictions");
      String capital = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
      for (HeaderKind kind : HeaderKind.values()) {
        entriesByKind[kind.ordinal()] = context.counter(kind.counterPrefix() + capital + "s");
        evictionsByKind[kind.ordinal()] =
            context.counter(kind.counterPrefix() + capital + "Evictions");
      }
    }

    void sync(WrittenFileIndex index) {
      ContainedExecutableState.sync(entries, index.size());
      ContainedExecutableState.sync(evictions, index.evictions());
      for (int k = 0; k < entriesByKind.length; k++) {
        ContainedExecutableState.sync(entriesByKind[k], index.size(HeaderKind.of(k)));
        ContainedExecutableState.sync(evictionsByKind[k], index.evictions(HeaderKind.of(k)));
      }
    }
  }

  /**
   * Creates empty state.
   *
   * @param writtenFileCapacities the budget of each {@link HeaderKind}, by ordinal, for the
   *     index by inode and the index by path each
   * @param profileCapacity the most learned profile keys
   * @param hostCapacity the most hosts
   */
  ContainedExecutableState(int[] writtenFileCapacities, int profileCapacity, int hostCapacity) {
    this.inodes = new WrittenFileIndex(writtenFileCapacities);
    this.paths = new WrittenFileIndex(writtenFileCapacities);
    this.hosts = new LruIndex(hostCapacity);
    this.profile = new LearnedProfile(profileCapacity);
    this.hostsFullNotice = "learning: the table of " + hostCapacity + " hosts is full, so the"
        + " least recently seen host is forgotten and starts a new activation period when it"
        + " comes back; raise it (ContainedExecutableOptions.withLearningCapacities)";
    this.profileFullNotice = "learning: the learned profile of " + profileCapacity + " keys is"
        + " full, so the least recently used keys are forgotten and may alert again; raise it"
        + " (ContainedExecutableOptions.withLearningCapacities)";
    for (HeaderKind kind : HeaderKind.values()) {
      fullNotices[kind.ordinal()] = "files written in containers: the budget of "
          + writtenFileCapacities[kind.ordinal()] + " " + kind.plural() + " is full, so the least"
          + " recently used are forgotten (a container over its fair share loses its own first)"
          + " and a host exec of one of them goes unseen; raise it (sigil scan"
          + " --written-file-capacity " + kind.savedName() + "=N, or"
          + " ContainedExecutableOptions.withWrittenFileCapacities) or see the README's"
          + " contained-executable options";
    }
  }

  void bindCounters(SignatureContext signatureContext) {
    context = signatureContext;
    inodeCounters = new IndexCounters(signatureContext, "inode");
    pathCounters = new IndexCounters(signatureContext, "path");
    profileKeys = signatureContext.counter("profileKeys");
    profileEvictions = signatureContext.counter("profileEvictions");
    hostCount = signatureContext.counter("hosts");
    hostEvictions = signatureContext.counter("hostEvictions");
    syncCounters();
  }

  private void syncCounters() {
    inodeCounters.sync(inodes);
    pathCounters.sync(paths);
    sync(profileKeys, profile.size());
    sync(profileEvictions, profile.evictions());
    sync(hostCount, hosts.size());
    sync(hostEvictions, hosts.evictions());
  }

  /** Says once per kind, when its budget has started to evict, that it has. */
  private void noticeEvictions() {
    for (int k = 0; k < noticed.length; k++) {
      if (!noticed[k] && inodes.evictions(HeaderKind.of(k)) + paths.evictions(HeaderKind.of(k)) > 0) {
        noticed[k] = true;
        context.notice(fullNotices[k]);
      }
    }
  }

  private static void sync(Counter counter, long value) {
    counter.add(value - counter.get());
  }

  // ---- files written in containers, by (dev, inode)

  /**
   * Remembers a written inode (or makes it the most recent) under its kind's budget and its
   * container's share; returns its entry.
   */
  int recordInode(long dev, long inode, HeaderKind kind, String containerId) {
    return record(inodes, dev, inode, kind, containerId);
  }

  private int record(WrittenFileIndex index, long a, long b, HeaderKind kind, String containerId) {
    long changesBefore = index.changes();
    int entry = index.record(a, b, kind, containerId);
    if (index.changes() != changesBefore) {
      syncCounters();
      noticeEvictions();
    }
    return entry;
  }

  int findInode(long dev, long inode) {
    return inodes.find(dev, inode);
  }

  @Nullable String inodeContainerId(int entry) {
    return inodes.containerId(entry);
  }

  int inodeCount() {
    return inodes.size();
  }

  // ---- files written in containers, by path

  /** Remembers a written file's normalised path (or makes it the most recent); returns its entry. */
  int recordPath(CharSequence path, HeaderKind kind, String containerId) {
    return recordPath(path, 0, kind, containerId);
  }

  /**
   * Remembers a written file's normalised path and, when that still has two segments or more,
   * the path without its first directory: a container that mounts the host's root at
   * {@code /host} writes {@code /host/usr/local/bin/x}, and the host runs
   * {@code /usr/local/bin/x}. One call in a loop: the JIT compiles the index update once.
   */
  void recordPathAndBelowFirstDirectory(CharSequence path, HeaderKind kind, String containerId) {
    int firstEnd = segmentEnd(path, 1);
    boolean below = firstEnd < path.length() && segmentEnd(path, firstEnd + 1) < path.length();
    int passes = below ? 2 : 1;
    for (int pass = 0; pass < passes; pass++) {
      recordPath(path, pass == 0 ? 0 : firstEnd, kind, containerId);
    }
  }

  private int recordPath(CharSequence path, int from, HeaderKind kind, String containerId) {
    return record(paths, TextHash.fnv1a(path, from, path.length()),
        TextHash.polynomial(path, from, path.length()), kind, containerId);
  }

  private static int segmentEnd(CharSequence path, int from) {
    int end = from;
    while (end < path.length() && path.charAt(end) != '/') {
      end++;
    }
    return end;
  }

  /** Finds a normalised path a container wrote, making it the most recent; -1 when unknown. */
  int findPath(CharSequence path) {
    return paths.find(TextHash.fnv1a(path, 0, path.length()),
        TextHash.polynomial(path, 0, path.length()));
  }

  @Nullable String pathContainerId(int entry) {
    return paths.containerId(entry);
  }

  int pathCount() {
    return paths.size();
  }

  // ---- hosts

  /**
   * Returns when a host was first seen, remembering now for a new host. Allocates only for a
   * host not seen before.
   */
  long hostFirstSeen(CharSequence host, long now) {
    long a = TextHash.fnv1a(host, 0, host.length());
    long b = TextHash.polynomial(host, 0, host.length());
    int entry = hosts.find(a, b);
    if (entry >= 0) {
      hosts.touch(entry);
      return hosts.value(entry);
    }
    entry = hosts.insert(a, b);
    hosts.value(entry, now);
    hosts.attachment(entry, host.toString());
    syncCounters();
    if (!hostsNoticed && hosts.evictions() > 0) {
      hostsNoticed = true;
      context.notice(hostsFullNotice);
    }
    return now;
  }

  int hostCount() {
    return hosts.size();
  }

  // ---- profile

  boolean isLearned(String key) {
    return profile.contains(key);
  }

  void learn(String key) {
    profile.learn(key);
    syncCounters();
    if (!profileNoticed && profile.evictions() > 0) {
      profileNoticed = true;
      context.notice(profileFullNotice);
    }
  }

  int profileSize() {
    return profile.size();
  }

  // ---- saving

  Map<String, Object> save() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", FORMAT);
    tree.put("version", VERSION);
    List<Object> savedHosts = new ArrayList<>();
    for (int e = hosts.oldest(); e >= 0; e = hosts.newerThan(e)) {
      Map<String, Object> host = new LinkedHashMap<>();
      host.put("host", hosts.attachment(e));
      host.put("firstSeen", hosts.value(e));
      savedHosts.add(host);
    }
    tree.put("hosts", savedHosts);
    tree.put("profile", new ArrayList<Object>(profile.save()));
    List<Object> savedInodes = new ArrayList<>();
    for (int e = inodes.oldest(); e >= 0; e = inodes.newerThan(e)) {
      Map<String, Object> inode = new LinkedHashMap<>();
      inode.put("dev", inodes.keyA(e));
      inode.put("inode", inodes.keyB(e));
      putContainerIdAndKind(inode, inodes, e);
      savedInodes.add(inode);
    }
    tree.put("inodes", savedInodes);
    List<Object> savedPaths = new ArrayList<>();
    for (int e = paths.oldest(); e >= 0; e = paths.newerThan(e)) {
      Map<String, Object> path = new LinkedHashMap<>();
      path.put("pathHash", List.of(paths.keyA(e), paths.keyB(e)));
      putContainerIdAndKind(path, paths, e);
      savedPaths.add(path);
    }
    tree.put("paths", savedPaths);
    return tree;
  }

  private static void putContainerIdAndKind(Map<String, Object> saved, WrittenFileIndex index,
      int entry) {
    String containerId = index.containerId(entry);
    if (containerId != null) {
      saved.put("containerId", containerId);
    }
    saved.put("kind", index.kind(entry).savedName());
  }

  /**
   * Replaces the state with a saved one, after checking all of it: a corrupt tree changes
   * nothing.
   */
  void restore(@Nullable Object saved) {
    Map<?, ?> tree = object(saved, "state");
    if (!FORMAT.equals(tree.get("format"))) {
      throw corrupt("state has no \"format\": \"" + FORMAT + "\"");
    }
    long version = integer(tree.get("version"), "version");
    if (version < 1 || version > VERSION) {
      throw corrupt("state version " + version + " is not one this Sigil understands (" + VERSION + ")");
    }
    List<?> savedHosts = list(tree.get("hosts"), "hosts");
    List<?> savedProfile = list(tree.get("profile"), "profile");
    List<?> savedInodes = list(tree.get("inodes"), "inodes");
    List<String> hostNames = new ArrayList<>();
    List<Long> firstSeen = new ArrayList<>();
    for (int i = 0; i < savedHosts.size(); i++) {
      Map<?, ?> host = object(savedHosts.get(i), "hosts[" + i + "]");
      hostNames.add(text(host.get("host"), "hosts[" + i + "].host"));
      firstSeen.add(integer(host.get("firstSeen"), "hosts[" + i + "].firstSeen"));
    }
    List<String> profileKeysToRestore = new ArrayList<>();
    for (int i = 0; i < savedProfile.size(); i++) {
      List<?> key = list(savedProfile.get(i), "profile[" + i + "]");
      if (key.size() != 3) {
        throw corrupt("profile[" + i + "] must be [host, process, path]");
      }
      profileKeysToRestore.add(LearnedProfile.key(text(key.get(0), "profile[" + i + "][0]"),
          text(key.get(1), "profile[" + i + "][1]"), text(key.get(2), "profile[" + i + "][2]")));
    }
    List<SavedEntry> inodeEntries = new ArrayList<>();
    for (int i = 0; i < savedInodes.size(); i++) {
      String where = "inodes[" + i + "]";
      Map<?, ?> inode = object(savedInodes.get(i), where);
      long dev = integer(inode.get("dev"), where + ".dev");
      long number = integer(inode.get("inode"), where + ".inode");
      Object written = inode.get("written");
      if (written != null && !bool(written, where + ".written")) {
        continue;
      }
      inodeEntries.add(savedEntry(dev, number, inode, where));
    }
    Object pathsValue = tree.get("paths");
    List<?> savedPaths = pathsValue == null ? List.of() : list(pathsValue, "paths");
    List<SavedEntry> pathEntries = new ArrayList<>();
    for (int i = 0; i < savedPaths.size(); i++) {
      String where = "paths[" + i + "]";
      Map<?, ?> path = object(savedPaths.get(i), where);
      List<?> hash = list(path.get("pathHash"), where + ".pathHash");
      if (hash.size() != 2) {
        throw corrupt(where + ".pathHash must be two integers");
      }
      long a = integer(hash.get(0), where + ".pathHash[0]");
      long b = integer(hash.get(1), where + ".pathHash[1]");
      pathEntries.add(savedEntry(a, b, path, where));
    }

    hosts.clear();
    for (int i = 0; i < hostNames.size(); i++) {
      String name = hostNames.get(i);
      long a = TextHash.fnv1a(name, 0, name.length());
      long b = TextHash.polynomial(name, 0, name.length());
      int entry = hosts.find(a, b);
      if (entry < 0) {
        entry = hosts.insert(a, b);
      }
      hosts.value(entry, firstSeen.get(i));
      hosts.attachment(entry, name);
    }
    profile.clear();
    for (String key : profileKeysToRestore) {
      profile.learn(key);
    }
    refill(inodes, inodeEntries);
    refill(paths, pathEntries);
    syncCounters();
    noticeEvictions();
  }

  /**
   * Refills an index in saved order, oldest first, under today's budgets: when they are smaller
   * than the saved entries, the fair-share rule decides what is left out, and counts it.
   */
  private static void refill(WrittenFileIndex index, List<SavedEntry> entries) {
    index.clear();
    for (SavedEntry entry : entries) {
      String containerId = entry.containerId();
      index.record(entry.a(), entry.b(), entry.kind(), containerId == null ? "" : containerId);
    }
  }

  /**
   * A saved entry of an index of written files, checked: its two keys (dev and inode, or the
   * two path hashes), its kind and its container.
   */
  private record SavedEntry(long a, long b, HeaderKind kind, @Nullable String containerId) {}

  /** Reads the kind, then the container id, of a saved entry whose keys are read. */
  private static SavedEntry savedEntry(long a, long b, Map<?, ?> saved, String where) {
    HeaderKind kind = kind(saved.get("kind"), where + ".kind");
    String containerId = optionalText(saved.get("containerId"), where + ".containerId");
    return new SavedEntry(a, b, kind, containerId);
  }

  /** A saved kind; none (version 1) is an ELF file's, the kind best protected from eviction. */
  private static HeaderKind kind(@Nullable Object value, String where) {
    if (value == null) {
      return HeaderKind.ELF;
    }
    HeaderKind kind = HeaderKind.named(text(value, where));
    if (kind == null) {
      throw corrupt(where + " must be \"elf\", \"script\" or \"header-prefix\", not "
          + describe(value));
    }
    return kind;
  }

  private static IllegalArgumentException corrupt(String message) {
    return new IllegalArgumentException("contained-executable state (SGL-1001/SGL-1002): " + message);
  }

  private static Map<?, ?> object(@Nullable Object value, String where) {
    if (value instanceof Map) {
      return (Map<?, ?>) value;
    }
    throw corrupt(where + " must be an object, not " + describe(value));
  }

  private static List<?> list(@Nullable Object value, String where) {
    if (value instanceof List) {
      return (List<?>) value;
    }
    throw corrupt(where + " must be an array, not " + describe(value));
  }

  private static String text(@Nullable Object value, String where) {
    if (value instanceof String) {
      return (String) value;
    }
    throw corrupt(where + " must be a string, not " + describe(value));
  }

  private static @Nullable String optionalText(@Nullable Object value, String where) {
    return value == null ? null : text(value, where);
  }

  private static long integer(@Nullable Object value, String where) {
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof Integer) {
      return (Integer) value;
    }
    throw corrupt(where + " must be an integer, not " + describe(value));
  }

  private static boolean bool(@Nullable Object value, String where) {
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw corrupt(where + " must be true or false, not " + describe(value));
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "null (or missing)";
    }
    String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text.length() > 40 ? "a " + value.getClass().getSimpleName() : text;
  }
}
