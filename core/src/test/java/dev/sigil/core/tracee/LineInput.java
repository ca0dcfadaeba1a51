package dev.sigil.core.tracee;

import java.io.InputStream;
import java.util.Arrays;

/**
 * The input of the decoder's blocking parser: hands out one line at a time, straight from the
 * reader's buffer, and reports the end of input at the end of that line, so that the parser
 * can never read into the next line. Counts every byte it serves, which is the parser's byte
 * offset at the start of the next line once the parser's unread bytes are released.
 */
final class LineInput extends InputStream {
  /**
   * Bytes served before the first line: jackson's encoding detection reads the first four
   * bytes of its input, and a line beginning with NUL bytes must not make it choose UTF-16/32.
   */
  static final int PRIMING_SPACES = 4;

  private byte[] source = new byte[0];
  private int position;
  private int end;
  private int priming;
  private long served;

  /** Serves {@link #PRIMING_SPACES} spaces before anything else; for a new parser. */
  void prime() {
    priming = PRIMING_SPACES;
    position = 0;
    end = 0;
    served = 0;
  }

  /** Serves {@code source[start, end)} next, and then reports the end of input. */
  void line(byte[] source, int start, int end) {
    this.source = source;
    this.position = start;
    this.end = end;
  }

  /** Returns one past the last byte of the line served so far. */
  int position() {
    return position;
  }

  /** Returns how many bytes have been served since {@link #prime()}. */
  long served() {
    return served;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (length <= 0) {
      return 0;
    }
    if (priming > 0) {
      int n = Math.min(priming, length);
      Arrays.fill(into, offset, offset + n, (byte) ' ');
      priming -= n;
      served += n;
      return n;
    }
    int n = Math.min(length, end - position);
    if (n <= 0) {
      return -1;
    }
    System.arraycopy(source, position, into, offset, n);
    position += n;
    served += n;
    return n;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int available() {
    return priming + Math.max(0, end - position);
  }
}
