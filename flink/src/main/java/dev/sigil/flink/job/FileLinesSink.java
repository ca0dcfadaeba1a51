package dev.sigil.flink.job;

import dev.sigil.flink.DetectedFinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes findings to one local file as JSON lines; run with parallelism 1. The file's length is
 * the writer's checkpointed state: a restore truncates the file to the length of the checkpoint
 * it restarts from, so the findings replayed after a failure are not written twice.
 */
final class FileLinesSink implements Sink<DetectedFinding>, SupportsWriterState<DetectedFinding, Long> {
  private static final long serialVersionUID = 1L;

  private final String path;

  FileLinesSink(Path path) {
    this.path = path.toAbsolutePath().toString();
  }

  @Override
  public StatefulSinkWriter<DetectedFinding, Long> createWriter(WriterInitContext context) throws IOException {
    return new Writer(Path.of(path), 0L);
  }

  @Override
  public StatefulSinkWriter<DetectedFinding, Long> restoreWriter(WriterInitContext context,
      Collection<Long> states) throws IOException {
    long length = 0;
    for (Long state : states) {
      length = Math.max(length, state);
    }
    return new Writer(Path.of(path), length);
  }

  @Override
  public SimpleVersionedSerializer<Long> getWriterStateSerializer() {
    return new LengthSerializer();
  }

  private static final class Writer implements StatefulSinkWriter<DetectedFinding, Long> {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    Writer(Path path, long length) throws IOException {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.truncate(length);
      channel.position(length);
    }

    @Override
    public void write(DetectedFinding finding, Context context) throws IOException {
      byte[] line = (finding.json() + "\n").getBytes(StandardCharsets.UTF_8);
      if (line.length > buffer.remaining()) {
        drain();
      }
      if (line.length > buffer.capacity()) {
        ByteBuffer big = ByteBuffer.wrap(line);
        while (big.hasRemaining()) {
          channel.write(big);
        }
      } else {
        buffer.put(line);
      }
    }

    private void drain() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      drain();
    }

    @Override
    public List<Long> snapshotState(long checkpointId) throws IOException {
      drain();
      return List.of(channel.position());
    }

    @Override
    public void close() throws IOException {
      try {
        drain();
      } finally {
        channel.close();
      }
    }
  }

  private static final class LengthSerializer implements SimpleVersionedSerializer<Long> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Long length) {
      return ByteBuffer.allocate(Long.BYTES).putLong(length).array();
    }

    @Override
    public Long deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1 || serialized.length != Long.BYTES) {
        throw new IOException("not a findings file position (version " + version + ")");
      }
      return ByteBuffer.wrap(serialized).getLong();
    }
  }
}
