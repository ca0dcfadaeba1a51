package dev.sigil.core.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Which handlers an event reaches, precomputed once: a table indexed by event type id and
 * origin, so that dispatch costs one array read whatever the number of handlers selecting other
 * events. A handler selects (type, origin) pairs where either may be a wildcard; an event
 * reaches, in registration order, every handler with a selector matching (type, origin),
 * (type, any), (any, origin) or (any, any).
 *
 * <p>Immutable once built; safe to read from any thread.
 *
 * @param <T> the handlers
 */
public final class DispatchTable<T> {
  /** Stands for "any type" or "any origin" in a selector. */
  public static final int ANY = -1;

  private final int origins;
  private final int maxTypeId;
  private final T[][] byTypeAndOrigin;
  private final T[][] wildcardOnly;

  private DispatchTable(int origins, int maxTypeId, T[][] byTypeAndOrigin, T[][] wildcardOnly) {
    this.origins = origins;
    this.maxTypeId = maxTypeId;
    this.byTypeAndOrigin = byTypeAndOrigin;
    this.wildcardOnly = wildcardOnly;
  }

  /**
   * Starts a table.
   *
   * @param origins how many origins there are (origins are 0 to {@code origins - 1})
   * @param newArray makes handler arrays
   * @param <T> the handlers
   * @return a builder
   */
  public static <T> Builder<T> builder(int origins, IntFunction<T[]> newArray) {
    return new Builder<>(origins, newArray);
  }

  /**
   * Returns the handlers an event reaches, in registration order. Allocates nothing.
   *
   * @param typeId the event's type id; negative for a type no selector can name
   * @param origin the event's origin
   * @return the handlers; the caller must not change the array
   */
  public T[] select(int typeId, int origin) {
    return typeId >= 0 && typeId <= maxTypeId
        ? byTypeAndOrigin[typeId * origins + origin]
        : wildcardOnly[origin];
  }

  /**
   * Collects handlers and their selectors.
   *
   * @param <T> the handlers
   */
  public static final class Builder<T> {
    private final int origins;
    private final IntFunction<T[]> newArray;
    private final List<T> handlers = new ArrayList<>();
    private final Map<T, List<int[]>> selectors = new IdentityHashMap<>();

    private Builder(int origins, IntFunction<T[]> newArray) {
      this.origins = origins;
      this.newArray = newArray;
    }

    /**
     * Adds a selector of a handler; a handler's first selector registers it, fixing its place
     * in the order.
     *
     * @param handler the handler
     * @param typeId the type id it selects, or {@link #ANY}
     * @param origin the origin it selects, or {@link #ANY}
     * @return this builder
     */
    public Builder<T> select(T handler, int typeId, int origin) {
      if (typeId < ANY || origin < ANY || origin >= origins) {
        throw new IllegalArgumentException("bad selector (" + typeId + ", " + origin + ")");
      }
      selectors.computeIfAbsent(handler, h -> {
        handlers.add(h);
        return new ArrayList<>();
      }).add(new int[] {typeId, origin});
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table
     */
    public DispatchTable<T> build() {
      int max = ANY;
      for (List<int[]> list : selectors.values()) {
        for (int[] selector : list) {
          max = Math.max(max, selector[0]);
        }
      }
      T[][] wildcardOnly = newArrays(origins);
      for (int origin = 0; origin < origins; origin++) {
        wildcardOnly[origin] = matching(ANY, origin);
      }
      T[][] table = newArrays((max + 1) * origins);
      for (int typeId = 0; typeId <= max; typeId++) {
        for (int origin = 0; origin < origins; origin++) {
          T[] matched = matching(typeId, origin);
          T[] wildcard = wildcardOnly[origin];
          // Share the wildcard row when equal: most types select nothing but the wildcards.
          table[typeId * origins + origin] = Arrays.equals(matched, wildcard) ? wildcard : matched;
        }
      }
      return new DispatchTable<>(origins, max, table, wildcardOnly);
    }

    @SuppressWarnings("unchecked")
    private T[][] newArrays(int length) {
      return (T[][]) Array.newInstance(newArray.apply(0).getClass(), length);
    }

    /** The handlers an event of this type (ANY: a type no selector names) and origin reaches. */
    private T[] matching(int typeId, int origin) {
      List<T> matched = new ArrayList<>();
      for (T handler : handlers) {
        // Every handler in the list was put in the map with its selectors.
        for (int[] selector : selectors.getOrDefault(handler, List.of())) {
          boolean typeMatches = selector[0] == ANY || (typeId != ANY && selector[0] == typeId);
          boolean originMatches = selector[1] == ANY || selector[1] == origin;
          if (typeMatches && originMatches) {
            matched.add(handler);
            break;
          }
        }
      }
      return matched.toArray(newArray.apply(matched.size()));
    }
  }
}
