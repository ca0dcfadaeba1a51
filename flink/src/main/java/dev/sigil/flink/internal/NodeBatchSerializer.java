package dev.sigil.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes a {@link NodeBatch} for the keyed exchange: the node key, the record count, the
 * payload bytes in one block, then each record's end, partition and position. No reflection, no
 * Kryo, one bulk copy for the payload. Reading checks the counts and offsets, so a corrupt or
 * truncated stream fails with an {@link IOException} instead of an oversized allocation.
 */
public final class NodeBatchSerializer extends TypeSerializerSingleton<NodeBatch> {
  private static final long serialVersionUID = 1L;

  /** The instance. */
  public static final NodeBatchSerializer INSTANCE = new NodeBatchSerializer();

  /** The type information that creates this serializer. */
  public static final TypeInformation<NodeBatch> TYPE = new Type();

  /** The largest payload a batch may carry: a batch holds at most one line above its limit. */
  static final int MAX_BYTES = 1 << 30;

  private NodeBatchSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public NodeBatch createInstance() {
    return new NodeBatch("");
  }

  @Override
  public NodeBatch copy(NodeBatch from) {
    return new NodeBatch(from.node, java.util.Arrays.copyOf(from.bytes, from.size), from.size,
        from.count, java.util.Arrays.copyOf(from.ends, from.count),
        java.util.Arrays.copyOf(from.partitions, from.count),
        java.util.Arrays.copyOf(from.positions, from.count));
  }

  @Override
  public NodeBatch copy(NodeBatch from, NodeBatch reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(NodeBatch batch, DataOutputView out) throws IOException {
    StringValue.writeString(batch.node, out);
    out.writeInt(batch.count);
    out.writeInt(batch.size);
    out.write(batch.bytes, 0, batch.size);
    for (int i = 0; i < batch.count; i++) {
      out.writeInt(batch.ends[i]);
      out.writeInt(batch.partitions[i]);
      out.writeLong(batch.positions[i]);
    }
  }

  @Override
  public NodeBatch deserialize(DataInputView in) throws IOException {
    String node = StringValue.readString(in);
    int count = in.readInt();
    int size = in.readInt();
    if (size < 0 || size > MAX_BYTES) {
      throw new IOException("corrupt node batch: " + size + " bytes");
    }
    // Every record takes 16 bytes of the stream after the payload: a count beyond what a
    // batch can hold is corruption, not a reason to allocate.
    if (count < 0 || count > MAX_BYTES / 16) {
      throw new IOException("corrupt node batch: " + count + " records");
    }
    byte[] bytes = new byte[size];
    in.readFully(bytes);
    int[] ends = new int[count];
    int[] partitions = new int[count];
    long[] positions = new long[count];
    int start = 0;
    for (int i = 0; i < count; i++) {
      int end = in.readInt();
      // Each record is followed by its newline: the next one starts after it.
      if (end < start || end >= size || bytes[end] != '\n') {
        throw new IOException("corrupt node batch: record " + i + " ends at " + end);
      }
      ends[i] = end;
      partitions[i] = in.readInt();
      positions[i] = in.readLong();
      start = end + 1;
    }
    if (start != size) {
      throw new IOException("corrupt node batch: records end at " + start + " of " + size);
    }
    return new NodeBatch(node, bytes, size, count, ends, partitions, positions);
  }

  @Override
  public NodeBatch deserialize(NodeBatch reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<NodeBatch> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot: it has no configuration. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<NodeBatch> {
    /** For Flink's reflection. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** Type information for {@link NodeBatch}: this serializer, never Kryo or the POJO one. */
  static final class Type extends TypeInformation<NodeBatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<NodeBatch> getTypeClass() {
      return NodeBatch.class;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    public TypeSerializer<NodeBatch> createSerializer(SerializerConfig config) {
      return INSTANCE;
    }

    @Override
    public String toString() {
      return "NodeBatch";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Type;
    }

    @Override
    public int hashCode() {
      return Type.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
      return o instanceof Type;
    }
  }
}
