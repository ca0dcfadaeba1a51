package dev.sigil.flink.job;

import dev.sigil.flink.InputRecord;
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
 * Reads a file as raw lines, one {@link InputRecord} per non-empty line, numbered from 1 as
 * {@code sigil scan} numbers them, without decoding the bytes to text (the detector decodes).
 * A line longer than {@code maxLineBytes} is cut there (the rest skipped without buffering it),
 * so the detector rejects it as too long, as {@code sigil scan} does. A file is read whole by one
 * reader, in order; on recovery Flink re-reads up to the checkpointed line.
 */
final class TraceeLineFormat extends SimpleStreamFormat<InputRecord> {
  private static final long serialVersionUID = 1L;

  private final int maxLineBytes;

  TraceeLineFormat(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public StreamFormat.Reader<InputRecord> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(stream, maxLineBytes);
  }

  @Override
  public TypeInformation<InputRecord> getProducedType() {
    return TypeInformation.of(InputRecord.class);
  }

  private static final class LineReader implements StreamFormat.Reader<InputRecord> {
    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;

    LineReader(InputStream in, int maxLineBytes) {
      this.in = in;
      this.maxLineBytes = maxLineBytes;
    }

    @Override
    public @Nullable InputRecord read() throws IOException {
      while (true) {
        byte[] line = nextLine();
        if (line == null) {
          return null;
        }
        lineNumber++;
        if (line.length > 0) {
          return new InputRecord(null, line, -1, lineNumber);
        }
      }
    }

    /** Returns the next line without its newline, or null at the end of the file. */
    private byte @Nullable [] nextLine() throws IOException {
      int scan = start;
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buffer[i] == '\n') {
            // A line longer than the limit is cut one byte past it: the detector rejects it.
            byte[] line = Arrays.copyOfRange(buffer, start, Math.min(i, start + maxLineBytes + 1));
            start = i + 1;
            return line;
          }
        }
        scan = end;
        if (end - start > maxLineBytes) {
          byte[] cut = Arrays.copyOfRange(buffer, start, start + maxLineBytes + 1);
          skipRestOfLine();
          return cut;
        }
        if (eof) {
          if (start == end) {
            return null;
          }
          byte[] last = Arrays.copyOfRange(buffer, start, end);
          start = end;
          return last;
        }
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          scan -= start;
          start = 0;
        }
        if (end == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
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
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            start = i + 1;
            return;
          }
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
