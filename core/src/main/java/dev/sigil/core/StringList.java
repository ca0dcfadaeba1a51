package dev.sigil.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of a {@code []string} argument such as {@code argv}.
 *
 * <p>Valid only until the event is re-used for the next event, as are the character sequences
 * it returns: copy what you keep with {@link #toList()}.
 */
public interface StringList {
  /**
   * Returns the number of strings.
   *
   * @return the size
   */
  int size();

  /**
   * Returns one string as a view.
   *
   * @param index from 0 to {@code size() - 1}
   * @return a view of the string, valid until the next event
   * @throws IndexOutOfBoundsException when the index is outside the list
   */
  CharSequence get(int index);

  /**
   * Copies the strings into a new list, for keeping.
   *
   * @return a new, unmodifiable list
   */
  default List<String> toList() {
    List<String> copy = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      copy.add(get(i).toString());
    }
    return List.copyOf(copy);
  }
}
