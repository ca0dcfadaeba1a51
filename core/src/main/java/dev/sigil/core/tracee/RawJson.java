package dev.sigil.core.tracee;

import dev.sigil.core.internal.JsonBytes;
import dev.sigil.core.internal.JsonNumbers;
import dev.sigil.core.internal.JsonStrings;
import dev.sigil.core.internal.TextSlot;
import dev.sigil.core.internal.Utf8;

/**
 * JSON values the decoder does not map to fields: checked and skipped (unknown keys,
 * {@code matchedPolicies}, {@code metadata}), or kept as the compact JSON text of a structured
 * argument. Tracee writes compact ASCII JSON, so a kept value is usually a view of its bytes;
 * only a value with whitespace, escapes or non-ASCII text is rewritten, into compact JSON whose
 * strings escape exactly {@code "}, {@code \}, and control characters.
 *
 * <p>Values are walked without recursion (a stack of container kinds, as deep as the nesting
 * limit), so hostile nesting costs neither stack nor more than the limit.
 */
final class RawJson {
  private final int maxDepth;
  private final String depthReason;
  /** For each open container (1-based within the value): whether it is an object. */
  private final boolean[] objects;
  private final TextSlot decoded = new TextSlot(64);

  /** Set by {@link #skip}: the value holds no whitespace, escape or non-ASCII byte. */
  private boolean plain;

  RawJson(int maxDepth) {
    this.maxDepth = maxDepth;
    this.depthReason = "nesting deeper than " + maxDepth;
    this.objects = new boolean[maxDepth + 2];
  }

  /** The deepest nesting a line may have. */
  int maxDepth() {
    return maxDepth;
  }

  /** Whether the value last skipped is its own compact, ASCII, escape-free JSON text. */
  boolean plain() {
    return plain;
  }

  LineRejected tooDeep() {
    return LineRejected.because(depthReason);
  }

  /**
   * Checks the JSON value at {@code at} and returns where it ends.
   *
   * @param bytes the line's bytes
   * @param at the value's first byte (not whitespace)
   * @param depth how many containers enclose the value
   * @return one past the value
   * @throws LineRejected when the value is malformed or nests too deep
   */
  int skip(byte[] bytes, int at, int depth) {
    boolean isPlain = true;
    int p = at;
    int level = 0;
    while (true) {
      // A value starts at p.
      byte c = bytes[p];
      if (c == '"') {
        int stop = JsonBytes.stringStop(bytes, p + 1);
        if (bytes[stop] == '"') {
          p = stop + 1;
        } else {
          isPlain = false;
          p = stringEnd(bytes, p + 1);
        }
      } else if (c == '{' || c == '[') {
        if (depth + level + 1 > maxDepth) {
          throw tooDeep();
        }
        level++;
        boolean object = c == '{';
        objects[level] = object;
        int q = p + 1;
        if (JsonBytes.isSpace(bytes[q])) {
          isPlain = false;
          q = JsonBytes.skipSpace(bytes, q);
        }
        if (bytes[q] == (object ? '}' : ']')) {
          p = q + 1;
          level--;
        } else if (object) {
          int member = member(bytes, q);
          isPlain &= member > 0;
          p = Math.abs(member);
          continue;
        } else {
          p = q;
          continue;
        }
      } else if (c == 't') {
        p = literal(bytes, p, "true");
      } else if (c == 'f') {
        p = literal(bytes, p, "false");
      } else if (c == 'n') {
        p = literal(bytes, p, "null");
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        p = number(bytes, p);
      } else {
        throw LineRejected.malformedAt(p);
      }
      // After a value: close containers, or move on to the next element or member.
      while (true) {
        if (level == 0) {
          plain = isPlain;
          return p;
        }
        byte next = bytes[p];
        if (JsonBytes.isSpace(next)) {
          isPlain = false;
          p = JsonBytes.skipSpace(bytes, p);
          next = bytes[p];
        }
        boolean object = objects[level];
        if (next == ',') {
          int q = p + 1;
          if (JsonBytes.isSpace(bytes[q])) {
            isPlain = false;
            q = JsonBytes.skipSpace(bytes, q);
          }
          if (object) {
            int member = member(bytes, q);
            isPlain &= member > 0;
            p = Math.abs(member);
          } else {
            p = q;
          }
          break;
        }
        if (next == (object ? '}' : ']')) {
          p++;
          level--;
          continue;
        }
        throw LineRejected.malformedAt(p);
      }
    }
  }

  /**
   * Reads a member's key and colon at {@code at}.
   *
   * @return the position of its value, negated when the key or its colon are not plain
   */
  private int member(byte[] bytes, int at) {
    if (bytes[at] != '"') {
      throw LineRejected.malformedAt(at);
    }
    boolean isPlain = true;
    int p;
    int stop = JsonBytes.stringStop(bytes, at + 1);
    if (bytes[stop] == '"') {
      p = stop + 1;
    } else {
      isPlain = false;
      p = stringEnd(bytes, at + 1);
    }
    if (bytes[p] != ':') {
      isPlain = false;
      p = JsonBytes.skipSpace(bytes, p);
      if (bytes[p] != ':') {
        throw LineRejected.malformedAt(p);
      }
    }
    p++;
    if (JsonBytes.isSpace(bytes[p])) {
      isPlain = false;
      p = JsonBytes.skipSpace(bytes, p);
    }
    return isPlain ? p : -p;
  }

  private static int stringEnd(byte[] bytes, int from) {
    int end = JsonStrings.end(bytes, from);
    if (end < 0) {
      throw LineRejected.malformedAt(~end);
    }
    return end;
  }

  /**
   * Checks a literal ({@code true}, {@code false}, {@code null}) and returns its end. As
   * jackson-core does, a literal running on into letters or digits ({@code truex}) is malformed
   * as a whole, whatever comes after it.
   */
  static int literal(byte[] bytes, int at, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (at + i >= bytes.length || bytes[at + i] != word.charAt(i)) {
        throw LineRejected.malformedAt(at + i);
      }
    }
    int end = at + word.length();
    int next = bytes[end] & 0xff;
    if (next >= '0' && next != ']' && next != '}') {
      int c = next;
      if (next >= 0x80) {
        c = Utf8.sequenceEnd(bytes, end, bytes.length) < 0 ? next : Utf8.codePoint(bytes, end);
      }
      if (Character.isJavaIdentifierPart(c)) {
        throw LineRejected.malformedAt(end);
      }
    }
    return end;
  }

  /** Checks a number and returns its end. */
  static int number(byte[] bytes, int at) {
    int end = JsonNumbers.numberEnd(bytes, at);
    if (end < 0) {
      throw LineRejected.malformedAt(~end);
    }
    if (end - at > JsonNumbers.MAX_DIGITS && JsonNumbers.digitCount(bytes, at, end) > JsonNumbers.MAX_DIGITS) {
      throw LineRejected.because("a value exceeds a size limit");
    }
    return end;
  }

  /**
   * Writes a checked value ({@link #skip}) as compact JSON: whitespace between tokens dropped,
   * strings decoded and escaped again with the fewest escapes.
   *
   * @param bytes the line's bytes
   * @param from the value's first byte
   * @param to one past its last byte
   * @param out receives the text, up to {@code max} characters
   * @param max the most characters kept
   * @return false when the text is longer than {@code max} (then {@code out} holds a prefix)
   */
  boolean copy(byte[] bytes, int from, int to, TextSlot out, int max) {
    int p = from;
    while (p < to) {
      byte c = bytes[p];
      if (c == '"') {
        decoded.clear();
        p = JsonStrings.decode(bytes, p + 1, decoded);
        if (!quoted(decoded, out, max)) {
          return false;
        }
      } else if (JsonBytes.isSpace(c)) {
        p++;
      } else {
        if (out.length() >= max) {
          return false;
        }
        out.append((char) c);
        p++;
      }
    }
    return true;
  }

  /** Appends a string, quoted and escaped; false when it would pass {@code max}. */
  private static boolean quoted(CharSequence text, TextSlot out, int max) {
    if (!append(out, '"', max)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (c == '"' || c == '\\') {
        ok = append(out, '\\', max) && append(out, c, max);
      } else if (c < 0x20) {
        ok = append(out, '\\', max);
        switch (c) {
          case '\n':
            ok = ok && append(out, 'n', max);
            break;
          case '\r':
            ok = ok && append(out, 'r', max);
            break;
          case '\t':
            ok = ok && append(out, 't', max);
            break;
          default:
            ok = ok && append(out, 'u', max) && append(out, '0', max) && append(out, '0', max)
                && append(out, Character.forDigit(c >> 4, 16), max)
                && append(out, Character.forDigit(c & 0xf, 16), max);
        }
      } else {
        ok = append(out, c, max);
      }
      if (!ok) {
        return false;
      }
    }
    return append(out, '"', max);
  }

  private static boolean append(TextSlot out, char c, int max) {
    if (out.length() >= max) {
      return false;
    }
    out.append(c);
    return true;
  }
}
