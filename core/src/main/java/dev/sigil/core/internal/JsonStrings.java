package dev.sigil.core.internal;

/**
 * JSON strings in UTF-8 bytes: where one ends (checking its escapes, its UTF-8 and that it holds
 * no raw control character), and its text decoded to UTF-16. The slow path of a decoder, for the
 * strings that are not plain ASCII; plain ones are read as views of their bytes
 * ({@link TextSlot#wrapAscii}). Every method starts just after the opening quote and relies on the
 * line's {@code '\n'} to stop it (see {@link JsonBytes}).
 */
public final class JsonStrings {
  private JsonStrings() {}

  /**
   * Finds the end of a string, checking it.
   *
   * @param bytes the bytes
   * @param from the first byte after the opening quote
   * @return one past the closing quote; or {@code ~position} of the byte where the string went
   *     wrong (a control character such as the line's newline, a bad escape, bad UTF-8)
   */
  public static int end(byte[] bytes, int from) {
    int i = from;
    while (true) {
      i = JsonBytes.stringStop(bytes, i);
      if (i >= bytes.length) {
        return ~i;
      }
      byte b = bytes[i];
      if (b == '"') {
        return i + 1;
      }
      if (b == '\\') {
        i = escapeEnd(bytes, i);
      } else if (b < 0) {
        int next = Utf8.sequenceEnd(bytes, i, bytes.length);
        i = next < 0 ? ~i : next;
      } else {
        return ~i;
      }
      if (i < 0) {
        return i;
      }
    }
  }

  /** Returns one past an escape sequence starting at its backslash, or {@code ~position} of the fault. */
  private static int escapeEnd(byte[] bytes, int at) {
    if (at + 1 >= bytes.length) {
      return ~(at + 1);
    }
    switch (bytes[at + 1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return at + 2;
      case 'u':
        for (int k = 2; k < 6; k++) {
          if (at + k >= bytes.length || JsonBytes.hexValue(bytes[at + k]) < 0) {
            return ~(at + k);
          }
        }
        return at + 6;
      default:
        return ~(at + 1);
    }
  }

  /**
   * Decodes a string's text, appending it to a slot.
   *
   * @param bytes the bytes
   * @param from the first byte after the opening quote
   * @param out receives the characters
   * @return one past the closing quote; or {@code ~position} of the fault, as {@link #end}
   */
  public static int decode(byte[] bytes, int from, TextSlot out) {
    int i = from;
    while (true) {
      int stop = JsonBytes.stringStop(bytes, i);
      for (int k = i; k < stop; k++) {
        out.append((char) bytes[k]);
      }
      i = stop;
      if (i >= bytes.length) {
        return ~i;
      }
      byte b = bytes[i];
      if (b == '"') {
        return i + 1;
      }
      if (b == '\\') {
        int end = escapeEnd(bytes, i);
        if (end < 0) {
          return end;
        }
        out.append(escaped(bytes, i));
        i = end;
      } else if (b < 0) {
        int end = Utf8.sequenceEnd(bytes, i, bytes.length);
        if (end < 0) {
          return ~i;
        }
        int codePoint = Utf8.codePoint(bytes, i);
        if (codePoint >= 0x10000) {
          out.append(Character.highSurrogate(codePoint));
          out.append(Character.lowSurrogate(codePoint));
        } else {
          out.append((char) codePoint);
        }
        i = end;
      } else {
        return ~i;
      }
    }
  }

  /** The character of an escape sequence that {@link #escapeEnd} accepted. */
  private static char escaped(byte[] bytes, int at) {
    switch (bytes[at + 1]) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return (char) (JsonBytes.hexValue(bytes[at + 2]) << 12 | JsonBytes.hexValue(bytes[at + 3]) << 8
            | JsonBytes.hexValue(bytes[at + 4]) << 4 | JsonBytes.hexValue(bytes[at + 5]));
      default:
        return (char) bytes[at + 1]; // '"', '\\', '/'
    }
  }
}
