package dev.sigil.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read from a stream, telling a listener the total after every read. */
final class CountingInputStream extends FilterInputStream {
  private final LongConsumer listener;
  private long count;

  CountingInputStream(InputStream in, LongConsumer listener) {
    super(in);
    this.listener = listener;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      counted(skipped);
    }
    return skipped;
  }

  long count() {
    return count;
  }

  private void counted(long n) {
    count += n;
    listener.accept(count);
  }
}
