package dev.sigil.core;

/**
 * A read-only view of bytes owned by an event, such as a {@code magic_write}'s {@code bytes}.
 *
 * <p>Like every view an {@link Event} hands out, it is valid only until the event is re-used
 * for the next event: copy what you keep with {@link #toByteArray()}.
 */
public interface ByteView {
  /**
   * Returns the number of bytes.
   *
   * @return the length
   */
  int length();

  /**
   * Returns one byte.
   *
   * @param index from 0 to {@code length() - 1}
   * @return the byte
   * @throws IndexOutOfBoundsException when the index is outside the view
   */
  byte byteAt(int index);

  /**
   * Tells whether the bytes start with a prefix.
   *
   * @param prefix the prefix
   * @return true when {@code length() >= prefix.length} and the first bytes are equal
   */
  default boolean startsWith(byte[] prefix) {
    if (length() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (byteAt(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Copies the bytes into a new array, for keeping.
   *
   * @return a new array
   */
  default byte[] toByteArray() {
    byte[] copy = new byte[length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = byteAt(i);
    }
    return copy;
  }
}
