package dev.sigil.core.internal;

import java.util.Arrays;

/**
 * Re-usable character storage that is its own {@link CharSequence} view: a flyweight that is
 * refilled for every event and allocates only when it must grow.
 */
public final class TextSlot implements CharSequence {
  private char[] chars;
  private int length;

  /**
   * Creates an empty slot.
   *
   * @param initialCapacity characters to reserve
   */
  public TextSlot(int initialCapacity) {
    this.chars = new char[Math.max(1, initialCapacity)];
  }

  /** Empties the slot. */
  public void clear() {
    length = 0;
  }

  /**
   * Replaces the content with a range of characters.
   *
   * @param src the characters
   * @param offset where they start
   * @param count how many
   */
  public void set(char[] src, int offset, int count) {
    ensureCapacity(count);
    System.arraycopy(src, offset, chars, 0, count);
    length = count;
  }

  /**
   * Replaces the content with a character sequence.
   *
   * @param src the characters
   */
  public void set(CharSequence src) {
    int count = src.length();
    ensureCapacity(count);
    for (int i = 0; i < count; i++) {
      chars[i] = src.charAt(i);
    }
    length = count;
  }

  /**
   * Appends one character.
   *
   * @param c the character
   */
  public void append(char c) {
    ensureCapacity(length + 1);
    chars[length++] = c;
  }

  /**
   * Appends a range of characters.
   *
   * @param src the characters
   * @param offset where they start
   * @param count how many
   */
  public void append(char[] src, int offset, int count) {
    ensureCapacity(length + count);
    System.arraycopy(src, offset, chars, length, count);
    length += count;
  }

  private void ensureCapacity(int needed) {
    if (needed > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }
  }

  /**
   * Returns the backing array; valid up to {@link #length()}.
   *
   * @return the characters
   */
  public char[] array() {
    return chars;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
    }
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    if (start < 0 || end > length || start > end) {
      throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") outside [0, " + length + ")");
    }
    return new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
