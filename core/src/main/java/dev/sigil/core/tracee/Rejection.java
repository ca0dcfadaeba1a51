package dev.sigil.core.tracee;

/**
 * An input line the reader rejected and skipped.
 *
 * @param lineNumber the line's number, from 1
 * @param byteOffset the offset of the line's first byte in the input, from 0
 * @param reason a short reason (never the line's content)
 */
public record Rejection(long lineNumber, long byteOffset, String reason) {
  @Override
  public String toString() {
    return "line " + lineNumber + ": rejected: " + reason;
  }
}
