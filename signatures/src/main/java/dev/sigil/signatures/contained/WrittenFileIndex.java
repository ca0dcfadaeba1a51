package dev.sigil.signatures.contained;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The files containers wrote an executable header to, keyed by two {@code long}s ((dev, inode),
 * or two hashes of a path), bounded so that no container can flush what matters:
 *
 * <ul>
 *   <li><b>A budget per kind.</b> Each {@link HeaderKind} holds at most its own capacity: a
 *       flood of {@code #!} scripts evicts scripts, never the ELF files another write left.</li>
 *   <li><b>A fair share per container.</b> Within a kind, a container that holds at least its
 *       fair share (the kind's capacity divided by the containers holding entries of that kind,
 *       itself included) makes room by forgetting its own least recently used entry; a container
 *       below its share takes the least recently used entry of the container holding the most.
 *       So a container that stays within its share never loses an entry to another container's
 *       writes, however many they are.</li>
 * </ul>
 *
 * <p>Containers are told apart by id, {@value #MAX_CONTAINERS} at once: writes without a
 * container id, and those of containers beyond that many (while they all hold entries), share
 * one owner. Finding, touching and recording a known file allocate nothing; a new file
 * allocates only when a new container is first seen, or the arrays grow towards the capacity.
 * Single-threaded, like the engine.
 *
 * <p>Built on an {@link LruIndex} whose capacity is the sum of the budgets, so that it never
 * evicts by itself: this class chooses every victim. The index's recency order (every kind and
 * container together) is the order entries are saved in.
 */
final class WrittenFileIndex {
  /** Containers told apart at once; far more than a node runs. */
  static final int MAX_CONTAINERS = 4096;
  /** The owner of writes without a container id, and of containers beyond the limit. */
  private static final int SHARED_OWNER = 0;
  private static final int NONE = -1;
  private static final int KINDS = HeaderKind.count();

  private final LruIndex index;
  private final int[] capacity = new int[KINDS];
  private final int[] size = new int[KINDS];
  private final long[] evictions = new long[KINDS];
  /** Inserts, moves and evictions so far: a caller syncing counters knows when to. */
  private long changes;
  /** Per kind, how many owners hold at least one entry of it. */
  private final int[] ownersHolding = new int[KINDS];

  // Per entry, grown with the entry numbers the index hands out.
  private int[] kindOf = new int[64];
  private int[] ownerOf = new int[64];
  private int[] ownerNewer = new int[64];
  private int[] ownerOlder = new int[64];

  // Per kind and owner: how many entries, and the owner's recency list within the kind.
  private final int[][] count = new int[KINDS][];
  private final int[][] ownerOldest = new int[KINDS][];
  private final int[][] ownerNewest = new int[KINDS][];
  // Per owner: its container id, and how many entries it holds of every kind together.
  private @Nullable String[] ownerNames;
  private int[] ownerTotal;
  private final Map<String, Integer> ownerSlots = new HashMap<>();
  private int ownersMade = 1;

  /**
   * Creates an empty index.
   *
   * @param capacities the most entries of each kind, by {@link HeaderKind#ordinal()}; each at
   *     least 1
   */
  WrittenFileIndex(int[] capacities) {
    long total = 0;
    for (int k = 0; k < KINDS; k++) {
      if (capacities[k] < 1) {
        throw new IllegalArgumentException("capacity must be at least 1: " + capacities[k]);
      }
      capacity[k] = capacities[k];
      total += capacities[k];
    }
    if (total > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("capacities too large together: " + total);
    }
    this.index = new LruIndex((int) total);
    int owners = 16;
    for (int k = 0; k < KINDS; k++) {
      count[k] = new int[owners];
      ownerOldest[k] = filled(owners);
      ownerNewest[k] = filled(owners);
    }
    ownerNames = new String[owners];
    ownerTotal = new int[owners];
  }

  private static int[] filled(int length) {
    int[] array = new int[length];
    Arrays.fill(array, NONE);
    return array;
  }

  /**
   * Remembers a file written in a container, or makes a known one the most recent. A known file
   * written again with another kind moves to that kind's budget; written by another container
   * (a shared volume), it becomes that container's.
   *
   * @param a the first key
   * @param b the second key
   * @param kind what was written
   * @param containerId the writer's container id (an interned {@code String}); empty when the
   *     event has none, which keeps a known file's container
   * @return the entry's number
   */
  int record(long a, long b, HeaderKind kind, String containerId) {
    int k = kind.ordinal();
    int entry = index.find(a, b);
    if (entry >= 0) {
      index.touch(entry);
      int owner = containerId.isEmpty() ? ownerOf[entry] : ownerSlot(containerId);
      if (kindOf[entry] == k && ownerOf[entry] == owner) {
        touchOwner(entry);
      } else {
        // Reserved, so that neither moving the entry nor making room frees the owner's number.
        ownerTotal[owner]++;
        detach(entry);
        makeRoom(k, owner);
        attach(entry, k, owner);
        ownerTotal[owner]--;
        changes++;
      }
      if (!containerId.isEmpty()) {
        index.attachment(entry, containerId);
      }
      return entry;
    }
    int owner = ownerSlot(containerId);
    ownerTotal[owner]++; // reserved, as above
    makeRoom(k, owner);
    entry = index.insert(a, b);
    if (entry >= kindOf.length) {
      growEntries(Math.max(entry + 1, Math.min(index.capacity(), kindOf.length * 2)));
    }
    attach(entry, k, owner);
    ownerTotal[owner]--;
    index.attachment(entry, containerId.isEmpty() ? null : containerId);
    changes++;
    return entry;
  }

  /**
   * Finds a file, making it the most recent.
   *
   * @return the entry's number, or -1
   */
  int find(long a, long b) {
    int entry = index.find(a, b);
    if (entry >= 0) {
      index.touch(entry);
      touchOwner(entry);
    }
    return entry;
  }

  /** The container that wrote the entry's file, or null when unknown. */
  @Nullable String containerId(int entry) {
    return (String) index.attachment(entry);
  }

  HeaderKind kind(int entry) {
    return HeaderKind.of(kindOf[entry]);
  }

  int size() {
    return index.size();
  }

  int size(HeaderKind kind) {
    return size[kind.ordinal()];
  }

  int capacity(HeaderKind kind) {
    return capacity[kind.ordinal()];
  }

  /** Entries of the kind forgotten to make room, since this index was made. */
  long evictions(HeaderKind kind) {
    return evictions[kind.ordinal()];
  }

  long evictions() {
    long sum = 0;
    for (long e : evictions) {
      sum += e;
    }
    return sum;
  }

  /** Changes to sizes or evictions so far (inserts, moves between kinds or owners, evictions). */
  long changes() {
    return changes;
  }

  /** The least recently used entry of all, to walk towards the newest; -1 when empty. */
  int oldest() {
    return index.oldest();
  }

  int newerThan(int entry) {
    return index.newerThan(entry);
  }

  long keyA(int entry) {
    return index.keyA(entry);
  }

  long keyB(int entry) {
    return index.keyB(entry);
  }

  /** Forgets every entry and container (the eviction counts stay). */
  void clear() {
    index.clear();
    Arrays.fill(size, 0);
    Arrays.fill(ownersHolding, 0);
    for (int k = 0; k < KINDS; k++) {
      Arrays.fill(count[k], 0);
      Arrays.fill(ownerOldest[k], NONE);
      Arrays.fill(ownerNewest[k], NONE);
    }
    Arrays.fill(ownerNames, null);
    Arrays.fill(ownerTotal, 0);
    ownerSlots.clear();
    ownersMade = 1;
  }

  // ---- budgets

  /** Frees one entry of the kind when it is full, choosing the victim by the fair-share rule. */
  private void makeRoom(int k, int owner) {
    if (size[k] < capacity[k]) {
      return;
    }
    int holders = ownersHolding[k] + (count[k][owner] == 0 ? 1 : 0);
    int share = (int) ((capacity[k] + (long) holders - 1) / holders);
    int victimOwner = count[k][owner] >= share ? owner : largestOwner(k);
    int victim = ownerOldest[k][victimOwner];
    detach(victim);
    index.remove(victim);
    evictions[k]++;
  }

  /**
   * The owner holding the most entries of a kind. A scan of the owners, made only when a
   * container below its share meets a full budget: a flooding container is over its share and
   * evicts its own entries without it.
   */
  private int largestOwner(int k) {
    int largest = SHARED_OWNER;
    int[] counts = count[k];
    for (int owner = 0; owner < ownersMade; owner++) {
      if (counts[owner] > counts[largest]) {
        largest = owner;
      }
    }
    return largest;
  }

  private void attach(int entry, int k, int owner) {
    kindOf[entry] = k;
    ownerOf[entry] = owner;
    if (count[k][owner]++ == 0) {
      ownersHolding[k]++;
    }
    size[k]++;
    ownerTotal[owner]++;
    linkOwnerNewest(entry, k, owner);
  }

  private void detach(int entry) {
    int k = kindOf[entry];
    int owner = ownerOf[entry];
    unlinkOwner(entry, k, owner);
    if (--count[k][owner] == 0) {
      ownersHolding[k]--;
    }
    size[k]--;
    // An owner left with no entry keeps its number until one is needed (reclaimOwner): a file
    // that two containers take turns writing would otherwise re-register them, allocating.
    ownerTotal[owner]--;
  }

  private void touchOwner(int entry) {
    int k = kindOf[entry];
    int owner = ownerOf[entry];
    if (ownerNewest[k][owner] == entry) {
      return;
    }
    unlinkOwner(entry, k, owner);
    linkOwnerNewest(entry, k, owner);
  }

  /** Puts the entry at the newest end of its owner's list for kind k. */
  private void linkOwnerNewest(int entry, int k, int owner) {
    int newest = ownerNewest[k][owner];
    ownerNewer[entry] = NONE;
    ownerOlder[entry] = newest;
    if (newest != NONE) {
      ownerNewer[newest] = entry;
    } else {
      ownerOldest[k][owner] = entry;
    }
    ownerNewest[k][owner] = entry;
  }

  private void unlinkOwner(int entry, int k, int owner) {
    int newer = ownerNewer[entry];
    int older = ownerOlder[entry];
    if (newer == NONE) {
      ownerNewest[k][owner] = older;
    } else {
      ownerOlder[newer] = older;
    }
    if (older == NONE) {
      ownerOldest[k][owner] = newer;
    } else {
      ownerNewer[older] = newer;
    }
  }

  private void growEntries(int length) {
    kindOf = Arrays.copyOf(kindOf, length);
    ownerOf = Arrays.copyOf(ownerOf, length);
    ownerNewer = Arrays.copyOf(ownerNewer, length);
    ownerOlder = Arrays.copyOf(ownerOlder, length);
  }

  // ---- containers

  /** The owner number of a container id, making one for a new container while there is room. */
  private int ownerSlot(String containerId) {
    if (containerId.isEmpty()) {
      return SHARED_OWNER;
    }
    Integer known = ownerSlots.get(containerId);
    if (known != null) {
      return known;
    }
    int owner;
    if (ownersMade < MAX_CONTAINERS) {
      if (ownersMade == ownerTotal.length) {
        growOwners(Math.min(MAX_CONTAINERS, ownersMade * 2));
      }
      owner = ownersMade++;
    } else {
      owner = reclaimOwner();
      if (owner == NONE) {
        return SHARED_OWNER;
      }
    }
    ownerNames[owner] = containerId;
    ownerSlots.put(containerId, owner);
    return owner;
  }

  /**
   * Takes back the number of a container that holds no entry any more, for a new container
   * once all numbers are in use; a scan, made only when a container is first seen then.
   *
   * @return the number, or -1 when every container still holds entries
   */
  private int reclaimOwner() {
    for (int owner = SHARED_OWNER + 1; owner < ownersMade; owner++) {
      if (ownerTotal[owner] == 0) {
        String name = ownerNames[owner];
        if (name != null) {
          ownerSlots.remove(name);
        }
        return owner;
      }
    }
    return NONE;
  }

  private void growOwners(int length) {
    int old = ownerTotal.length;
    for (int k = 0; k < KINDS; k++) {
      count[k] = Arrays.copyOf(count[k], length);
      ownerOldest[k] = Arrays.copyOf(ownerOldest[k], length);
      ownerNewest[k] = Arrays.copyOf(ownerNewest[k], length);
      Arrays.fill(ownerOldest[k], old, length, NONE);
      Arrays.fill(ownerNewest[k], old, length, NONE);
    }
    ownerNames = Arrays.copyOf(ownerNames, length);
    ownerTotal = Arrays.copyOf(ownerTotal, length);
  }
}
