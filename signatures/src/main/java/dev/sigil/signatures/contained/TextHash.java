package dev.sigil.signatures.contained;

/**
 * Two independent 64-bit hashes of text, which together key a host name or a path in an
 * {@link LruIndex}: a collision of both is not a practical concern, and it saves allocating a
 * String per event to look text up. Part of the saved state's format: do not change them.
 */
final class TextHash {
  private TextHash() {}

  static long fnv1a(CharSequence text, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  static long polynomial(CharSequence text, int from, int to) {
    long h = 1125899906842597L;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ ((long) (to - from) << 56);
  }
}
