package dev.sigil.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Re-usable character storage that is its own {@link CharSequence} view: a flyweight that is
 * refilled for every event and allocates only when it must grow.
 *
 * <p>A slot holds its text one of two ways: in its own characters, or as a view over ASCII bytes
 * that someone else owns ({@link #wrapAscii}), so that a decoder can hand out text straight from
 * its input line without converting it to UTF-16. A view is valid as long as those bytes are
 * unchanged: for a decoded event, until the producer moves on.
 */
public final class TextSlot implements CharSequence {
  private static final byte[] NO_BYTES = new byte[0];

  private char[] chars;
  private int length;
  /** The viewed ASCII bytes, or null when the text is in {@link #chars}. */
  private byte @Nullable [] bytes;
  private int byteOffset;

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
    bytes = null;
    length = 0;
  }

  /**
   * Makes the slot a view over a range of ASCII bytes, copying nothing. The caller guarantees
   * that every byte of the range is below 0x80 and that the bytes stay unchanged while the slot
   * is read.
   *
   * @param src the bytes
   * @param offset where the text starts
   * @param count how many bytes (= characters)
   */
  public void wrapAscii(byte[] src, int offset, int count) {
    bytes = src;
    byteOffset = offset;
    length = count;
  }

  /**
   * Tells whether the slot is a view over bytes ({@link #wrapAscii}) rather than holding its
   * own characters.
   *
   * @return true for a view
   */
  public boolean isView() {
    return bytes != null;
  }

  /**
   * Returns the viewed bytes; meaningful only while {@link #isView()}.
   *
   * @return the bytes, from {@link #viewOffset()} for {@link #length()} bytes
   */
  public byte[] viewBytes() {
    byte[] b = bytes;
    return b == null ? NO_BYTES : b;
  }

  /**
   * Returns where the viewed text starts in {@link #viewBytes()}.
   *
   * @return the offset
   */
  public int viewOffset() {
    return byteOffset;
  }

  /**
   * Replaces the content with a range of characters.
   *
   * @param src the characters
   * @param offset where they start
   * @param count how many
   */
  public void set(char[] src, int offset, int count) {
    bytes = null;
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
    if (src == this) {
      return;
    }
    bytes = null;
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
    ownCharacters();
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
    ownCharacters();
    ensureCapacity(length + count);
    System.arraycopy(src, offset, chars, length, count);
    length += count;
  }

  /** Turns a view into characters of the slot's own, so that they can be appended to. */
  private void ownCharacters() {
    byte[] b = bytes;
    if (b != null) {
      ensureCapacity(length);
      for (int i = 0; i < length; i++) {
        chars[i] = (char) b[byteOffset + i];
      }
      bytes = null;
    }
  }

  private void ensureCapacity(int needed) {
    if (needed > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }
  }

  /**
   * Returns the backing array; valid up to {@link #length()}. A view's bytes are copied into
   * the slot's own characters first.
   *
   * @return the characters
   */
  public char[] array() {
    ownCharacters();
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
    byte[] b = bytes;
    return b != null ? (char) b[byteOffset + index] : chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    if (start < 0 || end > length || start > end) {
      throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") outside [0, " + length + ")");
    }
    byte[] b = bytes;
    return b != null
        ? new String(b, byteOffset + start, end - start, StandardCharsets.ISO_8859_1)
        : new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    byte[] b = bytes;
    return b != null
        ? new String(b, byteOffset, length, StandardCharsets.ISO_8859_1)
        : new String(chars, 0, length);
  }
}
