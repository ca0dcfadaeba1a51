package dev.sigil.core.internal;

import java.util.Arrays;

/**
 * Decodes standard, padded base64 (Go's {@code encoding/json} encoding of {@code []byte}) from a
 * range of characters or ASCII bytes straight into a re-usable {@link ByteSlot}, allocating
 * nothing.
 */
public final class Base64Decoding {
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Decoding() {}

  /**
   * Decodes a range of base64 characters into a slot.
   *
   * @param src the characters
   * @param offset where the base64 text starts
   * @param length its length
   * @param out receives the bytes; its content is unspecified when decoding fails
   * @return true when the text was valid, padded, standard base64
   */
  public static boolean decode(char[] src, int offset, int length, ByteSlot out) {
    // The rare path (base64 text with JSON escapes): narrowed into the slot, then decoded there
    // in place, which is safe since every quad's three bytes land before the quad.
    byte[] narrow = out.reserve(length);
    for (int i = 0; i < length; i++) {
      char c = src[offset + i];
      narrow[i] = c < 128 ? (byte) c : (byte) -1;
    }
    return decode(narrow, 0, length, out);
  }

  /**
   * Decodes a range of base64 bytes (ASCII) into a slot.
   *
   * @param src the bytes
   * @param offset where the base64 text starts
   * @param length its length
   * @param out receives the bytes; its content is unspecified when decoding fails
   * @return true when the text was valid, padded, standard base64
   */
  public static boolean decode(byte[] src, int offset, int length, ByteSlot out) {
    if (length % 4 != 0) {
      return false;
    }
    int padding = 0;
    if (length > 0 && src[offset + length - 1] == '=') {
      padding = src[offset + length - 2] == '=' ? 2 : 1;
    }
    byte[] dst = out.reserve(length / 4 * 3 - padding);
    int fullQuadsEnd = offset + length - (padding > 0 ? 4 : 0);
    int o = 0;
    for (int i = offset; i < fullQuadsEnd; i += 4) {
      int a = value(src[i]);
      int b = value(src[i + 1]);
      int c = value(src[i + 2]);
      int d = value(src[i + 3]);
      if ((a | b | c | d) < 0) {
        return false;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      dst[o] = (byte) (bits >> 16);
      dst[o + 1] = (byte) (bits >> 8);
      dst[o + 2] = (byte) bits;
      o += 3;
    }
    if (padding > 0) {
      int a = value(src[fullQuadsEnd]);
      int b = value(src[fullQuadsEnd + 1]);
      int c = padding == 2 ? 0 : value(src[fullQuadsEnd + 2]);
      if ((a | b | c) < 0) {
        return false;
      }
      int bits = a << 18 | b << 12 | c << 6;
      dst[o++] = (byte) (bits >> 16);
      if (padding == 1) {
        dst[o++] = (byte) (bits >> 8);
      }
    }
    out.setLength(o);
    return true;
  }

  private static int value(byte b) {
    return b >= 0 ? VALUES[b] : -1;
  }
}
