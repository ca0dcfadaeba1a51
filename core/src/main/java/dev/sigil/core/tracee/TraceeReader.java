package dev.sigil.core.tracee;

import dev.sigil.core.Event;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads Tracee's {@code --output json} stream: one {@code trace.Event} JSON object per line.
 * SKELETON: implemented by issue #3.
 */
public final class TraceeReader {
  private TraceeReader() {}

  /**
   * Starts configuring a reader.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads lines until the end of the stream (or {@link #stop()}), handing each decoded event
   * to the sink. The event is a flyweight, valid only during the sink's call.
   *
   * @param in the input; not closed
   * @param sink receives each event, e.g. {@code engine::accept}
   * @throws IOException when reading the stream fails (bad lines are rejected, not thrown)
   */
  public void read(InputStream in, Consumer<? super Event> sink) throws IOException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Reads the lines in a byte range (a last line without newline counts).
   *
   * @param buffer the bytes
   * @param offset where to start
   * @param length how many bytes
   * @param sink receives each event
   */
  public void read(byte[] buffer, int offset, int length, Consumer<? super Event> sink) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Asks a running {@code read} to return after the current line; callable from any thread. */
  public void stop() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Returns the counters so far.
   *
   * @return the counters
   */
  public ReaderStats stats() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Configures a {@link TraceeReader}. */
  public static final class Builder {
    private Builder() {}

    /**
     * Sets the longest line accepted; longer lines are rejected. Default 1 MiB.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxLineBytes(int bytes) {
      return this;
    }

    /**
     * Sets the most arguments an event may have; more reject the line. Default 64.
     *
     * @param count the limit
     * @return this builder
     */
    public Builder maxArgs(int count) {
      return this;
    }

    /**
     * Sets the longest string argument kept; longer ones read as absent. Default 4096.
     *
     * @param chars the limit
     * @return this builder
     */
    public Builder maxStringChars(int chars) {
      return this;
    }

    /**
     * Sets the deepest nesting accepted; deeper lines are rejected. Default 32.
     *
     * @param depth the limit
     * @return this builder
     */
    public Builder maxDepth(int depth) {
      return this;
    }

    /**
     * Sets where rejected lines are reported; by default they are only counted.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onRejection(RejectionListener listener) {
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public TraceeReader build() {
      return new TraceeReader();
    }
  }
}
