package dev.sigil.benchmarks.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes generated events as Tracee v0.24 {@code --output json} lines: one object per line, the
 * keys in Tracee's order, {@code eventId} as a string, {@code []byte} values in standard base64.
 */
public final class TraceeLineWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;

  /**
   * Creates a writer.
   *
   * @param out where the lines go; closed by {@link #close()}
   */
  public TraceeLineWriter(OutputStream out) {
    try {
      this.json = FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }

  /**
   * Renders events into one in-memory NDJSON buffer.
   *
   * @param events the events
   * @return the lines, each ending in a newline
   */
  public static byte[] toBytes(List<GeneratedEvent> events) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(events.size() * 1024);
    try (TraceeLineWriter writer = new TraceeLineWriter(buffer)) {
      for (GeneratedEvent event : events) {
        writer.write(event);
      }
    }
    return buffer.toByteArray();
  }

  /**
   * Writes one event as one line.
   *
   * @param event the event
   * @throws UncheckedIOException when the output fails
   */
  public void write(GeneratedEvent event) {
    try {
      writeObject(event);
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeObject(GeneratedEvent event) throws IOException {
    GeneratedProcess p = event.process();
    GeneratedContainer c = event.container();
    json.writeStartObject();
    json.writeNumberField("timestamp", event.timestamp());
    json.writeNumberField("threadStartTime", p.threadStartTime());
    json.writeNumberField("processorId", event.processorId());
    json.writeNumberField("processId", p.processId());
    json.writeNumberField("cgroupId", p.cgroupId());
    json.writeNumberField("threadId", p.threadId());
    json.writeNumberField("parentProcessId", p.parentProcessId());
    json.writeNumberField("hostProcessId", p.hostProcessId());
    json.writeNumberField("hostThreadId", p.hostThreadId());
    json.writeNumberField("hostParentProcessId", p.hostParentProcessId());
    json.writeNumberField("userId", p.userId());
    json.writeNumberField("mountNamespace", p.mountNamespace());
    json.writeNumberField("pidNamespace", p.pidNamespace());
    json.writeStringField("processName", p.processName());
    json.writeObjectFieldStart("executable");
    json.writeStringField("path", p.executablePath());
    json.writeEndObject();
    json.writeStringField("hostName", event.hostName());
    json.writeStringField("containerId", c == null ? "" : c.id());
    json.writeObjectFieldStart("container");
    if (c != null) {
      json.writeStringField("id", c.id());
      json.writeStringField("name", c.name());
      json.writeStringField("image", c.image());
      // Tracee omits the digest when the runtime did not resolve it, as is common with containerd.
      if (!c.imageDigest().isEmpty()) {
        json.writeStringField("imageDigest", c.imageDigest());
      }
    }
    json.writeEndObject();
    json.writeObjectFieldStart("kubernetes");
    if (c != null) {
      json.writeStringField("podName", c.podName());
      json.writeStringField("podNamespace", c.podNamespace());
      json.writeStringField("podUID", c.podUid());
    }
    json.writeEndObject();
    json.writeStringField("eventId", Integer.toString(event.eventId()));
    json.writeStringField("eventName", event.eventName());
    json.writeArrayFieldStart("matchedPolicies");
    json.writeString("node-default");
    json.writeEndArray();
    json.writeNumberField("argsNum", event.args().size());
    json.writeNumberField("returnValue", event.returnValue());
    json.writeStringField("syscall", event.syscall());
    json.writeNullField("stackAddresses");
    json.writeObjectFieldStart("contextFlags");
    json.writeBooleanField("containerStarted", event.containerStarted());
    json.writeBooleanField("isCompat", false);
    json.writeEndObject();
    json.writeNumberField("threadEntityId", p.threadEntityId());
    json.writeNumberField("processEntityId", p.processEntityId());
    json.writeNumberField("parentEntityId", p.parentEntityId());
    json.writeArrayFieldStart("args");
    for (GeneratedArg arg : event.args()) {
      json.writeStartObject();
      json.writeStringField("name", arg.name());
      json.writeStringField("type", arg.type());
      json.writeFieldName("value");
      writeValue(arg.value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeValue(Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      json.writeString((String) value);
    } else if (value instanceof Long) {
      json.writeNumber((Long) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof byte[]) {
      json.writeBinary((byte[]) value);
    } else if (value instanceof List) {
      json.writeStartArray();
      for (Object item : (List<?>) value) {
        writeValue(item);
      }
      json.writeEndArray();
    } else {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(entry.getValue());
      }
      json.writeEndObject();
    }
  }

  /**
   * Flushes and closes the output.
   *
   * @throws UncheckedIOException when the output fails
   */
  @Override
  public void close() {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
