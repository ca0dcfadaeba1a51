package dev.sigil.core.ocsf;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes findings as JSON lines, one OCSF {@value #OCSF_VERSION} <i>Detection Finding</i> per line
 * (class_uid 2004, category_uid 2 Findings, activity_id 1 Create, type_uid 200401), the shape
 * security data lakes and SIEMs ingest.
 *
 * <p>The mapping, field by field:
 * <ul>
 *   <li>{@code time}: the triggering event's time, epoch milliseconds (so that replaying the same
 *       input gives the same times); {@code finding_info.created_time} is when the engine made the
 *       finding, {@code first_seen_time}/{@code last_seen_time} the event time;</li>
 *   <li>{@code severity_id}/{@code severity}: Sigil's {@link Severity} INFO 1 Informational, LOW 2
 *       Low, MEDIUM 3 Medium, HIGH 4 High, CRITICAL 5 Critical; {@code status_id} 1 New;</li>
 *   <li>{@code finding_info}: {@code uid} the finding's deterministic {@link Finding#id()} (also
 *       {@code metadata.uid}: the same finding replayed or re-run keeps it), {@code title} the
 *       signature's name, {@code desc} its description,
 *       {@code types} its event name, {@code analytic} (type Rule) its id, name and version,
 *       {@code attacks} its MITRE technique and tactic (the category, e.g.
 *       {@code defense-evasion} becomes TA0005 Defense Evasion);</li>
 *   <li>{@code device} (host profile): the host name, as {@code device.hostname} when it is a
 *       hostname by OCSF's {@code hostname_t} (dot-separated labels of letters, digits and inner
 *       hyphens), else as {@code device.name} (a name such as {@code build_host_1}); no
 *       {@code device} when the event has no host name, since a device needs an identifier;
 *       {@code actor.process} (host profile) and {@code evidences[0].process}: host pid, tid,
 *       comm, executable file, parent pid, user;
 *       {@code evidences[0].container}: id, name, pod UID (when it is a UUID, as
 *       {@code uuid_t} wants) and image (name and digest, only when the event has a digest:
 *       OCSF's image needs its {@code uid});
 *       {@code evidences[0].data}: the finding's data;</li>
 *   <li>{@code unmapped}: the Tracee context OCSF has no place for (event name and id, origin,
 *       namespace-relative pids, namespaces, pod, arguments; a structured argument as its JSON
 *       text; the container image when it has no digest) and the signature's other properties
 *       (its Tracee event id among them), and the node of an engine that names one
 *       ({@link Finding#node()}; {@code hostName} does not identify it for a container event);</li>
 *   <li>{@code metadata}: {@code version} {@value #OCSF_VERSION}, {@code product} Sigil with its
 *       version, {@code profiles} ["host"].</li>
 * </ul>
 *
 * <p>Every line is a valid OCSF {@value #OCSF_VERSION} Detection Finding whatever the event
 * holds: a value that would break a type of the schema goes where the schema allows it (as the
 * host name and image above), strings in mapped attributes are cut to the schema's 65,535
 * characters, and an unpaired UTF-16 surrogate (which strict JSON parsers reject) is written as
 * U+FFFD anywhere in the line.
 *
 * <p>Values print as they do in Tracee's shape: bytes as standard base64, maps in their own
 * order.
 *
 * <p>A {@link FindingWriter}: never closes the stream it was given, writes whole lines (no
 * separator between them: clean JSON Lines), and may be shared by threads.
 */
public final class OcsfFindingWriter implements FindingWriter {
  /** The OCSF schema version the output follows. */
  public static final String OCSF_VERSION = "1.3.0";

  private static final String PRODUCT_VERSION = readProductVersion();

  /** {@code string_t}'s {@code max_len} in OCSF 1.3.0's dictionary. */
  static final int MAX_STRING_CHARS = 65_535;

  /** The longest host name written as {@code device.hostname}: DNS's limit for a name. */
  private static final int MAX_HOSTNAME_CHARS = 253;

  private final JsonLines lines;

  /**
   * Creates a writer.
   *
   * @param out where to write; flushed by {@link #close()}, never closed
   * @param flushEachLine whether to flush after each finding (for pipes and live alerting)
   */
  public OcsfFindingWriter(OutputStream out, boolean flushEachLine) {
    this.lines = new JsonLines(out, flushEachLine);
  }

  /**
   * Returns the Sigil version written as {@code metadata.product.version}: sigil-core's Maven
   * version when it runs from its jar, else {@code unknown}.
   */
  static String productVersion() {
    return PRODUCT_VERSION;
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
    lines.write(json -> new Line(json).write(finding),
        "the OCSF finding of " + finding.metadata().id());
  }

  @Override
  public void flush() {
    lines.flush();
  }

  @Override
  public void close() {
    lines.close();
  }

  /** One finding's line: the generator the helpers below write to. */
  private static final class Line {
    private final JsonGenerator json;

    Line(JsonGenerator json) {
      this.json = json;
    }

    private void write(Finding finding) throws IOException {
      SignatureMetadata signature = finding.metadata();
      EventSnapshot event = finding.event();
      String uid = finding.id().toString();
      long eventMillis = TimeUnit.NANOSECONDS.toMillis(finding.eventTime());

      json.writeStartObject();
      json.writeNumberField("class_uid", 2004);
      json.writeStringField("class_name", "Detection Finding");
      json.writeNumberField("category_uid", 2);
      json.writeStringField("category_name", "Findings");
      json.writeNumberField("activity_id", 1);
      json.writeStringField("activity_name", "Create");
      json.writeNumberField("type_uid", 200401);
      json.writeStringField("type_name", "Detection Finding: Create");
      json.writeNumberField("time", eventMillis);
      json.writeNumberField("severity_id", severityId(finding.severity()));
      json.writeStringField("severity", severityCaption(finding.severity()));
      json.writeNumberField("status_id", 1);
      json.writeStringField("status", "New");
      writeText("message", title(signature));

      json.writeObjectFieldStart("metadata");
      json.writeStringField("version", OCSF_VERSION);
      json.writeStringField("uid", uid);
      json.writeObjectFieldStart("product");
      json.writeStringField("name", "Sigil");
      json.writeStringField("vendor_name", "Sigil");
      json.writeStringField("version", PRODUCT_VERSION);
      json.writeEndObject();
      json.writeArrayFieldStart("profiles");
      json.writeString("host");
      json.writeEndArray();
      json.writeEndObject();

      writeFindingInfo(finding, uid, eventMillis);

      writeDevice(event.hostName());

      json.writeObjectFieldStart("actor");
      json.writeFieldName("process");
      writeProcess(event);
      json.writeEndObject();

      json.writeArrayFieldStart("evidences");
      json.writeStartObject();
      json.writeFieldName("process");
      writeProcess(event);
      if (!event.containerId().isEmpty() || !event.containerName().isEmpty()) {
        writeContainer(event);
      }
      json.writeFieldName("data");
      writeValue(finding.data());
      json.writeEndObject();
      json.writeEndArray();

      writeUnmapped(finding);
      json.writeEndObject();
    }

    private void writeFindingInfo(Finding finding, String uid, long eventMillis) throws IOException {
      SignatureMetadata signature = finding.metadata();
      json.writeObjectFieldStart("finding_info");
      json.writeStringField("uid", uid);
      writeText("title", title(signature));
      writeTextNonEmpty("desc", signature.description());
      if (!signature.eventName().isEmpty()) {
        json.writeArrayFieldStart("types");
        json.writeString(text(signature.eventName()));
        json.writeEndArray();
      }
      json.writeNumberField("created_time", finding.detectedAt().toEpochMilli());
      json.writeNumberField("first_seen_time", eventMillis);
      json.writeNumberField("last_seen_time", eventMillis);
      json.writeObjectFieldStart("analytic");
      writeText("uid", signature.id());
      writeText("name", title(signature));
      json.writeNumberField("type_id", 1);
      json.writeStringField("type", "Rule");
      writeTextNonEmpty("version", signature.version());
      writeTextNonEmpty("category", signature.category());
      json.writeEndObject();
      writeAttacks(signature);
      json.writeEndObject();
    }

    private void writeAttacks(SignatureMetadata signature) throws IOException {
      String techniqueId = signature.mitreTechniqueId();
      String category = signature.category();
      if (techniqueId.isEmpty() && signature.technique().isEmpty() && category.isEmpty()) {
        return;
      }
      json.writeArrayFieldStart("attacks");
      json.writeStartObject();
      int dot = techniqueId.indexOf('.');
      if (dot > 0) {
        json.writeObjectFieldStart("technique");
        writeText("uid", techniqueId.substring(0, dot));
        json.writeEndObject();
        json.writeObjectFieldStart("sub_technique");
        writeText("uid", techniqueId);
        writeTextNonEmpty("name", signature.technique());
        json.writeEndObject();
      } else if (!techniqueId.isEmpty() || !signature.technique().isEmpty()) {
        json.writeObjectFieldStart("technique");
        writeTextNonEmpty("uid", techniqueId);
        writeTextNonEmpty("name", signature.technique());
        json.writeEndObject();
      }
      if (!category.isEmpty()) {
        MitreTactic tactic = MitreTactic.of(category);
        json.writeObjectFieldStart("tactic");
        if (tactic != null) {
          json.writeStringField("uid", tactic.uid);
          json.writeStringField("name", tactic.displayName);
        } else {
          writeText("name", category);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndArray();
    }

    /** The process as the host sees it: the device is the host. */
    private void writeProcess(EventSnapshot event) throws IOException {
      json.writeStartObject();
      json.writeNumberField("pid", event.hostProcessId());
      json.writeNumberField("tid", event.hostThreadId());
      writeTextNonEmpty("name", event.processName());
      if (event.processEntityId() != 0) {
        json.writeStringField("uid", Long.toString(event.processEntityId()));
      }
      String path = event.executablePath();
      if (!path.isEmpty()) {
        json.writeObjectFieldStart("file");
        writeText("path", path);
        writeText("name", fileName(path));
        json.writeNumberField("type_id", 1);
        json.writeStringField("type", "Regular File");
        json.writeEndObject();
      }
      json.writeObjectFieldStart("parent_process");
      json.writeNumberField("pid", event.hostParentProcessId());
      json.writeEndObject();
      json.writeObjectFieldStart("user");
      json.writeStringField("uid", Long.toString(event.userId()));
      json.writeEndObject();
      json.writeEndObject();
    }

    /**
     * The host as the schema allows it: a device needs one of its identifiers (at_least_one of
     * ip, uid, name, hostname, instance_uid, interface_uid, interface_name), and
     * {@code hostname} must be a {@code hostname_t}.
     */
    private void writeDevice(String hostName) throws IOException {
      if (hostName.isEmpty()) {
        return;
      }
      json.writeObjectFieldStart("device");
      if (isHostname(hostName)) {
        json.writeStringField("hostname", hostName);
      } else {
        writeText("name", hostName);
      }
      json.writeNumberField("type_id", 0);
      json.writeStringField("type", "Unknown");
      json.writeEndObject();
    }

    /** Called when the event has a container id or name: container needs one of the two. */
    private void writeContainer(EventSnapshot event) throws IOException {
      json.writeObjectFieldStart("container");
      writeTextNonEmpty("uid", event.containerId());
      writeTextNonEmpty("name", event.containerName());
      if (!event.containerImageDigest().isEmpty()) {
        json.writeObjectFieldStart("image");
        writeTextNonEmpty("name", event.containerImage());
        writeText("uid", event.containerImageDigest());
        json.writeEndObject();
      }
      if (isUuid(event.podUid())) {
        json.writeStringField("pod_uuid", event.podUid());
      }
      json.writeEndObject();
    }

    private void writeUnmapped(Finding finding) throws IOException {
      EventSnapshot event = finding.event();
      SignatureMetadata signature = finding.metadata();
      json.writeObjectFieldStart("unmapped");
      json.writeObjectFieldStart("tracee");
      json.writeStringField("eventName", event.eventName());
      json.writeNumberField("eventId", event.eventId());
      json.writeStringField("origin", event.origin().traceeName());
      json.writeNumberField("timestamp", event.timestamp());
      json.writeNumberField("processId", event.processId());
      json.writeNumberField("threadId", event.threadId());
      json.writeNumberField("parentProcessId", event.parentProcessId());
      json.writeNumberField("cgroupId", event.cgroupId());
      json.writeNumberField("mountNamespace", event.mountNamespace());
      json.writeNumberField("pidNamespace", event.pidNamespace());
      json.writeNumberField("processorId", event.processorId());
      writeNonEmpty("syscall", event.syscall());
      json.writeNumberField("returnValue", event.returnValue());
      if (!imageMapped(event)) {
        writeNonEmpty("containerImage", event.containerImage());
      }
      writeNonEmpty("podName", event.podName());
      writeNonEmpty("podNamespace", event.podNamespace());
      writeNonEmpty("podUID", event.podUid());
      json.writeArrayFieldStart("args");
      for (EventSnapshot.Arg arg : event.args()) {
        json.writeStartObject();
        json.writeStringField("name", arg.name());
        json.writeStringField("type", arg.type());
        json.writeFieldName("value");
        writeValue(arg.value());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeObjectFieldStart("sigil");
      writeNonEmpty("node", finding.node());
      json.writeStringField("signatureId", signature.id());
      json.writeStringField("signatureVersion", signature.version());
      writeNonEmpty("eventName", signature.eventName());
      json.writeNumberField("traceeSeverity", finding.severity().traceeValue());
      writeNonEmpty("mitreStixId", signature.mitreStixId());
      writeNonEmpty("kubernetesTechnique", signature.kubernetesTechnique());
      if (!signature.tags().isEmpty()) {
        json.writeFieldName("tags");
        writeValue(signature.tags());
      }
      if (signature.traceeEventId() != 0) {
        json.writeNumberField("traceeEventId", signature.traceeEventId());
      }
      if (!signature.extraProperties().isEmpty()) {
        json.writeFieldName("properties");
        writeValue(signature.extraProperties());
      }
      json.writeEndObject();
      json.writeEndObject();
    }

    /** Writes an unmapped string, when not empty, as it is. */
    private void writeNonEmpty(String field, CharSequence value) throws IOException {
      if (value.length() > 0) {
        json.writeStringField(field, value.toString());
      }
    }

    /** Writes a mapped string attribute, when not empty, within {@code string_t}'s length. */
    private void writeTextNonEmpty(String field, CharSequence value) throws IOException {
      if (value.length() > 0) {
        writeText(field, value);
      }
    }

    /** Writes a mapped string attribute within {@code string_t}'s length. */
    private void writeText(String field, CharSequence value) throws IOException {
      json.writeStringField(field, text(value));
    }

    private void writeValue(@Nullable Object value) throws IOException {
      JsonLines.value(json, value, false);
    }
  }

  /** Whether the image name reaches {@code evidences[0].container.image.name}. */
  private static boolean imageMapped(EventSnapshot event) {
    return !event.containerImageDigest().isEmpty()
        && (!event.containerId().isEmpty() || !event.containerName().isEmpty());
  }

  private static String title(SignatureMetadata signature) {
    return signature.name().isEmpty() ? signature.id() : signature.name();
  }

  /** The last path segment, or the whole path when it ends with a slash. */
  private static String fileName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? path : name;
  }

  /**
   * Cuts a string to {@value #MAX_STRING_CHARS} UTF-16 units without splitting a surrogate pair
   * (the schema counts characters, never more than UTF-16 units).
   */
  static String text(CharSequence value) {
    String s = value.toString();
    if (s.length() <= MAX_STRING_CHARS) {
      return s;
    }
    int end = MAX_STRING_CHARS;
    if (Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Whether a host name is a {@code hostname_t}: OCSF 1.3.0's pattern
   * {@code ^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\-]*[A-Za-z0-9])$}
   * over the whole string (no trailing newline), checked in one pass rather than with a
   * backtracking regex over untrusted input, and at most {@value #MAX_HOSTNAME_CHARS} characters.
   */
  static boolean isHostname(String name) {
    int length = name.length();
    if (length == 0 || length > MAX_HOSTNAME_CHARS) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? name.charAt(i) : '.';
      if (c == '.') {
        if (i == labelStart || name.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else if (c == '-') {
        if (i == labelStart) {
          return false;
        }
      } else if (!isAsciiLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a string is a UUID, 8-4-4-4-12 hex digits and nothing else ({@code uuid_t}). */
  static boolean isUuid(String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23
          ? c == '-'
          : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }


  static int severityId(Severity severity) {
    return severity.traceeValue() + 1;
  }

  private static String severityCaption(Severity severity) {
    switch (severity) {
      case INFO:
        return "Informational";
      case LOW:
        return "Low";
      case MEDIUM:
        return "Medium";
      case HIGH:
        return "High";
      default:
        return "Critical";
    }
  }

  private static String readProductVersion() {
    try (InputStream in = OcsfFindingWriter.class.getResourceAsStream(
        "/META-INF/maven/dev.sigil/sigil-core/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the version is informative, never a reason to fail
    }
    String implementation = OcsfFindingWriter.class.getPackage().getImplementationVersion();
    return implementation == null ? "unknown" : implementation;
  }
}
