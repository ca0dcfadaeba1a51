package dev.sigil.core.tracee;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.core.ArgKind;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.JsonLines;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes findings as Tracee v0.24.1 prints them with {@code --output json}: each finding is a
 * {@code trace.Event} built as {@code pkg/events/findings} builds it, one per line, so that tools
 * consuming Tracee's findings consume Sigil's.
 *
 * <p>Each line is, in Go's field order: the triggering event's context ({@code timestamp}, the
 * pids, {@code processName}, {@code executable}, {@code hostName}, {@code containerId},
 * {@code container}, {@code kubernetes}); {@code eventId}, the signature's Tracee event id as a
 * string ({@link SignatureMetadata#traceeEventId()}, e.g. {@code "6029"} for TRC-1022; left out
 * when the signature has none); {@code eventName}, the signature's event name; {@code argsNum};
 * the trigger's {@code returnValue} and {@code syscall}; {@code stackAddresses} (always null:
 * Sigil keeps none); {@code contextFlags}; the entity ids; {@code args}; and {@code metadata}.
 *
 * <p>{@code args} holds the finding's data entries in their order, each
 * {@code {name, type, value}} with Tracee's C type names for Go values ({@code getCType}):
 * {@code const char *} for a string, {@code int} for an Integer, {@code long} for a Long,
 * {@code short} for a Short, {@code int8} for a Byte, {@code unsigned long} for a BigInteger from
 * 0 to 2<sup>64</sup>-1, {@code bool}, {@code float} for a Float, {@code float64} for a Double,
 * {@code const char**} for a list of strings, and {@code unknown} for maps, bytes (written as
 * base64), null, other lists and anything else. When the triggering event has arguments, a last
 * {@code detectedFrom} argument of type {@code unknown} follows, whose value
 * {@code {args, id, name, returnValue}} is the triggering event (its arguments as read, its id as
 * a number). {@code metadata} is {@code {Version, Description, Tags, Properties}}: no tags print
 * as null, as Go prints a nil list, and the Properties are those Tracee writes (the reported
 * severity as Tracee's integer, Category, Technique, Kubernetes_Technique, id, external_id, any
 * extra properties, signatureID, signatureName) plus Sigil's {@code findingId}, the finding's
 * deterministic {@link Finding#id()} (for sinks that drop replayed copies), and its
 * {@link Finding#node()} as {@code node} when the engine serves a named node. Maps print with
 * their keys in byte order, as Go prints them.
 *
 * <p>What Sigil cannot know is left as Go leaves an empty field: {@code matchedPolicies} (the
 * Tracee policies that selected the event) is absent.
 *
 * <p>An unpaired UTF-16 surrogate (a Tracee string can escape one) is written as U+FFFD, so
 * every line is strict JSON and valid UTF-8, as in the OCSF writer.
 *
 * <p>A {@link FindingWriter}: never closes the stream it was given, writes whole lines, and may
 * be shared by threads.
 */
public final class TraceeFindingWriter implements FindingWriter {
  private final JsonLines lines;

  /**
   * Creates a writer.
   *
   * @param out where to write; flushed by {@link #close()}, never closed
   * @param flushEachLine whether to flush after each finding (for pipes and live alerting)
   */
  public TraceeFindingWriter(OutputStream out, boolean flushEachLine) {
    this.lines = new JsonLines(out, flushEachLine);
  }

  /**
   * Writes one finding as one line.
   *
   * @param finding the finding
   * @throws java.io.UncheckedIOException when writing fails, naming the finding's signature
   * @throws IllegalStateException when the writer is closed
   */
  @Override
  public void onFinding(Finding finding) {
    lines.write(json -> write(json, finding), "a finding of " + finding.metadata().id());
  }

  @Override
  public void flush() {
    lines.flush();
  }

  @Override
  public void close() {
    lines.close();
  }

  private static void write(JsonGenerator json, Finding finding) throws IOException {
    EventSnapshot e = finding.event();
    SignatureMetadata metadata = finding.metadata();
    Map<String, ?> data = finding.data();
    boolean detectedFrom = e.argCount() > 0;
    json.writeStartObject();
    unsigned(json, "timestamp", e.timestamp());
    unsigned(json, "threadStartTime", e.threadStartTime());
    json.writeNumberField("processorId", e.processorId());
    json.writeNumberField("processId", e.processId());
    unsigned(json, "cgroupId", e.cgroupId());
    json.writeNumberField("threadId", e.threadId());
    json.writeNumberField("parentProcessId", e.parentProcessId());
    json.writeNumberField("hostProcessId", e.hostProcessId());
    json.writeNumberField("hostThreadId", e.hostThreadId());
    json.writeNumberField("hostParentProcessId", e.hostParentProcessId());
    unsigned(json, "userId", e.userId());
    unsigned(json, "mountNamespace", e.mountNamespace());
    unsigned(json, "pidNamespace", e.pidNamespace());
    json.writeStringField("processName", e.processName());
    json.writeObjectFieldStart("executable");
    json.writeStringField("path", e.executablePath());
    json.writeEndObject();
    json.writeStringField("hostName", e.hostName());
    json.writeStringField("containerId", e.containerId());
    json.writeObjectFieldStart("container");
    nonEmpty(json, "id", e.containerId());
    nonEmpty(json, "name", e.containerName());
    nonEmpty(json, "image", e.containerImage());
    nonEmpty(json, "imageDigest", e.containerImageDigest());
    json.writeEndObject();
    json.writeObjectFieldStart("kubernetes");
    nonEmpty(json, "podName", e.podName());
    nonEmpty(json, "podNamespace", e.podNamespace());
    nonEmpty(json, "podUID", e.podUid());
    if (e.podSandbox()) {
      json.writeBooleanField("podSandbox", true);
    }
    json.writeEndObject();
    if (metadata.traceeEventId() != 0) {
      // trace.Event tags EventID `json:"eventId,string"`.
      json.writeStringField("eventId", Integer.toString(metadata.traceeEventId()));
    }
    json.writeStringField("eventName", metadata.eventName());
    json.writeNumberField("argsNum", data.size() + (detectedFrom ? 1 : 0));
    json.writeNumberField("returnValue", e.returnValue());
    json.writeStringField("syscall", e.syscall());
    json.writeFieldName("stackAddresses");
    json.writeNull();
    json.writeObjectFieldStart("contextFlags");
    json.writeBooleanField("containerStarted", e.containerStarted());
    json.writeBooleanField("isCompat", e.isCompat());
    json.writeEndObject();
    unsigned(json, "threadEntityId", e.threadEntityId());
    unsigned(json, "processEntityId", e.processEntityId());
    unsigned(json, "parentEntityId", e.parentEntityId());
    json.writeArrayFieldStart("args");
    for (Map.Entry<String, ?> entry : data.entrySet()) {
      json.writeStartObject();
      json.writeStringField("name", entry.getKey());
      json.writeStringField("type", cType(entry.getValue()));
      json.writeFieldName("value");
      JsonLines.value(json, entry.getValue(), true);
      json.writeEndObject();
    }
    if (detectedFrom) {
      detectedFrom(json, e);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("metadata");
    json.writeStringField("Version", metadata.version());
    json.writeStringField("Description", metadata.description());
    json.writeFieldName("Tags");
    JsonLines.value(json, metadata.tags().isEmpty() ? null : metadata.tags(), true);
    json.writeFieldName("Properties");
    JsonLines.value(json, TraceeProperties.of(metadata, finding.severity(), finding.id(),
        finding.node()), true);
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The triggering event, as Tracee's Go map prints it: keys in byte order, the id a number. */
  private static void detectedFrom(JsonGenerator json, EventSnapshot e) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", "detectedFrom");
    json.writeStringField("type", "unknown");
    json.writeObjectFieldStart("value");
    json.writeArrayFieldStart("args");
    for (EventSnapshot.Arg arg : e.args()) {
      json.writeStartObject();
      json.writeStringField("name", arg.name());
      json.writeStringField("type", arg.type());
      json.writeFieldName("value");
      argValue(json, arg);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("id", e.eventId());
    json.writeStringField("name", e.eventName());
    json.writeNumberField("returnValue", e.returnValue());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void argValue(JsonGenerator json, EventSnapshot.Arg arg) throws IOException {
    Object value = arg.value();
    if (arg.kind() == ArgKind.JSON && value != null) {
      json.writeRawValue(value.toString());
    } else if (arg.kind() == ArgKind.LONG && value instanceof Long && (Long) value < 0
        && isUnsignedType(arg.type())) {
      json.writeNumber(Long.toUnsignedString((Long) value));
    } else {
      JsonLines.value(json, value, true);
    }
  }

  private static boolean isUnsignedType(String type) {
    return type.startsWith("u") || type.startsWith("unsigned") || type.equals("dev_t");
  }

  /**
   * Returns the C type name Tracee's {@code getCType} gives the Go value a Java value stands for.
   */
  static String cType(@Nullable Object value) {
    if (value instanceof CharSequence) {
      return "const char *";
    }
    if (value instanceof Integer) {
      return "int";
    }
    if (value instanceof Long) {
      return "long";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Short) {
      return "short";
    }
    if (value instanceof Byte) {
      return "int8";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Float) {
      return "float";
    }
    if (value instanceof BigInteger && isUint64((BigInteger) value)) {
      return "unsigned long";
    }
    if (value instanceof List && allStrings((List<?>) value)) {
      return "const char**";
    }
    return "unknown";
  }

  private static boolean isUint64(BigInteger value) {
    return value.signum() >= 0 && value.bitLength() <= 64;
  }

  private static boolean allStrings(List<?> list) {
    for (Object item : list) {
      if (!(item instanceof CharSequence)) {
        return false;
      }
    }
    return true;
  }

  private static void unsigned(JsonGenerator json, String field, long value) throws IOException {
    json.writeFieldName(field);
    if (value < 0) {
      json.writeNumber(Long.toUnsignedString(value));
    } else {
      json.writeNumber(value);
    }
  }

  private static void nonEmpty(JsonGenerator json, String field, CharSequence value)
      throws IOException {
    if (value.length() > 0) {
      json.writeStringField(field, value.toString());
    }
  }
}
