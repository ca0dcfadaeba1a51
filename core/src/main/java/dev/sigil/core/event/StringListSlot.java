package dev.sigil.core.event;

import dev.sigil.core.StringList;
import dev.sigil.core.internal.TextSlot;
import java.util.Arrays;

/** A re-usable {@link StringList}: its slots are refilled for every event. */
public final class StringListSlot implements StringList {
  private TextSlot[] items = new TextSlot[0];
  private int size;

  /** Empties the list. */
  public void clear() {
    size = 0;
  }

  /**
   * Appends an element and returns its storage, to be filled by the caller.
   *
   * @return the new element's slot
   */
  public TextSlot add() {
    if (size == items.length) {
      items = Arrays.copyOf(items, Math.max(4, items.length * 2));
    }
    if (items[size] == null) {
      items[size] = new TextSlot(32);
    }
    TextSlot slot = items[size++];
    slot.clear();
    return slot;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public CharSequence get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
    }
    return items[index];
  }
}
