package dev.sigil.core.internal;

import java.util.Arrays;

/**
 * Re-usable byte storage, refilled for every event and allocating only when it must grow. Its
 * read methods have the shape of {@code ByteView}'s, so the event implementation makes it a view
 * by declaring the interface, without this leaf package knowing the API.
 */
public class ByteSlot {
  private byte[] bytes;
  private int length;

  /**
   * Creates an empty slot.
   *
   * @param initialCapacity bytes to reserve
   */
  public ByteSlot(int initialCapacity) {
    this.bytes = new byte[Math.max(1, initialCapacity)];
  }

  /** Empties the slot. */
  public void clear() {
    length = 0;
  }

  /**
   * Replaces the content.
   *
   * @param src the bytes
   * @param offset where they start
   * @param count how many
   */
  public void set(byte[] src, int offset, int count) {
    ensureCapacity(count);
    System.arraycopy(src, offset, bytes, 0, count);
    length = count;
  }

  /**
   * Makes room for {@code capacity} bytes and returns the backing array, for decoders that
   * write in place; call {@link #setLength(int)} afterwards.
   *
   * @param capacity bytes needed
   * @return the backing array
   */
  public byte[] reserve(int capacity) {
    ensureCapacity(capacity);
    return bytes;
  }

  /**
   * Sets how many bytes of the backing array are valid.
   *
   * @param length the length
   */
  public void setLength(int length) {
    this.length = length;
  }

  private void ensureCapacity(int needed) {
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /**
   * Returns how many bytes are valid.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * Returns one byte.
   *
   * @param index from 0 to {@code length() - 1}
   * @return the byte
   * @throws IndexOutOfBoundsException when the index is outside the content
   */
  public byte byteAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
    }
    return bytes[index];
  }

  /**
   * Tells whether the content starts with a prefix.
   *
   * @param prefix the prefix
   * @return true when it does
   */
  public boolean startsWith(byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Copies the content.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }
}
