package dev.sigil.core.tracee;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableMap;
import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.FailingOutput;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.testing.EventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceeFindingWriterTest {
  private static final ArgKey DETECTED_FROM = ArgKey.of("detectedFrom");
  private static final ArgKey PATH = ArgKey.of("path");

  private static final SignatureMetadata DROPPED = SignatureMetadata.builder("TRC-1022")
      .version("1")
      .name("New executable dropped")
      .eventName("dropped_executable")
      .description("An executable was dropped.")
      .tags(List.of("linux", "container"))
      .severity(Severity.MEDIUM)
      .category("defense-evasion")
      .technique("Masquerading")
      .mitre("T1036", "attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0")
      .build();

  private static EventSnapshot decodedMagicWrite() {
    byte[] fixture = TraceeReaderTest.resource("v024-mixed.jsonl");
    List<EventSnapshot> events = new ArrayList<>();
    TraceeReader.builder().build().read(fixture, 0, fixture.length, e -> events.add(e.copy()));
    return events.get(0);
  }

  private static Finding finding(EventSnapshot trigger, ImmutableMap<String, Object> data, Severity severity) {
    return new Finding(DROPPED, severity, trigger, data, Instant.parse("2026-11-23T12:00:00Z"));
  }

  private static String write(Finding... findings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TraceeFindingWriter writer = new TraceeFindingWriter(out, false)) {
      for (Finding f : findings) {
        writer.onFinding(f);
      }
    }
    return out.toString(UTF_8);
  }

  /** Parses one JSON line into maps and lists; integers beyond a long become BigIntegers. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String line) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(line)) {
      p.nextToken();
      Map<String, Object> tree = (Map<String, Object>) tree(p);
      assertEquals(null, p.nextToken(), "one value per line");
      return tree;
    }
  }

  private static Object tree(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, tree(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(tree(p));
        }
        return list;
      }
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      default:
        return null;
    }
  }

  @Test
  void writesOneLinePerFinding() {
    EventSnapshot trigger = decodedMagicWrite();
    String text = write(finding(trigger, ImmutableMap.of("path", "/a"), Severity.MEDIUM),
        finding(trigger, ImmutableMap.of("path", "/b"), Severity.MEDIUM));
    String[] lines = text.split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals("", lines[2], "each line ends with a newline");
    assertTrue(lines[0].startsWith("{") && lines[0].endsWith("}"));
  }

  @Test
  void readsBackWithTheTriggeringEventsContext() {
    EventSnapshot trigger = decodedMagicWrite();
    byte[] line = write(finding(trigger, ImmutableMap.of("path", "/tmp/.cache/kworkerd"), Severity.MEDIUM))
        .getBytes(UTF_8);
    List<Rejection> rejections = new ArrayList<>();
    List<EventSnapshot> back = new ArrayList<>();
    TraceeReader.builder().onRejection(rejections::add).build().read(line, 0, line.length, e -> back.add(e.copy()));
    assertEquals(List.of(), rejections);
    EventSnapshot read = back.get(0);
    assertEquals(trigger.timestamp(), read.timestamp());
    assertEquals(trigger.threadStartTime(), read.threadStartTime());
    assertEquals(trigger.processorId(), read.processorId());
    assertEquals(trigger.processId(), read.processId());
    assertEquals(trigger.threadId(), read.threadId());
    assertEquals(trigger.parentProcessId(), read.parentProcessId());
    assertEquals(trigger.hostProcessId(), read.hostProcessId());
    assertEquals(trigger.hostThreadId(), read.hostThreadId());
    assertEquals(trigger.hostParentProcessId(), read.hostParentProcessId());
    assertEquals(trigger.cgroupId(), read.cgroupId());
    assertEquals(trigger.userId(), read.userId());
    assertEquals(trigger.mountNamespace(), read.mountNamespace());
    assertEquals(trigger.pidNamespace(), read.pidNamespace());
    assertEquals(trigger.processName(), read.processName());
    assertEquals(trigger.executablePath(), read.executablePath());
    assertEquals(trigger.hostName(), read.hostName());
    assertEquals(trigger.containerId(), read.containerId());
    assertEquals(trigger.containerName(), read.containerName());
    assertEquals(trigger.containerImage(), read.containerImage());
    assertEquals(trigger.containerImageDigest(), read.containerImageDigest());
    assertEquals(trigger.podName(), read.podName());
    assertEquals(trigger.podNamespace(), read.podNamespace());
    assertEquals(trigger.podUid(), read.podUid());
    assertEquals(trigger.podSandbox(), read.podSandbox());
    assertEquals(trigger.returnValue(), read.returnValue());
    assertEquals(trigger.syscall(), read.syscall());
    assertEquals(trigger.containerStarted(), read.containerStarted());
    assertEquals(trigger.isCompat(), read.isCompat());
    assertEquals(trigger.threadEntityId(), read.threadEntityId());
    assertEquals(trigger.processEntityId(), read.processEntityId());
    assertEquals(trigger.parentEntityId(), read.parentEntityId());
    assertEquals(Origin.CONTAINER, read.origin());
    assertEquals("dropped_executable", read.eventName());
    assertEquals("/tmp/.cache/kworkerd", read.string(PATH));
    assertTrue(read.rawJson(read.argIndex(DETECTED_FROM)).toString().contains("\"name\":\"magic_write\""));
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesTraceesFindingShape() throws IOException {
    EventSnapshot trigger = decodedMagicWrite();
    Map<String, Object> line = parse(write(finding(trigger,
        ImmutableMap.of("path", "/x", "count", 3L, "flag", true, "names", List.of("a", "b"),
            "nested", Map.of("k", "v")), Severity.HIGH)).trim());
    assertEquals("dropped_executable", line.get("eventName"));
    assertEquals(6L, line.get("argsNum"));
    assertEquals(Map.of("containerStarted", true, "isCompat", false), line.get("contextFlags"));
    assertEquals("shop-api", ((Map<String, Object>) line.get("container")).get("name"));
    assertEquals("shop", ((Map<String, Object>) line.get("kubernetes")).get("podNamespace"));
    assertFalse(line.containsKey("eventId"), "a signature without a Tracee event id gets none");
    List<Map<String, Object>> args = (List<Map<String, Object>>) line.get("args");
    assertEquals(List.of("path", "count", "flag", "names", "nested", "detectedFrom"),
        args.stream().map(a -> a.get("name")).toList());
    assertEquals(List.of("const char *", "long", "bool", "const char**", "unknown", "unknown"),
        args.stream().map(a -> a.get("type")).toList());
    assertEquals(List.of("a", "b"), args.get(3).get("value"));
    Map<String, Object> detectedFrom = (Map<String, Object>) args.get(5).get("value");
    assertEquals(List.of("args", "id", "name", "returnValue"), List.copyOf(detectedFrom.keySet()),
        "a Go map prints its keys in order");
    assertEquals(6034L, ((Number) detectedFrom.get("id")).longValue(), "an int, as in Tracee's Go map");
    assertEquals("magic_write", detectedFrom.get("name"));
    assertEquals(32L, detectedFrom.get("returnValue"));
    List<Map<String, Object>> triggerArgs = (List<Map<String, Object>>) detectedFrom.get("args");
    assertEquals(Map.of("name", "pathname", "type", "string", "value", "/tmp/.cache/kworkerd"), triggerArgs.get(0));
    assertEquals(Base64.getEncoder().encodeToString(trigger.bytesAt(1).toByteArray()), triggerArgs.get(1).get("value"),
        "bytes are written as base64");
    Map<String, Object> metadata = (Map<String, Object>) line.get("metadata");
    assertEquals("1", metadata.get("Version"));
    assertEquals("An executable was dropped.", metadata.get("Description"));
    assertEquals(List.of("linux", "container"), metadata.get("Tags"));
    Map<String, Object> properties = (Map<String, Object>) metadata.get("Properties");
    assertEquals(3L, properties.get("Severity"), "the severity actually reported, as Tracee's integer");
    assertEquals("defense-evasion", properties.get("Category"));
    assertEquals("Masquerading", properties.get("Technique"));
    assertEquals("T1036", properties.get("external_id"));
    assertEquals("attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0", properties.get("id"));
    assertEquals("TRC-1022", properties.get("signatureID"));
    assertEquals("New executable dropped", properties.get("signatureName"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesUint64ValuesUnsignedAndStructuredValuesAsJson() throws IOException {
    EventSnapshot trigger = decodedMagicWrite();
    Map<String, Object> line = parse(write(finding(trigger, ImmutableMap.of(), Severity.MEDIUM)).trim());
    List<Map<String, Object>> args = (List<Map<String, Object>>) line.get("args");
    Map<String, Object> detectedFrom = (Map<String, Object>) args.get(0).get("value");
    List<Map<String, Object>> triggerArgs = (List<Map<String, Object>>) detectedFrom.get("args");
    assertEquals(new java.math.BigInteger("18446744073709551000"), triggerArgs.get(3).get("value"));

    byte[] dns = TraceeReaderTest.resource("v024-mixed.jsonl");
    List<EventSnapshot> events = new ArrayList<>();
    TraceeReader.builder().build().read(dns, 0, dns.length, e -> events.add(e.copy()));
    Map<String, Object> dnsLine = parse(write(finding(events.get(3), ImmutableMap.of(), Severity.LOW)).trim());
    Map<String, Object> from = (Map<String, Object>) ((List<Map<String, Object>>) dnsLine.get("args")).get(0).get("value");
    Map<String, Object> protoDns = ((List<Map<String, Object>>) from.get("args")).get(5);
    assertEquals(4711L, ((Map<String, Object>) protoDns.get("value")).get("ID"));
  }

  @Test
  void writesAHostEventFromTheTestBuilder() throws IOException {
    Event built = EventBuilder.event("sched_process_exec").origin(Origin.HOST)
        .arg("argv", List.of("/bin/sh", "-c", "id")).build();
    Map<String, Object> line = parse(write(finding(built.copy(), ImmutableMap.of(), Severity.INFO)).trim());
    assertEquals(Map.of(), line.get("container"));
    assertEquals("", line.get("containerId"));
  }

  @Test
  void flushesEachLineWhenAsked() {
    int[] flushes = {0};
    OutputStream counting = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        flushes[0]++;
      }
    };
    TraceeFindingWriter writer = new TraceeFindingWriter(counting, true);
    writer.onFinding(finding(decodedMagicWrite(), ImmutableMap.of(), Severity.MEDIUM));
    writer.onFinding(finding(decodedMagicWrite(), ImmutableMap.of(), Severity.MEDIUM));
    assertEquals(2, flushes[0]);
    writer.close();
  }

  @Test
  void reportsAFailingOutputAsUncheckedIo() {
    TraceeFindingWriter writer = new TraceeFindingWriter(new FailingOutput("disk full"), true);
    assertThrows(java.io.UncheckedIOException.class,
        () -> writer.onFinding(finding(decodedMagicWrite(), ImmutableMap.of(), Severity.MEDIUM)));
  }

  private static final SignatureMetadata TRC_1022 = DROPPED.toBuilder()
      .description("An Executable file was dropped in the system during runtime. Container images"
          + " are usually built with all binaries needed inside. A dropped binary may indicate"
          + " that an adversary infiltrated your container.")
      .tags(List.of())
      .traceeEventId(6029)
      .build();

  /**
   * The fixture is a TRC-1022 finding as Tracee v0.24.1 prints it for the fixture's magic_write
   * (trace.Event's fields in their order, Go's sorted map keys, C type names, detectedFrom),
   * shaped like the real finding in Tracee's Helm chart notes.
   */
  @Test
  @SuppressWarnings("unchecked")
  void writesTrc1022FieldByFieldAsTraceePrintsIt() throws IOException {
    byte[] trigger = TraceeReaderTest.resource("trc-1022-trigger.jsonl");
    List<EventSnapshot> events = new ArrayList<>();
    TraceeReader.builder().build().read(trigger, 0, trigger.length, e -> events.add(e.copy()));
    Finding finding = new Finding(TRC_1022, Severity.MEDIUM, events.get(0),
        ImmutableMap.of("path", "/tmp/.x/kworker"), Instant.parse("2026-11-23T12:00:00Z"));

    Map<String, Object> written = parse(write(finding).trim());
    Map<String, Object> expected = parse(new String(
        TraceeReaderTest.resource("trc-1022-finding.jsonl"), UTF_8).trim());
    // Tracee's policies selected the event; Sigil has no policies to name.
    expected.remove("matchedPolicies");

    // Sigil's one addition to Tracee's properties: the finding's deterministic id.
    Map<String, Object> properties =
        (Map<String, Object>) ((Map<String, Object>) written.get("metadata")).get("Properties");
    assertEquals(finding.id().toString(), properties.remove("findingId"));

    assertEquals(List.copyOf(expected.keySet()), List.copyOf(written.keySet()), "fields in Go's order");
    for (String field : expected.keySet()) {
      assertEquals(expected.get(field), written.get(field), field);
    }
    Map<String, Object> expectedProperties =
        (Map<String, Object>) ((Map<String, Object>) expected.get("metadata")).get("Properties");
    assertEquals(List.copyOf(expectedProperties.keySet()), List.copyOf(properties.keySet()),
        "properties in Go's order");
  }

  @Test
  @SuppressWarnings("unchecked")
  void namesEachJavaValueWithTheCTypeTraceeGivesTheGoValue() throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("string", "x");
    data.put("int", 1);
    data.put("long", 2L);
    data.put("short", (short) 3);
    data.put("int8", (byte) 4);
    data.put("bool", true);
    data.put("float", 1.5f);
    data.put("float64", 2.5d);
    data.put("uint64", new java.math.BigInteger("18446744073709551615"));
    data.put("strings", List.of("a", "b"));
    data.put("noStrings", List.of());
    data.put("mixed", List.of("a", 1));
    data.put("map", Map.of("k", "v"));
    data.put("bytes", new byte[] {1, 2});
    data.put("other", Instant.EPOCH);
    Map<String, Object> line = parse(write(finding(decodedMagicWrite(), ImmutableMap.copyOf(data),
        Severity.MEDIUM)).trim());

    List<Map<String, Object>> args = (List<Map<String, Object>>) line.get("args");
    Map<String, Object> types = new LinkedHashMap<>();
    args.forEach(arg -> types.put((String) arg.get("name"), arg.get("type")));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("string", "const char *");
    expected.put("int", "int");
    expected.put("long", "long");
    expected.put("short", "short");
    expected.put("int8", "int8");
    expected.put("bool", "bool");
    expected.put("float", "float");
    expected.put("float64", "float64");
    expected.put("uint64", "unsigned long");
    expected.put("strings", "const char**");
    expected.put("noStrings", "const char**");
    expected.put("mixed", "unknown");
    expected.put("map", "unknown");
    expected.put("bytes", "unknown");
    expected.put("other", "unknown");
    expected.put("detectedFrom", "unknown");
    assertEquals(expected, types);
    assertEquals(new java.math.BigInteger("18446744073709551615"), args.get(8).get("value"));
    assertEquals("AQI=", args.get(13).get("value"), "bytes as Go prints a []byte");
    assertEquals("unknown", TraceeFindingWriter.cType(null));
    assertEquals("unknown", TraceeFindingWriter.cType(java.math.BigInteger.valueOf(-1)));
  }

  @Test
  void writesTheSignaturesTraceeEventIdAsAString() throws IOException {
    Map<String, Object> line = parse(write(new Finding(TRC_1022, Severity.MEDIUM, decodedMagicWrite(),
        ImmutableMap.of(), Instant.EPOCH)).trim());

    assertEquals("6029", line.get("eventId"));
    assertEquals(List.of("eventId", "eventName"),
        line.keySet().stream().filter(k -> k.startsWith("event")).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void leavesDetectedFromOutWhenTheTriggerHasNoArguments() throws IOException {
    Event bare = EventBuilder.event("sched_process_exit").origin(Origin.HOST).build();
    Map<String, Object> line = parse(write(finding(bare.copy(), ImmutableMap.of("path", "/x"),
        Severity.LOW)).trim());

    assertEquals(1L, line.get("argsNum"));
    assertEquals(List.of("path"), ((List<Map<String, Object>>) line.get("args")).stream()
        .map(a -> a.get("name")).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesPropertiesAsTraceeDoesForASignatureWithoutStandardProperties() throws IOException {
    SignatureMetadata k8s = SignatureMetadata.builder("TRC-1013").version("0.1.0")
        .name("Kubernetes API server connection detected").eventName("k8s_api_connection")
        .traceeEventId(6001).tags(List.of("container")).severity(Severity.LOW)
        .extraProperties(Map.of("MITRE ATT&CK", "Discovery: Cloud Service Discovery")).build();
    Finding finding = new Finding(k8s, Severity.LOW, decodedMagicWrite(),
        ImmutableMap.of("ip", "10.0.0.1"), Instant.EPOCH);
    Map<String, Object> line = parse(write(finding).trim());

    Map<String, Object> metadata = (Map<String, Object>) line.get("metadata");
    assertEquals(List.of("container"), metadata.get("Tags"));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("Category", null);
    expected.put("MITRE ATT&CK", "Discovery: Cloud Service Discovery");
    expected.put("Severity", 1L);
    expected.put("Technique", null);
    expected.put("external_id", null);
    expected.put("findingId", finding.id().toString());
    expected.put("id", null);
    expected.put("signatureID", "TRC-1013");
    expected.put("signatureName", "Kubernetes API server connection detected");
    Map<String, Object> properties = (Map<String, Object>) metadata.get("Properties");
    assertEquals(expected, properties);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(properties.keySet()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFindingOfANamedNodeCarriesItsNodeAndOneOfNoNodeDoesNot() throws IOException {
    Finding ofNode = new Finding(DROPPED, Severity.MEDIUM, decodedMagicWrite(),
        ImmutableMap.of("path", "/tmp/x"), Instant.EPOCH, "worker-7");
    Finding ofNone = new Finding(DROPPED, Severity.MEDIUM, decodedMagicWrite(),
        ImmutableMap.of("path", "/tmp/x"), Instant.EPOCH);

    Map<String, Object> withNode = (Map<String, Object>) ((Map<String, Object>) parse(
        write(ofNode).trim()).get("metadata")).get("Properties");
    Map<String, Object> without = (Map<String, Object>) ((Map<String, Object>) parse(
        write(ofNone).trim()).get("metadata")).get("Properties");

    assertEquals("worker-7", withNode.get("node"));
    assertFalse(without.containsKey("node"), without.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesNoTagsAsNullAndNestedMapsInGoOrder() throws IOException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", 1L);
    nested.put("a", 2L);
    nested.put("B", 3L);
    Map<String, Object> line = parse(write(new Finding(TRC_1022, Severity.MEDIUM, decodedMagicWrite(),
        ImmutableMap.of("nested", nested), Instant.EPOCH)).trim());

    Map<String, Object> metadata = (Map<String, Object>) line.get("metadata");
    assertTrue(metadata.containsKey("Tags"));
    assertEquals(null, metadata.get("Tags"), "no tags print as Go prints a nil list");
    Map<String, Object> value = (Map<String, Object>)
        ((List<Map<String, Object>>) line.get("args")).get(0).get("value");
    assertEquals(List.of("B", "a", "b"), List.copyOf(value.keySet()));
  }

  @Test
  void writesALoneSurrogateFromTheInputAsTheReplacementCharacter() throws IOException {
    EventSnapshot trigger = EventBuilder.event("magic_write").timestamp(1).hostName("a\ud800b")
        .processName("x\udc00").arg("pathname", "/tmp/\ud800").build().copy();

    String line = write(finding(trigger, ImmutableMap.of("path", "v\ud800"), Severity.MEDIUM));

    assertFalse(line.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\\\ud[89a-f].*"),
        "no surrogate escapes, which strict JSON readers reject: " + line);
    Map<String, Object> tree = parse(line.trim());
    assertEquals("a\uFFFDb", tree.get("hostName"));
    assertEquals("x\uFFFD", tree.get("processName"));
  }
}
