package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.core.ArgKind;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingListener;
import dev.sigil.core.SignatureMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes findings as JSON lines in Tracee's finding-event shape, one line per finding, so that
 * tools consuming Tracee's signature output consume Sigil's.
 *
 * <p>Each line is the triggering event's context ({@code timestamp}, the pids,
 * {@code processName}, {@code executable}, {@code hostName}, {@code containerId},
 * {@code container}, {@code kubernetes}, {@code returnValue}, {@code syscall},
 * {@code contextFlags}, the entity ids) with {@code eventName} set to the signature's event
 * name; {@code args} holding the finding's data entries ({@code {name, type, value}}, types
 * {@code string}, {@code int64}, {@code float64}, {@code bool}, {@code []byte} (base64),
 * {@code []string}, {@code []interface {}}, {@code map}) followed by a {@code detectedFrom} arg
 * of type {@code unknown} whose value {@code {id, name, args, returnValue}} describes the
 * triggering event ({@code id} an integer, as Tracee's Go map prints it); and {@code metadata}
 * {@code {Version, Description, Tags, Properties}} whose Properties are the signature's Tracee
 * properties ({@code Severity} as Tracee's integer, {@code Category}, ...) plus
 * {@code signatureID} and {@code signatureName}. The finding's own {@code eventId} is omitted:
 * Sigil assigns signatures no event ids.
 *
 * <p>Safe for one engine thread; calls are serialised.
 */
public final class TraceeFindingWriter implements FindingListener, Closeable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator generator;
  private final boolean flushEachLine;

  /**
   * Creates a writer.
   *
   * @param out where to write; closed by {@link #close()}
   * @param flushEachLine whether to flush after each finding (for pipes and live alerting)
   * @throws UncheckedIOException when the output cannot be opened
   */
  public TraceeFindingWriter(OutputStream out, boolean flushEachLine) {
    try {
      this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      // Lines are separated by our own newline, not jackson's default space.
      this.generator.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write findings", e);
    }
    this.flushEachLine = flushEachLine;
  }

  /**
   * Writes one finding as one line.
   *
   * @param finding the finding
   * @throws java.io.UncheckedIOException when writing fails
   */
  @Override
  public synchronized void onFinding(Finding finding) {
    try {
      write(finding);
      generator.writeRaw('\n');
      if (flushEachLine) {
        generator.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a finding of " + finding.metadata().id(), e);
    }
  }

  /**
   * Flushes and closes the output.
   *
   * @throws java.io.UncheckedIOException when flushing or closing fails
   */
  @Override
  public synchronized void close() {
    try {
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the findings output", e);
    }
  }

  private void write(Finding finding) throws IOException {
    JsonGenerator g = generator;
    EventSnapshot e = finding.event();
    SignatureMetadata metadata = finding.metadata();
    g.writeStartObject();
    unsigned("timestamp", e.timestamp());
    unsigned("threadStartTime", e.threadStartTime());
    g.writeNumberField("processorId", e.processorId());
    g.writeNumberField("processId", e.processId());
    unsigned("cgroupId", e.cgroupId());
    g.writeNumberField("threadId", e.threadId());
    g.writeNumberField("parentProcessId", e.parentProcessId());
    g.writeNumberField("hostProcessId", e.hostProcessId());
    g.writeNumberField("hostThreadId", e.hostThreadId());
    g.writeNumberField("hostParentProcessId", e.hostParentProcessId());
    unsigned("userId", e.userId());
    unsigned("mountNamespace", e.mountNamespace());
    unsigned("pidNamespace", e.pidNamespace());
    g.writeStringField("processName", e.processName());
    g.writeObjectFieldStart("executable");
    g.writeStringField("path", e.executablePath());
    g.writeEndObject();
    g.writeStringField("hostName", e.hostName());
    g.writeStringField("containerId", e.containerId());
    g.writeObjectFieldStart("container");
    nonEmpty("id", e.containerId());
    nonEmpty("name", e.containerName());
    nonEmpty("image", e.containerImage());
    nonEmpty("imageDigest", e.containerImageDigest());
    g.writeEndObject();
    g.writeObjectFieldStart("kubernetes");
    nonEmpty("podName", e.podName());
    nonEmpty("podNamespace", e.podNamespace());
    nonEmpty("podUID", e.podUid());
    if (e.podSandbox()) {
      g.writeBooleanField("podSandbox", true);
    }
    g.writeEndObject();
    g.writeStringField("eventName", metadata.eventName());
    g.writeNumberField("argsNum", finding.data().size() + 1);
    g.writeNumberField("returnValue", e.returnValue());
    g.writeStringField("syscall", e.syscall());
    g.writeObjectFieldStart("contextFlags");
    g.writeBooleanField("containerStarted", e.containerStarted());
    g.writeBooleanField("isCompat", e.isCompat());
    g.writeEndObject();
    unsigned("threadEntityId", e.threadEntityId());
    unsigned("processEntityId", e.processEntityId());
    unsigned("parentEntityId", e.parentEntityId());
    g.writeArrayFieldStart("args");
    for (Map.Entry<String, Object> entry : finding.data().entrySet()) {
      g.writeStartObject();
      g.writeStringField("name", entry.getKey());
      g.writeStringField("type", typeName(entry.getValue()));
      g.writeFieldName("value");
      value(entry.getValue());
      g.writeEndObject();
    }
    detectedFrom(e);
    g.writeEndArray();
    g.writeObjectFieldStart("metadata");
    g.writeStringField("Version", metadata.version());
    g.writeStringField("Description", metadata.description());
    g.writeFieldName("Tags");
    value(metadata.tags());
    g.writeObjectFieldStart("Properties");
    for (Map.Entry<String, Object> property : metadata.traceeProperties(finding.severity()).entrySet()) {
      g.writeFieldName(property.getKey());
      value(property.getValue());
    }
    g.writeStringField("signatureID", metadata.id());
    g.writeStringField("signatureName", metadata.name());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void detectedFrom(EventSnapshot e) throws IOException {
    JsonGenerator g = generator;
    g.writeStartObject();
    g.writeStringField("name", "detectedFrom");
    g.writeStringField("type", "unknown");
    g.writeObjectFieldStart("value");
    // Tracee builds this value as a Go map, where the event id is a plain int (only the
    // top-level eventId of trace.Event is marshalled as a string).
    g.writeNumberField("id", e.eventId());
    g.writeStringField("name", e.eventName());
    g.writeArrayFieldStart("args");
    for (EventSnapshot.Arg arg : e.args()) {
      g.writeStartObject();
      g.writeStringField("name", arg.name());
      g.writeStringField("type", arg.type());
      g.writeFieldName("value");
      argValue(arg);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("returnValue", e.returnValue());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void argValue(EventSnapshot.Arg arg) throws IOException {
    Object value = arg.value();
    if (arg.kind() == ArgKind.JSON && value != null) {
      generator.writeRawValue(value.toString());
    } else if (arg.kind() == ArgKind.LONG && value instanceof Long && (Long) value < 0
        && isUnsignedType(arg.type())) {
      generator.writeNumber(Long.toUnsignedString((Long) value));
    } else {
      value(value);
    }
  }

  private static boolean isUnsignedType(String type) {
    return type.startsWith("u") || type.startsWith("unsigned") || type.equals("dev_t");
  }

  private void unsigned(String field, long value) throws IOException {
    generator.writeFieldName(field);
    if (value < 0) {
      generator.writeNumber(Long.toUnsignedString(value));
    } else {
      generator.writeNumber(value);
    }
  }

  private void nonEmpty(String field, CharSequence value) throws IOException {
    if (value.length() > 0) {
      generator.writeStringField(field, value.toString());
    }
  }

  private static String typeName(@Nullable Object value) {
    if (value instanceof CharSequence) {
      return "string";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return "int64";
    }
    if (value instanceof Number) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof byte[]) {
      return "[]byte";
    }
    if (value instanceof Iterable) {
      for (Object item : (Iterable<?>) value) {
        if (!(item instanceof CharSequence)) {
          return "[]interface {}";
        }
      }
      return "[]string";
    }
    if (value instanceof Map) {
      return "map";
    }
    return value == null ? "interface {}" : "string";
  }

  private void value(@Nullable Object value) throws IOException {
    JsonGenerator g = generator;
    if (value == null) {
      g.writeNull();
    } else if (value instanceof CharSequence) {
      g.writeString(value.toString());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(Double.toString(d));
      }
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof byte[]) {
      g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        value(entry.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable) {
      g.writeStartArray();
      for (Object item : (Iterable<?>) value) {
        value(item);
      }
      g.writeEndArray();
    } else {
      g.writeString(value.toString());
    }
  }
}
