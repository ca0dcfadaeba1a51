package dev.sigil.signatures.internal;

import dev.sigil.core.Counter;
import dev.sigil.core.SignatureContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the contained-executable signatures remember: the inode index, the per-host first-seen
 * times and the learned profile, each bounded with least-recently-used eviction, and their
 * saved form.
 *
 * <p>Saved form (version 1), oldest entries first so that a restore keeps recency:
 * <pre>{@code
 * {"format": "sigil-contained-executable", "version": 1,
 *  "hosts":   [{"host": "node-1", "firstSeen": 1700000000000000000}],
 *  "profile": [["node-1", "bash", "/payload.sh"]],
 *  "inodes":  [{"dev": 2049, "inode": 1234, "written": true, "executed": false,
 *               "containerId": "abc..."}]}
 * }</pre>
 * A restore with more entries than a capacity keeps the newest ones.
 */
final class ContainedExecutableState {
  static final String FORMAT = "sigil-contained-executable";
  static final long VERSION = 1;

  private final LruIndex inodes;
  private final LruIndex hosts;
  private final LearnedProfile profile;
  // Set by bindCounters, which the signature's init calls before any event or restore.
  private Counter inodeCount;
  private Counter inodeEvictions;
  private Counter profileKeys;
  private Counter profileEvictions;
  private Counter hostCount;
  private Counter hostEvictions;

  ContainedExecutableState(int inodeCapacity, int profileCapacity, int hostCapacity) {
    this.inodes = new LruIndex(inodeCapacity);
    this.hosts = new LruIndex(hostCapacity);
    this.profile = new LearnedProfile(profileCapacity);
  }

  void bindCounters(SignatureContext context) {
    inodeCount = context.counter("inodes");
    inodeEvictions = context.counter("inodeEvictions");
    profileKeys = context.counter("profileKeys");
    profileEvictions = context.counter("profileEvictions");
    hostCount = context.counter("hosts");
    hostEvictions = context.counter("hostEvictions");
    syncCounters();
  }

  private void syncCounters() {
    sync(inodeCount, inodes.size());
    sync(inodeEvictions, inodes.evictions());
    sync(profileKeys, profile.size());
    sync(profileEvictions, profile.evictions());
    sync(hostCount, hosts.size());
    sync(hostEvictions, hosts.evictions());
  }

  private static void sync(Counter counter, long value) {
    counter.add(value - counter.get());
  }

  // ---- inodes

  int recordInode(long dev, long inode, int how) {
    int entry = inodes.find(dev, inode);
    if (entry < 0) {
      entry = inodes.insert(dev, inode);
      syncCounters();
    } else {
      inodes.touch(entry);
    }
    inodes.flags(entry, inodes.flags(entry) | how);
    return entry;
  }

  void inodeContainerId(int entry, String containerId) {
    inodes.attachment(entry, containerId);
  }

  int findInode(long dev, long inode) {
    int entry = inodes.find(dev, inode);
    if (entry >= 0) {
      inodes.touch(entry);
    }
    return entry;
  }

  int inodeHow(int entry) {
    return inodes.flags(entry);
  }

  @Nullable String inodeContainerId(int entry) {
    return (String) inodes.attachment(entry);
  }

  int inodeCount() {
    return inodes.size();
  }

  // ---- hosts

  /**
   * Returns when a host was first seen, remembering now for a new host. Allocates only for a
   * host not seen before.
   */
  long hostFirstSeen(CharSequence host, long now) {
    long a = fnv1a(host);
    long b = polynomial(host);
    int entry = hosts.find(a, b);
    if (entry >= 0) {
      hosts.touch(entry);
      return hosts.value(entry);
    }
    entry = hosts.insert(a, b);
    hosts.value(entry, now);
    hosts.attachment(entry, host.toString());
    syncCounters();
    return now;
  }

  // Two independent 64-bit hashes key a host: a collision of both is not a practical concern,
  // and it saves allocating a String per event to look a host up.
  private static long fnv1a(CharSequence text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static long polynomial(CharSequence text) {
    long h = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ ((long) text.length() << 56);
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
      inode.put("written", (inodes.flags(e) & ContainedExecutable.WRITTEN) != 0);
      inode.put("executed", (inodes.flags(e) & ContainedExecutable.EXECUTED) != 0);
      Object containerId = inodes.attachment(e);
      if (containerId != null) {
        inode.put("containerId", containerId);
      }
      savedInodes.add(inode);
    }
    tree.put("inodes", savedInodes);
    return tree;
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
    List<long[]> inodeKeys = new ArrayList<>();
    List<@Nullable String> containerIds = new ArrayList<>();
    for (int i = 0; i < savedInodes.size(); i++) {
      String where = "inodes[" + i + "]";
      Map<?, ?> inode = object(savedInodes.get(i), where);
      int how = (bool(inode.get("written"), where + ".written") ? ContainedExecutable.WRITTEN : 0)
          | (bool(inode.get("executed"), where + ".executed") ? ContainedExecutable.EXECUTED : 0);
      inodeKeys.add(new long[] {integer(inode.get("dev"), where + ".dev"),
          integer(inode.get("inode"), where + ".inode"), how});
      Object containerId = inode.get("containerId");
      containerIds.add(containerId == null ? null : text(containerId, where + ".containerId"));
    }

    hosts.clear();
    for (int i = 0; i < hostNames.size(); i++) {
      String name = hostNames.get(i);
      int entry = hosts.find(fnv1a(name), polynomial(name));
      if (entry < 0) {
        entry = hosts.insert(fnv1a(name), polynomial(name));
      }
      hosts.value(entry, firstSeen.get(i));
      hosts.attachment(entry, name);
    }
    profile.clear();
    for (String key : profileKeysToRestore) {
      profile.learn(key);
    }
    inodes.clear();
    for (int i = 0; i < inodeKeys.size(); i++) {
      long[] key = inodeKeys.get(i);
      int entry = inodes.find(key[0], key[1]);
      if (entry < 0) {
        entry = inodes.insert(key[0], key[1]);
      }
      inodes.flags(entry, (int) key[2]);
      inodes.attachment(entry, containerIds.get(i));
    }
    syncCounters();
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
