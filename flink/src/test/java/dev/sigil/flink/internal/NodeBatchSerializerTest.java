package dev.sigil.flink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

class NodeBatchSerializerTest {
  private static final NodeBatchSerializer SERIALIZER = NodeBatchSerializer.INSTANCE;

  @Test
  void aBatchRoundTripsWithEveryRecordInOrder() throws IOException {
    NodeBatch batch = new NodeBatch("nœud-7");
    add(batch, "{\"eventName\":\"execve\"}", 3, 41L);
    add(batch, "", 3, 42L); // an empty record stays a record
    add(batch, "line one\nline two ü", -1, Long.MAX_VALUE);
    NodeBatch read = roundTrip(batch);
    assertEquals(batch, read);
    assertEquals("nœud-7", read.node());
    assertEquals(3, read.count());
    assertEquals("{\"eventName\":\"execve\"}", text(read, 0));
    assertEquals("", text(read, 1));
    assertEquals("line one\nline two ü", text(read, 2));
    assertEquals(-1, read.partition(2));
    assertEquals(Long.MAX_VALUE, read.position(2));
    assertEquals(42L, read.position(1));

    assertEquals(new NodeBatch(""), roundTrip(new NodeBatch("")));
    NodeBatch copy = SERIALIZER.copy(batch);
    assertEquals(batch, copy);
    assertNotSame(batch.bytes(), copy.bytes());

    // Copying between views (what Flink does when it spills) keeps the bytes.
    DataOutputSerializer out = new DataOutputSerializer(64);
    SERIALIZER.serialize(batch, out);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    SERIALIZER.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertEquals(batch, SERIALIZER.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer())));
  }

  @Test
  void itIsTheTypesSerializerAndItsSnapshotRestoresIt() throws IOException {
    assertSame(SERIALIZER, NodeBatchSerializer.TYPE.createSerializer(new SerializerConfigImpl()));
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, SERIALIZER.snapshotConfiguration());
    TypeSerializerSnapshot<NodeBatch> snapshot = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertSame(SERIALIZER, snapshot.restoreSerializer());
    assertTrue(snapshot.resolveSchemaCompatibility(SERIALIZER.snapshotConfiguration()).isCompatibleAsIs());
  }

  @Test
  void corruptOrTruncatedInputFailsWithoutAllocatingWhatItClaims() throws IOException {
    assertEquals("corrupt node batch: -1 bytes", corrupt(header("n", 1, -1)).getMessage());
    assertTrue(corrupt(header("n", 1, Integer.MAX_VALUE)).getMessage().contains("bytes"));
    assertTrue(corrupt(header("n", Integer.MAX_VALUE, 4)).getMessage().contains("records"));
    assertTrue(corrupt(header("n", -5, 4)).getMessage().contains("records"));

    // Ends going backwards, or past the payload, or not at a record's newline, or not covering it.
    assertTrue(corrupt(records(new int[] {3, 2}, 4)).getMessage().contains("record 1 ends at 2"));
    assertTrue(corrupt(records(new int[] {5}, 4)).getMessage().contains("record 0 ends at 5"));
    assertTrue(corrupt(records(new int[] {0, 1}, 4)).getMessage().contains("end at 2 of 4"));
    assertTrue(corrupt(records(new int[] {}, 4)).getMessage().contains("end at 0 of 4"));
    assertTrue(corrupt(records(new int[] {3}, "abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .getMessage().contains("record 0 ends at 3"));

    // A stream cut anywhere ends in EOF, not in a half-built batch.
    NodeBatch batch = new NodeBatch("node");
    add(batch, "0123456789", 0, 1L);
    add(batch, "abc", 0, 2L);
    DataOutputSerializer out = new DataOutputSerializer(64);
    SERIALIZER.serialize(batch, out);
    byte[] whole = out.getCopyOfBuffer();
    for (int cut = 0; cut < whole.length; cut++) {
      byte[] part = java.util.Arrays.copyOf(whole, cut);
      assertThrows(EOFException.class,
          () -> SERIALIZER.deserialize(new DataInputDeserializer(part)), "cut at " + cut);
    }
  }

  private static IOException corrupt(byte[] bytes) {
    return assertThrows(IOException.class,
        () -> SERIALIZER.deserialize(new DataInputDeserializer(bytes)));
  }

  private static byte[] header(String node, int count, int size) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    StringValue.writeString(node, out);
    out.writeInt(count);
    out.writeInt(size);
    return out.getCopyOfBuffer();
  }

  /** A payload of newlines only: every end is at a newline, the checks left are the offsets. */
  private static byte[] records(int[] ends, int size) throws IOException {
    byte[] newlines = new byte[size];
    java.util.Arrays.fill(newlines, (byte) '\n');
    return records(ends, newlines);
  }

  private static byte[] records(int[] ends, byte[] payload) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    StringValue.writeString("n", out);
    out.writeInt(ends.length);
    out.writeInt(payload.length);
    out.write(payload);
    for (int end : ends) {
      out.writeInt(end);
      out.writeInt(0);
      out.writeLong(0L);
    }
    return out.getCopyOfBuffer();
  }

  private static NodeBatch roundTrip(NodeBatch batch) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    SERIALIZER.serialize(batch, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    NodeBatch read = SERIALIZER.deserialize(in);
    assertEquals(0, in.available(), "read to its end");
    return read;
  }

  private static void add(NodeBatch batch, String text, int partition, long position) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    batch.add(bytes, 0, bytes.length, partition, position);
  }

  private static String text(NodeBatch batch, int i) {
    return new String(batch.bytes(), batch.start(i), batch.end(i) - batch.start(i),
        StandardCharsets.UTF_8);
  }
}
