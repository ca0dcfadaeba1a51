package dev.sigil.core.tracee;

import org.jspecify.annotations.Nullable;

/**
 * Rejects the line being decoded: with a reason, or with the position of malformed JSON (the
 * reason is then worded by the decoder, which knows where the line starts and ends). Carries no
 * stack trace: rejections are input, not bugs.
 */
final class LineRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reason, or null for malformed JSON at {@link #position}. */
  final @Nullable String reason;
  /** Where the JSON went wrong, in the line's array; meaningful when {@link #reason} is null. */
  final int position;

  private LineRejected(@Nullable String reason, int position) {
    super(reason, null, false, false);
    this.reason = reason;
    this.position = position;
  }

  static LineRejected because(String reason) {
    return new LineRejected(reason, -1);
  }

  static LineRejected malformedAt(int position) {
    return new LineRejected(null, position);
  }
}
