package dev.sigil.core.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.FailingOutput;
import dev.sigil.core.Finding;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.JsonTree;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.testing.EventBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OcsfFindingWriterTest {
  private static final long EVENT_TIME_NANOS = 1_700_000_000_123_456_789L;
  private static final Instant DETECTED_AT = Instant.parse("2026-11-23T14:00:00.250Z");

  private static final SignatureMetadata DROPPED = DroppedExecutableMetadata.TRC_1022.toBuilder()
      .tags(List.of("linux", "container"))
      .build();

  /** Fires on every magic_write it selects, reporting the path, as TRC-1022 would. */
  private static final class FiresOnMagicWrite extends FixedSignature {
    private SignatureContext context;

    FiresOnMagicWrite(SignatureMetadata metadata) {
      super(metadata, List.of(Selector.event("magic_write")));
    }

    @Override
    public void init(SignatureContext context) {
      this.context = context;
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("path", String.valueOf(event.string(dev.sigil.core.ArgKey.of("pathname"))));
      data.put("size", 4L);
      data.put("elf", true);
      context.report(event, data);
    }
  }

  private static Event droppedInContainer() {
    MutableEvent event = (MutableEvent) EventBuilder.event("magic_write")
        .timestamp(EVENT_TIME_NANOS)
        .origin(Origin.CONTAINER)
        .containerId("f00dcafe0123456789abcdef")
        .container("web-1", "docker.io/library/nginx:1.27")
        .hostName("node-7")
        .processName("curl")
        .pids(12, 12, 1)
        .hostPids(4242, 4243, 4000)
        .ids(6034, 0)
        .arg("pathname", "/usr/bin/malware")
        .arg("bytes", new byte[] {0x7f, 'E', 'L', 'F'})
        .arg("inode", 99L)
        .build();
    event.executablePathSlot().set("/usr/bin/curl");
    event.containerImageDigestSlot().set("sha256:5e1d9a0c7b3f");
    return event;
  }

  private static List<Map<String, Object>> writeThroughEngine(SignatureMetadata metadata,
      Event... events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OcsfFindingWriter writer = new OcsfFindingWriter(out, false)) {
      Engine engine = Engine.builder()
          .add(new FiresOnMagicWrite(metadata))
          .onFinding(writer)
          .clock(Clock.fixed(DETECTED_AT, ZoneOffset.UTC))
          .build();
      for (Event event : events) {
        engine.accept(event);
      }
      engine.close();
    }
    return parseLines(out.toByteArray());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parseLines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n"), "every finding ends its line");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      assertEquals(List.of(), OcsfSchemaCheck.check(line), "valid OCSF 1.3.0");
      try {
        lines.add((Map<String, Object>) JsonTree.read(
            new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))));
      } catch (IOException e) {
        throw new AssertionError("line is not one JSON object: " + line, e);
      }
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> parent, String field) {
    Object value = parent.get(field);
    assertInstanceOf(Map.class, value, field + " is an object");
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Map<String, Object> parent, String field) {
    Object value = parent.get(field);
    assertInstanceOf(List.class, value, field + " is an array");
    return (List<Object>) value;
  }

  private static long integer(Map<String, Object> parent, String field) {
    Object value = parent.get(field);
    assertInstanceOf(Long.class, value, field + " is a JSON integer");
    return (Long) value;
  }

  private static String string(Map<String, Object> parent, String field) {
    Object value = parent.get(field);
    assertInstanceOf(String.class, value, field + " is a JSON string");
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> only(List<Object> list) {
    assertEquals(1, list.size());
    return (Map<String, Object>) list.get(0);
  }

  @Test
  void writesOneDetectionFindingPerLineWithTheClassifyingIntegers() {
    List<Map<String, Object>> lines = writeThroughEngine(DROPPED, droppedInContainer());

    Map<String, Object> finding = lines.get(0);
    assertEquals(1, lines.size());
    assertEquals(2004, integer(finding, "class_uid"));
    assertEquals("Detection Finding", string(finding, "class_name"));
    assertEquals(2, integer(finding, "category_uid"));
    assertEquals("Findings", string(finding, "category_name"));
    assertEquals(1, integer(finding, "activity_id"));
    assertEquals("Create", string(finding, "activity_name"));
    assertEquals(200401, integer(finding, "type_uid"));
    assertEquals(1, integer(finding, "status_id"));
    assertEquals("New", string(finding, "status"));
    assertEquals("New executable dropped", string(finding, "message"));
  }

  @Test
  void timeIsTheEventTimeInEpochMillisecondsAndCreatedTimeTheDetectionTime() {
    Map<String, Object> finding = writeThroughEngine(DROPPED, droppedInContainer()).get(0);

    assertEquals(1_700_000_000_123L, integer(finding, "time"));
    Map<String, Object> info = object(finding, "finding_info");
    assertEquals(DETECTED_AT.toEpochMilli(), integer(info, "created_time"));
    assertEquals(1_700_000_000_123L, integer(info, "first_seen_time"));
    assertEquals(1_700_000_000_123L, integer(info, "last_seen_time"));
  }

  @Test
  void mapsEverySeverityToOcsfSeverityIdAndCaption() {
    Map<Severity, String> captions = Map.of(Severity.INFO, "Informational", Severity.LOW, "Low",
        Severity.MEDIUM, "Medium", Severity.HIGH, "High", Severity.CRITICAL, "Critical");
    for (Severity severity : Severity.values()) {
      SignatureMetadata metadata = DROPPED.toBuilder().severity(severity).build();
      Map<String, Object> finding = writeThroughEngine(metadata, droppedInContainer()).get(0);

      assertEquals(severity.ordinal() + 1, integer(finding, "severity_id"), severity.name());
      assertEquals(captions.get(severity), string(finding, "severity"), severity.name());
    }
  }

  @Test
  void findingInfoNamesTheSignatureAsAnalyticAndItsMitreTechniqueAndTactic() {
    Map<String, Object> info = object(writeThroughEngine(DROPPED, droppedInContainer()).get(0),
        "finding_info");

    assertEquals("New executable dropped", string(info, "title"));
    assertEquals(DROPPED.description(), string(info, "desc"));
    assertEquals(List.of("dropped_executable"), array(info, "types"));
    Map<String, Object> analytic = object(info, "analytic");
    assertEquals("TRC-1022", string(analytic, "uid"));
    assertEquals("New executable dropped", string(analytic, "name"));
    assertEquals(1, integer(analytic, "type_id"));
    assertEquals("Rule", string(analytic, "type"));
    assertEquals("1", string(analytic, "version"));
    Map<String, Object> attack = only(array(info, "attacks"));
    assertEquals(Map.of("uid", "T1036", "name", "Masquerading"), object(attack, "technique"));
    assertEquals(Map.of("uid", "TA0005", "name", "Defense Evasion"), object(attack, "tactic"));
  }

  @Test
  void aSubTechniqueIdGoesToSubTechniqueUnderItsParentTechnique() {
    SignatureMetadata metadata = DROPPED.toBuilder().mitre("T1036.005", "").technique(
        "Match Legitimate Name or Location").category("Defense Evasion").build();
    Map<String, Object> info = object(writeThroughEngine(metadata, droppedInContainer()).get(0),
        "finding_info");

    Map<String, Object> attack = only(array(info, "attacks"));
    assertEquals(Map.of("uid", "T1036"), object(attack, "technique"));
    assertEquals("T1036.005", string(object(attack, "sub_technique"), "uid"));
    assertEquals("TA0005", string(object(attack, "tactic"), "uid"));
  }

  @Test
  void anUnknownCategoryIsATacticNameWithoutUidAndNoMitreDataMeansNoAttacks() {
    SignatureMetadata custom = DROPPED.toBuilder().mitre("", "").technique("")
        .category("house-rules").build();
    Map<String, Object> info = object(writeThroughEngine(custom, droppedInContainer()).get(0),
        "finding_info");
    Map<String, Object> attack = only(array(info, "attacks"));
    assertEquals(Map.of("name", "house-rules"), object(attack, "tactic"));
    assertFalse(attack.containsKey("technique"));

    SignatureMetadata bare = SignatureMetadata.builder("X-1").build();
    Map<String, Object> bareInfo = object(writeThroughEngine(bare, droppedInContainer()).get(0),
        "finding_info");
    assertFalse(bareInfo.containsKey("attacks"));
    assertEquals("X-1", string(bareInfo, "title"), "a nameless signature is titled by its id");
  }

  @Test
  void theUidIsTheFindingsDeterministicIdKeptByReplays() {
    Map<String, Object> first = writeThroughEngine(DROPPED, droppedInContainer()).get(0);
    Map<String, Object> replay = writeThroughEngine(DROPPED, droppedInContainer()).get(0);
    String uid = string(object(first, "finding_info"), "uid");
    assertEquals(uid, string(object(first, "metadata"), "uid"));
    assertEquals(new Finding(DROPPED, Severity.MEDIUM, droppedInContainer().copy(),
        ImmutableMap.of(), DETECTED_AT).id().toString(), uid);
    assertEquals(uid, string(object(replay, "finding_info"), "uid"), "the same finding made again");
    SignatureMetadata other = SignatureMetadata.builder("X-2").name("another").build();
    assertNotEquals(uid, string(object(writeThroughEngine(other, droppedInContainer()).get(0),
        "finding_info"), "uid"), "another signature's finding on the same event");
  }

  @Test
  void deviceActorAndEvidencesCarryHostProcessAndContainer() {
    Map<String, Object> finding = writeThroughEngine(DROPPED, droppedInContainer()).get(0);

    Map<String, Object> device = object(finding, "device");
    assertEquals("node-7", string(device, "hostname"));
    assertEquals(0, integer(device, "type_id"));

    Map<String, Object> process = object(object(finding, "actor"), "process");
    assertEquals(4242, integer(process, "pid"));
    assertEquals(4243, integer(process, "tid"));
    assertEquals("curl", string(process, "name"));
    assertEquals("/usr/bin/curl", string(object(process, "file"), "path"));
    assertEquals("curl", string(object(process, "file"), "name"));
    assertEquals(1, integer(object(process, "file"), "type_id"));
    assertEquals(4000, integer(object(process, "parent_process"), "pid"));
    assertEquals("0", string(object(process, "user"), "uid"));

    Map<String, Object> evidence = only(array(finding, "evidences"));
    assertEquals(process, object(evidence, "process"));
    Map<String, Object> container = object(evidence, "container");
    assertEquals("f00dcafe0123456789abcdef", string(container, "uid"));
    assertEquals("web-1", string(container, "name"));
    assertEquals(Map.of("name", "docker.io/library/nginx:1.27", "uid", "sha256:5e1d9a0c7b3f"),
        object(container, "image"));
    Map<String, Object> data = object(evidence, "data");
    assertEquals("/usr/bin/malware", string(data, "path"));
    assertEquals(4, integer(data, "size"));
    assertEquals(Boolean.TRUE, data.get("elf"));
  }

  @Test
  void aHostEventHasNoContainerAndAnEmptyExecutableNoFile() {
    Event onHost = EventBuilder.event("magic_write").origin(Origin.HOST).hostName("node-1")
        .arg("pathname", "/tmp/x").build();
    Map<String, Object> finding = writeThroughEngine(DROPPED, onHost).get(0);

    Map<String, Object> evidence = only(array(finding, "evidences"));
    assertFalse(evidence.containsKey("container"));
    assertFalse(object(evidence, "process").containsKey("file"));
  }

  @Test
  void metadataNamesTheProductAndTheOcsfVersion() {
    Map<String, Object> metadata = object(writeThroughEngine(DROPPED, droppedInContainer()).get(0),
        "metadata");

    assertEquals("1.3.0", string(metadata, "version"));
    Map<String, Object> product = object(metadata, "product");
    assertEquals("Sigil", string(product, "name"));
    assertEquals("Sigil", string(product, "vendor_name"));
    assertEquals(OcsfFindingWriter.productVersion(), string(product, "version"));
    assertFalse(OcsfFindingWriter.productVersion().isBlank());
    assertEquals(List.of("host"), array(metadata, "profiles"));
  }

  @Test
  void unmappedKeepsTheTraceeContextAndTheTriggeringArguments() {
    Map<String, Object> unmapped = object(writeThroughEngine(DROPPED, droppedInContainer()).get(0),
        "unmapped");

    Map<String, Object> tracee = object(unmapped, "tracee");
    assertEquals("magic_write", string(tracee, "eventName"));
    assertEquals(6034, integer(tracee, "eventId"));
    assertEquals("container", string(tracee, "origin"));
    assertEquals(EVENT_TIME_NANOS, integer(tracee, "timestamp"));
    assertEquals(12, integer(tracee, "processId"));
    List<Object> args = array(tracee, "args");
    assertEquals(3, args.size());
    assertEquals(Map.of("name", "bytes", "type", "[]byte", "value", "f0VMRg=="), args.get(1));
    assertEquals(Map.of("name", "inode", "type", "int64", "value", 99L), args.get(2));
    Map<String, Object> sigil = object(unmapped, "sigil");
    assertEquals("TRC-1022", string(sigil, "signatureId"));
    assertEquals(2, integer(sigil, "traceeSeverity"));
    assertEquals("attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0",
        string(sigil, "mitreStixId"));
    assertEquals(List.of("linux", "container"), array(sigil, "tags"));
  }

  @Test
  void theNodeOfANamedNodesEngineIsWrittenAndASingleNodesIsNot() {
    EventSnapshot event = droppedInContainer().copy();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OcsfFindingWriter writer = new OcsfFindingWriter(out, false)) {
      writer.onFinding(new Finding(DROPPED, Severity.MEDIUM, event, ImmutableMap.of(),
          DETECTED_AT, "worker-3"));
      writer.onFinding(new Finding(DROPPED, Severity.MEDIUM, event, ImmutableMap.of(),
          DETECTED_AT));
    }

    List<Map<String, Object>> lines = parseLines(out.toByteArray());
    assertEquals("worker-3", string(object(object(lines.get(0), "unmapped"), "sigil"), "node"));
    assertFalse(object(object(lines.get(1), "unmapped"), "sigil").containsKey("node"));
  }

  @Test
  void unusualDataValuesAreWrittenAsStringsRatherThanFailingTheLine() {
    EventSnapshot event = droppedInContainer().copy();
    Finding finding = new Finding(DROPPED, Severity.HIGH, event,
        ImmutableMap.of("when", Instant.EPOCH, "nested", Map.of("list", List.of(1, "two"))),
        DETECTED_AT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OcsfFindingWriter writer = new OcsfFindingWriter(out, true)) {
      writer.onFinding(finding);
      assertNotEquals(0, out.size(), "flushEachLine flushes the line at once");
    }

    Map<String, Object> data = object(only(array(parseLines(out.toByteArray()).get(0),
        "evidences")), "data");
    assertEquals("1970-01-01T00:00:00Z", string(data, "when"));
    assertEquals(Map.of("list", List.of(1L, "two")), object(data, "nested"));
  }

  @Test
  void aFailingOutputIsReportedNamingTheSignature() {
    OcsfFindingWriter writer = new OcsfFindingWriter(new FailingOutput("disk full"), true);
    Finding finding = new Finding(DROPPED, Severity.MEDIUM, droppedInContainer().copy(),
        ImmutableMap.of(), DETECTED_AT);

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> writer.onFinding(finding));
    assertTrue(e.getMessage().contains("TRC-1022"), e.getMessage());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
  }

  @Test
  void linesAfterTheFirstStartWithTheirObjectNotWithASeparator() {
    EventSnapshot event = droppedInContainer().copy();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OcsfFindingWriter writer = new OcsfFindingWriter(out, false)) {
      for (int i = 0; i < 3; i++) {
        writer.onFinding(new Finding(DROPPED, Severity.MEDIUM, event, ImmutableMap.of(), DETECTED_AT));
      }
    }

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
    assertEquals(4, lines.length);
    for (int i = 0; i < 3; i++) {
      assertTrue(lines[i].startsWith("{\"class_uid\":2004,") && lines[i].endsWith("}"), lines[i]);
    }
    assertEquals("", lines[3], "the last line ends with a newline, nothing after it");
  }

  @Test
  void unmappedCarriesTheSignaturesTraceeEventId() {
    Map<String, Object> withId = writeThroughEngine(DROPPED.toBuilder().traceeEventId(6029).build(),
        droppedInContainer()).get(0);
    Map<String, Object> withoutId = writeThroughEngine(DROPPED, droppedInContainer()).get(0);

    assertEquals(6029, integer(object(object(withId, "unmapped"), "sigil"), "traceeEventId"));
    assertFalse(object(object(withoutId, "unmapped"), "sigil").containsKey("traceeEventId"));
  }
}
