package dev.sigil.core.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.sigil.core.Event;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.internal.JsonTree;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.tracee.TraceeReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every finding the OCSF writer makes is a valid OCSF 1.3.0 Detection Finding, by
 * {@link OcsfSchemaCheck}; and the check is one that fails: it rejects the three invalid findings
 * the writer used to make and every kind of violation it models.
 */
class OcsfValidityTest {
  private static final Instant DETECTED_AT = Instant.parse("2026-11-23T14:00:00.250Z");

  private static final SignatureMetadata DROPPED = DroppedExecutableMetadata.TRC_1022;

  static MutableEvent event(Origin origin, Consumer<MutableEvent> context) {
    MutableEvent event = (MutableEvent) EventBuilder.event("magic_write")
        .timestamp(1_700_000_000_123_456_789L)
        .origin(origin)
        .processName("curl")
        .pids(12, 12, 1)
        .hostPids(4242, 4243, 4000)
        .arg("pathname", "/usr/bin/malware")
        .build();
    event.executablePathSlot().set("/usr/bin/curl");
    context.accept(event);
    return event;
  }

  static MutableEvent onHost(String hostName) {
    return event(Origin.HOST, e -> e.hostNameSlot().set(hostName));
  }

  static MutableEvent inContainer(String image, String digest) {
    return event(Origin.CONTAINER, e -> {
      e.hostNameSlot().set("node-7");
      e.containerIdSlot().set("f00dcafe0123456789abcdef");
      e.containerNameSlot().set("web-1");
      e.containerImageSlot().set(image);
      e.containerImageDigestSlot().set(digest);
    });
  }

  static Finding finding(SignatureMetadata metadata, Event event, Map<String, Object> data) {
    return new Finding(metadata, metadata.severity(), EventSnapshot.of(event),
        ImmutableMap.copyOf(data), DETECTED_AT);
  }

  /** Writes the findings and returns the lines. */
  static List<String> write(List<Finding> findings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OcsfFindingWriter writer = new OcsfFindingWriter(out, false)) {
      findings.forEach(writer::onFinding);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    assertEquals("", lines.remove(lines.size() - 1), "the output ends with a newline");
    assertEquals(findings.size(), lines.size());
    return lines;
  }

  static String write(Finding finding) {
    return write(List.of(finding)).get(0);
  }

  /** Asserts the line is valid, showing the violations otherwise. */
  static void assertValid(String line) {
    List<String> violations = OcsfSchemaCheck.check(line);
    assertTrue(violations.isEmpty(), () -> violations + " in " + line);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(String line) {
    try {
      return (Map<String, Object>) JsonTree.read(
          new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> tree, String... path) {
    Object node = tree;
    for (String step : path) {
      node = step.matches("\\d+") ? ((List<Object>) node).get(Integer.parseInt(step))
          : ((Map<String, Object>) node).get(step);
      assertNotNull(node, String.join(".", path));
    }
    return (Map<String, Object>) node;
  }

  @Nested
  class TheThreeInputsOfTheIssue {
    @Test
    void anImageWithoutDigestIsNoImageObjectAndItsNameStaysInUnmapped() {
      String line = write(finding(DROPPED, inContainer("docker.io/library/nginx:1.27", ""),
          Map.of()));

      assertValid(line);
      Map<String, Object> container = at(tree(line), "evidences", "0", "container");
      assertEquals("f00dcafe0123456789abcdef", container.get("uid"));
      assertFalse(container.containsKey("image"), "OCSF's image needs a uid, the digest");
      assertEquals("docker.io/library/nginx:1.27",
          at(tree(line), "unmapped", "tracee").get("containerImage"));
    }

    @Test
    void anImageWithADigestIsAnImageObjectWithItsNameAndTheDigestAsUid() {
      String line = write(finding(DROPPED, inContainer("nginx:1.27", "sha256:5e1d9a0c7b3f"),
          Map.of()));

      assertValid(line);
      assertEquals(Map.of("name", "nginx:1.27", "uid", "sha256:5e1d9a0c7b3f"),
          at(tree(line), "evidences", "0", "container", "image"));
      assertFalse(at(tree(line), "unmapped", "tracee").containsKey("containerImage"));
    }

    @Test
    void anEmptyHostNameMeansNoDevice() {
      String line = write(finding(DROPPED, onHost(""), Map.of()));

      assertValid(line);
      assertFalse(tree(line).containsKey("device"), "a device needs an identifier");
    }

    @Test
    void aHostNameThatIsNoHostnameGoesToDeviceName() {
      String line = write(finding(DROPPED, onHost("build_host_1"), Map.of()));

      assertValid(line);
      Map<String, Object> device = at(tree(line), "device");
      assertEquals("build_host_1", device.get("name"));
      assertFalse(device.containsKey("hostname"));
      assertEquals(0L, device.get("type_id"));
    }

    @Test
    void aHostnameStaysDeviceHostname() {
      for (String host : List.of("node-7", "ip-10-0-0-7.ec2.internal", "a", "1-2.b-3")) {
        String line = write(finding(DROPPED, onHost(host), Map.of()));

        assertValid(line);
        assertEquals(Map.of("hostname", host, "type_id", 0L, "type", "Unknown"),
            at(tree(line), "device"), host);
      }
    }
  }

  @Nested
  class TheCheck {
    private List<String> oldWritersLines() throws IOException {
      try (InputStream in = OcsfValidityTest.class.getResourceAsStream(
          "invalid-findings-of-the-old-writer.jsonl")) {
        assertNotNull(in);
        return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
      }
    }

    @Test
    void rejectsTheThreeInvalidFindingsTheOldWriterMade() throws IOException {
      List<String> lines = oldWritersLines();

      assertEquals(List.of("evidences[0].container.image.uid: required attribute missing (image)"),
          OcsfSchemaCheck.check(lines.get(0)), "an image name without digest");
      assertEquals(List.of("device: constraint at_least_one of [ip, uid, name, hostname, "
          + "instance_uid, interface_uid, interface_name] failed in device"),
          OcsfSchemaCheck.check(lines.get(1)), "an empty host name");
      assertEquals(List.of("device.hostname: 'build_host_1' does not match hostname_t's regex"),
          OcsfSchemaCheck.check(lines.get(2)), "a host name with underscores");
    }

    @Test
    void passesTheWritersFindingOfAContainerEvent() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("path", "/usr/bin/malware");
      data.put("size", 4L);
      String line = write(finding(DROPPED.toBuilder().traceeEventId(6029).tags(List.of("linux"))
          .build(), inContainer("nginx:1.27", "sha256:5e1d"), data));

      assertEquals(List.of(), OcsfSchemaCheck.check(line));
    }

    /** One valid finding, changed one way at a time: each change is caught. */
    @Test
    void catchesEachKindOfViolation() {
      String valid = write(finding(DROPPED, inContainer("nginx:1.27", "sha256:5e1d"),
          Map.of("path", "/x")));
      List<Map.Entry<String, Consumer<Map<String, Object>>>> mutations = new ArrayList<>();
      mutations.add(Map.entry("time: required attribute missing", t -> t.remove("time")));
      mutations.add(Map.entry("finding_info.uid: required attribute missing",
          t -> at(t, "finding_info").remove("uid")));
      mutations.add(Map.entry("metadata.product.vendor_name: required attribute missing",
          t -> at(t, "metadata", "product").remove("vendor_name")));
      mutations.add(Map.entry("device.type_id: null; required attribute missing",
          t -> at(t, "device").put("type_id", null)));
      mutations.add(Map.entry("severity_id: wrong type", t -> t.put("severity_id", "3")));
      mutations.add(Map.entry("time: wrong type", t -> t.put("time", "1700000000123")));
      mutations.add(Map.entry("message: wrong type", t -> t.put("message", 7L)));
      mutations.add(Map.entry("finding_info.types: wrong type", t -> at(t, "finding_info")
          .put("types", "dropped_executable")));
      mutations.add(Map.entry("evidences[0].process.pid: wrong type",
          t -> at(t, "evidences", "0", "process").put("pid", 1.5)));
      mutations.add(Map.entry("evidences[0].process.pid: wrong type",
          t -> at(t, "evidences", "0", "process").put("pid", BigInteger.TWO.pow(63))));
      mutations.add(Map.entry("actor: wrong type", t -> t.put("actor", List.of())));
      mutations.add(Map.entry("hostname: unknown attribute in detection_finding",
          t -> t.put("hostname", "node-7")));
      mutations.add(Map.entry("evidences[0].container.labels: unknown attribute in container",
          t -> at(t, "evidences", "0", "container").put("labels", List.of("a"))));
      mutations.add(Map.entry("evidences[0].container.image.digest: unknown attribute in image",
          t -> at(t, "evidences", "0", "container", "image").put("digest", "x")));
      mutations.add(Map.entry("severity_id: 7 is not a value of the enum",
          t -> t.put("severity_id", 7L)));
      mutations.add(Map.entry("finding_info.analytic.type_id: 12 is not a value of the enum",
          t -> at(t, "finding_info", "analytic").put("type_id", 12L)));
      mutations.add(Map.entry("severity: 'High' is not the caption of severity_id 3",
          t -> t.put("severity", "High")));
      mutations.add(Map.entry("status: 'Success' is not the caption of status_id 1",
          t -> t.put("status", "Success")));
      mutations.add(Map.entry("type_uid: 200402 is not class_uid * 100 + activity_id",
          t -> {
            t.put("type_uid", 200402L);
            t.put("type_name", "Detection Finding: Update");
          }));
      mutations.add(Map.entry("metadata.version: '1.4.0' is not the schema's 1.3.0",
          t -> at(t, "metadata").put("version", "1.4.0")));
      mutations.add(Map.entry("metadata.version: '1.3' is not a version",
          t -> at(t, "metadata").put("version", "1.3")));
      mutations.add(Map.entry("device: unknown attribute in detection_finding (it belongs to the host "
          + "profile, not listed)", t -> at(t, "metadata").put("profiles", List.of())));
      mutations.add(Map.entry("metadata.profiles[1]: profile 'container' is unknown or not modelled",
          t -> at(t, "metadata").put("profiles", List.of("host", "container"))));
      mutations.add(Map.entry("evidences[0].container.pod_uuid: 'pod-7' does not match uuid_t's regex",
          t -> at(t, "evidences", "0", "container").put("pod_uuid", "pod-7")));
      mutations.add(Map.entry("device.hostname: 'node-7\r' does not match hostname_t's regex",
          t -> at(t, "device").put("hostname", "node-7\r")));
      mutations.add(Map.entry("message: 65536 characters, more than string_t's max_len 65535",
          t -> t.put("message", "m".repeat(65_536))));
      mutations.add(Map.entry("evidences[0].container: constraint at_least_one of [uid, name]",
          t -> {
            at(t, "evidences", "0", "container").remove("uid");
            at(t, "evidences", "0", "container").remove("name");
          }));
      mutations.add(Map.entry("evidences[0]: constraint at_least_one of [actor, api",
          t -> {
            at(t, "evidences", "0").remove("process");
            at(t, "evidences", "0").remove("data");
          }));
      mutations.add(Map.entry("finding_info.attacks[0]: constraint at_least_one of [tactic, technique, "
          + "sub_technique]", t -> at(t, "finding_info", "attacks", "0").clear()));
      mutations.add(Map.entry("finding_info.attacks[0].technique: constraint at_least_one of [name, uid]",
          t -> at(t, "finding_info", "attacks", "0", "technique").clear()));
      mutations.add(Map.entry("actor: constraint at_least_one of [process, user",
          t -> at(t, "actor").clear()));
      mutations.add(Map.entry("evidences[0].process.user: constraint at_least_one of [account, name, uid]",
          t -> at(t, "evidences", "0", "process", "user").clear()));
      mutations.add(Map.entry("actor.invoked_by: deprecated attribute",
          t -> at(t, "actor").put("invoked_by", "cron")));
      mutations.add(Map.entry("evidences[0].process.session: object session is not modelled",
          t -> at(t, "evidences", "0", "process").put("session", Map.of("uid", "1"))));
      mutations.add(Map.entry("class_uid: class 2001 is not modelled", t -> t.put("class_uid", 2001L)));

      for (Map.Entry<String, Consumer<Map<String, Object>>> mutation : mutations) {
        Map<String, Object> tree = tree(valid);
        mutation.getValue().accept(tree);
        List<String> violations = OcsfSchemaCheck.check(tree);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(mutation.getKey())),
            () -> "expected '" + mutation.getKey() + "', got " + violations);
      }
      assertEquals(List.of(), OcsfSchemaCheck.check(tree(valid)), "unchanged, it is valid");
    }

    @Test
    void rejectsWhatStrictJsonReadersReject() {
      String valid = write(finding(DROPPED, onHost("node-7"), Map.of()));

      assertTrue(OcsfSchemaCheck.check(valid.replace("\"message\":\"New executable dropped\"",
          "\"message\":\"New \\ud800 dropped\"")).get(0)
          .startsWith("message: unpaired UTF-16 surrogate U+D800"));
      assertTrue(OcsfSchemaCheck.check(valid.replace("{\"class_uid\":2004,",
          "{\"class_uid\":2004,\"class_uid\":2004,")).get(0).startsWith("(line): not one JSON"));
      assertTrue(OcsfSchemaCheck.check(valid + " {}").get(0).startsWith("(line): not one JSON"));
      assertEquals(List.of("(line): not a JSON object"), OcsfSchemaCheck.check("[]"));
      byte[] notUtf8 = {'{', '"', (byte) 0xC0, '"', ':', '1', '}'};
      assertEquals(List.of("(line): not valid UTF-8"), OcsfSchemaCheck.check(notUtf8));
    }
  }

  @Nested
  class OddContext {
    @Test
    void aLoneSurrogateFromTraceeInputIsWrittenAsReplacementCharacter() {
      byte[] line = ("{\"timestamp\":1,\"eventId\":\"727\",\"eventName\":\"magic_write\","
          + "\"hostName\":\"a\\ud800b\",\"processName\":\"x\\udc00\",\"containerId\":\"c\","
          + "\"kubernetes\":{\"podName\":\"p\\ud800\"},"
          + "\"args\":[{\"name\":\"k\\udfff\",\"type\":\"string\",\"value\":\"\\ud800\"}]}\n")
          .getBytes(StandardCharsets.UTF_8);
      List<Finding> findings = new ArrayList<>();
      TraceeReader.builder().build().read(line, 0, line.length,
          e -> findings.add(finding(DROPPED, e, Map.of("value", "v\ud800"))));
      assertEquals(1, findings.size());
      assertTrue(Character.isSurrogate(findings.get(0).event().hostName().charAt(1)),
          "the reader keeps the surrogate the input escaped");

      String out = write(findings.get(0));

      assertValid(out);
      Map<String, Object> tree = tree(out);
      assertEquals("a\uFFFDb", at(tree, "device").get("name"));
      assertEquals("x\uFFFD", at(tree, "actor", "process").get("name"));
      assertEquals("p\uFFFD", at(tree, "unmapped", "tracee").get("podName"));
      assertEquals("v\uFFFD", at(tree, "evidences", "0", "data").get("value"));
    }

    @Test
    void longStringsAreCutToTheSchemasLengthInMappedAttributesOnly() {
      String longName = "n".repeat(70_000);
      String surrogatesAtTheCut = "x".repeat(65_534) + "\uD83D\uDE00" + "tail";
      SignatureMetadata metadata = DROPPED.toBuilder().name(surrogatesAtTheCut).build();
      MutableEvent event = inContainer("nginx", "");
      event.containerNameSlot().set(longName);
      event.podNameSlot().set(longName);

      String line = write(finding(metadata, event, Map.of()));

      assertValid(line);
      Map<String, Object> tree = tree(line);
      assertEquals(65_535, ((String) at(tree, "evidences", "0", "container").get("name")).length());
      assertEquals("x".repeat(65_534), tree.get("message"), "no half of a surrogate pair");
      assertEquals(longName, at(tree, "unmapped", "tracee").get("podName"), "unmapped is whole");
    }

    @Test
    void aPodUidThatIsNoUuidStaysInUnmapped() {
      for (String podUid : List.of("8e1f4a52-6c0b-4d3e-9f7a-2b5c8d1e0f93",
          "6b0e8a6f9c1d2e3f4a5b6c7d8e9f0a1b", "8e1f4a52-6c0b-4d3e-9f7a-2b5c8d1e0f93\n", "")) {
        MutableEvent event = inContainer("nginx", "sha256:1");
        event.podUidSlot().set(podUid);

        String line = write(finding(DROPPED, event, Map.of()));

        assertValid(line);
        Map<String, Object> container = at(tree(line), "evidences", "0", "container");
        assertEquals(podUid.length() == 36, container.containsKey("pod_uuid"), podUid);
      }
    }
  }

  /** Host names and the way the writer places them. */
  @Test
  void hostNamesAreSortedByHostnameT() {
    for (String yes : List.of("a", "node-7", "A1.b2.C3", "x".repeat(63) + "." + "y".repeat(63),
        "1.2.3.4")) {
      assertTrue(OcsfFindingWriter.isHostname(yes), yes);
    }
    for (String no : List.of("", "build_host_1", "-a", "a-", "a..b", ".a", "a.", "a b",
        "node-7\n", "nöde", "a.-b", "a" + ".b".repeat(130))) {
      assertFalse(OcsfFindingWriter.isHostname(no), no);
    }
  }

  /**
   * The events of the demo's kind and the odd ones, the metadata shapes of the built-in
   * signatures (MITRE ids with and without sub-technique, categories known and unknown, no MITRE
   * data, a nameless signature, properties) and the data they report: each event with each
   * metadata shape and each data shape is valid.
   */
  @Test
  void everyFindingOfABroadSetOfEventsIsValid() {
    List<Finding> findings = new ArrayList<>();
    for (Event event : events()) {
      for (SignatureMetadata metadata : metadataShapes()) {
        findings.add(finding(metadata, event, Map.of("path", "/usr/bin/malware")));
      }
      for (Map<String, Object> data : dataShapes()) {
        findings.add(finding(DROPPED, event, data));
      }
    }
    List<String> lines = write(findings);

    List<String> failures = new ArrayList<>();
    for (String line : lines) {
      List<String> violations = OcsfSchemaCheck.check(line);
      if (!violations.isEmpty()) {
        failures.add(violations + " in " + line.substring(0, Math.min(line.length(), 2000)));
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 5)),
        failures.size() + " of " + lines.size() + " findings are invalid");
  }

  /** Each line of Tracee input in core's test resources, as the trigger of a finding. */
  @Test
  void findingsOfTheTestResourcesTraceeEventsAreValid() throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (String resource : List.of("trc-1022-trigger.jsonl", "v024-mixed.jsonl",
        "old-shape.jsonl")) {
      try (InputStream in = TraceeReader.class.getResourceAsStream(resource)) {
        assertNotNull(in, resource);
        TraceeReader.builder().build().read(in,
            e -> findings.add(finding(DROPPED, e, Map.of("path", "/tmp/x"))));
      }
    }
    assertTrue(findings.size() > 3, "read the events");

    write(findings).forEach(OcsfValidityTest::assertValid);
  }

  static List<Event> events() {
    List<Event> events = new ArrayList<>();
    events.add(onHost("node-7"));
    events.add(onHost("ip-10-0-0-7.ec2.internal"));
    events.add(inContainer("docker.io/library/nginx:1.27", "sha256:5e1d9a0c7b3f"));
    events.add(inContainer("docker.io/library/nginx:1.27", ""));
    events.add(inContainer("", "sha256:5e1d9a0c7b3f"));
    events.add(inContainer("", ""));
    events.add(onHost(""));
    for (String host : List.of("build_host_1", "host.", "-lead", "trail-", "a..b", "node-7\n",
        "nöde", "with space", "x".repeat(300), "\uD800", "\t")) {
      events.add(onHost(host));
    }
    events.add(event(Origin.CONTAINER, e -> e.containerIdSlot().set("only-an-id")));
    events.add(event(Origin.CONTAINER, e -> e.containerNameSlot().set("only-a-name")));
    events.add(event(Origin.CONTAINER, e -> {
      e.containerIdSlot().set("c0ffee");
      e.podUidSlot().set("8e1f4a52-6c0b-4d3e-9f7a-2b5c8d1e0f93");
      e.podNameSlot().set("billing-6d5f7c9b8-x2k4q");
      e.podNamespaceSlot().set("payments");
    }));
    events.add(event(Origin.CONTAINER, e -> {
      e.containerIdSlot().set("c0ffee");
      e.podUidSlot().set("6b0e8a6f9c1d2e3f4a5b6c7d8e9f0a1b");
    }));
    events.add(event(Origin.HOST, e -> e.executablePathSlot().set("")));
    events.add(event(Origin.HOST, e -> e.executablePathSlot().set("/")));
    events.add(event(Origin.HOST, e -> e.executablePathSlot().set("/usr/bin/")));
    events.add(event(Origin.HOST, e -> e.executablePathSlot().set("relative")));
    events.add(event(Origin.HOST, e -> e.processNameSlot().set("")));
    events.add(event(Origin.HOST, e -> {
      e.hostProcessId(-1);
      e.hostThreadId(Integer.MIN_VALUE);
      e.hostParentProcessId(Integer.MAX_VALUE);
      e.userId(-1);
      e.processEntityId(Long.MIN_VALUE);
      e.timestamp(Long.MIN_VALUE);
    }));
    events.add(event(Origin.HOST, e -> e.timestamp(Long.MAX_VALUE)));
    events.add(EventBuilder.event("security_file_open").build());
    events.add(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("argv", List.of("sh", "-c", "id"))
        .arg("env", Map.of("nested", List.of(Map.of("k", "v"))))
        .arg("flags", 3L)
        .arg("bytes", new byte[] {0, 1, 2})
        .arg("ok", true)
        .arg("nothing", null)
        .rawJsonArg("raw", "struct", "{\"a\":[1,2.5,null]}")
        .invalidArg("broken", "int")
        .build());
    return events;
  }

  static List<SignatureMetadata> metadataShapes() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Origin", "Sigil");
    properties.put("ratio", 0.5);
    properties.put("nested", List.of(Map.of("a", 1L)));
    return List.of(
        DROPPED,
        DROPPED.toBuilder().id("TRC-1017").name("Hidden file created")
            .mitre("T1564.001", "attack-pattern--ec8fc7e2-b356-455c-8db5-2e37be158e7d")
            .technique("Hidden Files and Directories").traceeEventId(6023).build(),
        DROPPED.toBuilder().id("TRC-1020").category("privilege-escalation")
            .technique("Escape to Host")
            .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
            .kubernetesTechnique("Container escape").severity(Severity.CRITICAL).build(),
        DROPPED.toBuilder().id("SGL-1001").category("execution").technique("")
            .mitre("", "").tags(List.of("linux", "container")).extraProperties(properties)
            .severity(Severity.HIGH).build(),
        DROPPED.toBuilder().category("house-rules").technique("").mitre("", "").build(),
        DROPPED.toBuilder().category("").technique("Only a name").mitre("", "").build(),
        DROPPED.toBuilder().category(" ").technique("").mitre(".5", "").build(),
        DROPPED.toBuilder().mitre("T1036.", "").build(),
        SignatureMetadata.builder("X-1").build(),
        SignatureMetadata.builder("X-2").name("").description("line\nbreak \u00e9\u4e2d")
            .eventName("").version("").severity(Severity.INFO).build(),
        SignatureMetadata.builder("X-3").name("\uDC00lone").category("TA0005")
            .technique("d".repeat(300)).severity(Severity.LOW).build());
  }

  static List<Map<String, Object>> dataShapes() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("absent", null);
    return List.of(
        Map.of(),
        Map.of("path", "/usr/bin/malware", "size", 4L, "elf", true),
        Map.of("bytes", new byte[] {0x7f, 'E', 'L', 'F'}, "when", Instant.EPOCH,
            "nan", Double.NaN, "big", BigInteger.TWO.pow(100)),
        Map.of("nested", Map.of("list", List.of(1, "two", withNull)),
            "suppressedCount", 3L, "lastSuppressedAt", 1_700_000_000_000_000_000L),
        Map.of("class_uid", "a key named like OCSF's", "\uD800", "a lone surrogate key"));
  }
}
