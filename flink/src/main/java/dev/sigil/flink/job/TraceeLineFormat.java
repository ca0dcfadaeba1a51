package dev.sigil.flink.job;

import dev.sigil.flink.InputRecord;
import dev.sigil.flink.internal.Newlines;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file as blocks of whole lines: each {@link InputRecord} holds up to
 * {@code blockBytes} bytes of consecutive lines (newline-separated, the last one's newline
 * dropped), its position the 1-based number of its first line as {@code sigil scan} numbers
 * them, without decoding the bytes to text (the detector decodes, and routes each line of a
 * file's record on its own). Blocks, not lines, so that the source hands over one record per
 * few dozen events: the per-record costs of the source, the routing function and Flink's
 * hand-over between the reading thread and the task are paid per block.
 *
 * <p>A line longer than {@code blockBytes} is a block of its own; one longer than
 * {@code maxLineBytes} is cut there (the rest skipped without buffering it), so the detector
 * rejects it as too long, as {@code sigil scan} does. Block boundaries depend only on the file's
 * bytes, so a restore, which re-reads the file and skips the checkpointed number of records,
 * skips exactly the blocks read before. A file is read whole by one reader, in order.
 */
final class TraceeLineFormat extends SimpleStreamFormat<InputRecord> {
  private static final long serialVersionUID = 1L;
  /** The default block size: about twenty generated Tracee events. */
  static final int BLOCK_BYTES = 32 << 10;

  private final int maxLineBytes;
  private final int blockBytes;

  TraceeLineFormat(int maxLineBytes) {
    this(maxLineBytes, BLOCK_BYTES);
  }

  TraceeLineFormat(int maxLineBytes, int blockBytes) {
    this.maxLineBytes = maxLineBytes;
    this.blockBytes = blockBytes;
  }

  @Override
  public StreamFormat.Reader<InputRecord> createReader(Configuration config, FSDataInputStream stream) {
    return new BlockReader(stream, maxLineBytes, blockBytes);
  }

  @Override
  public TypeInformation<InputRecord> getProducedType() {
    return TypeInformation.of(InputRecord.class);
  }

  private static final class BlockReader implements StreamFormat.Reader<InputRecord> {
    private final InputStream in;
    private final int maxLineBytes;
    private final int blockBytes;
    private byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private long nextLine = 1;

    BlockReader(InputStream in, int maxLineBytes, int blockBytes) {
      this.in = in;
      this.maxLineBytes = maxLineBytes;
      this.blockBytes = blockBytes;
      this.buffer = new byte[Math.max(1 << 16, 2 * blockBytes)];
    }

    @Override
    public @Nullable InputRecord read() throws IOException {
      while (true) {
        fill(blockBytes);
        if (start == end) {
          return null;
        }
        int limit = Math.min(end, start + blockBytes);
        int newline = limit == end && eof ? -1 : Newlines.last(buffer, start, limit);
        InputRecord block;
        if (limit == end && eof) {
          // The rest of the file (its last newline, if any, dropped).
          int last = buffer[end - 1] == '\n' ? end - 1 : end;
          block = block(start, last, Newlines.count(buffer, start, last) + 1);
          start = end;
        } else if (newline >= 0) {
          block = block(start, newline, Newlines.count(buffer, start, newline) + 1);
          start = newline + 1;
        } else {
          block = longLine();
        }
        if (block != null) {
          return block;
        }
      }
    }

    /**
     * Returns the lines in [from, to), this many, as a block without the empty lines at its
     * ends (they are counted, not handed on); null when all are empty.
     */
    private @Nullable InputRecord block(int from, int to, int lines) {
      long first = nextLine;
      nextLine += lines;
      while (from < to && buffer[from] == '\n') {
        from++;
        first++;
      }
      while (to > from && buffer[to - 1] == '\n') {
        to--;
      }
      if (from == to) {
        return null;
      }
      return new InputRecord(null, Arrays.copyOfRange(buffer, from, to), -1, first);
    }

    /** One line longer than a block: whole up to the limit, else cut one byte past it. */
    private @Nullable InputRecord longLine() throws IOException {
      int scanned = blockBytes; // from start: filling may move the bytes
      while (true) {
        int newline = Newlines.next(buffer, start + scanned, end);
        if (newline < end) {
          return cut(newline, newline + 1);
        }
        if (end - start > maxLineBytes) {
          InputRecord line = cut(start + maxLineBytes + 1, -1);
          skipRestOfLine();
          return line;
        }
        if (eof) {
          return cut(end, end);
        }
        scanned = end - start;
        fill(end - start + 1);
      }
    }

    private InputRecord cut(int lineEnd, int next) {
      // A line longer than the limit is cut one byte past it: the detector rejects it.
      InputRecord line = new InputRecord(null,
          Arrays.copyOfRange(buffer, start, Math.min(lineEnd, start + maxLineBytes + 1)), -1,
          nextLine++);
      if (next >= 0) {
        start = next;
      }
      return line;
    }

    /** Reads until {@code want} bytes from {@code start} are buffered, or the end of the file. */
    private void fill(int want) throws IOException {
      while (!eof && end - start < want) {
        if (start > 0 && buffer.length - start < want) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          start = 0;
        }
        if (buffer.length < want) {
          buffer = Arrays.copyOf(buffer, Math.max(want, Math.min(2 * buffer.length, maxLineBytes + 2)));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      }
    }

    private void skipRestOfLine() throws IOException {
      while (true) {
        int newline = Newlines.next(buffer, start, end);
        if (newline < end) {
          start = newline + 1;
          return;
        }
        start = 0;
        end = 0;
        if (eof) {
          return;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
          eof = true;
        } else {
          end = n;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
