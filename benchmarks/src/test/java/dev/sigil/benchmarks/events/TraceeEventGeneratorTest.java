package dev.sigil.benchmarks.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceeEventGeneratorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void sameSeedAndMixGiveTheSameBytes() {
    byte[] first = TraceeLineWriter.toBytes(InMemoryEvents.generate(7, EventMix.realistic(), 500));
    byte[] second = TraceeLineWriter.toBytes(InMemoryEvents.generate(7, EventMix.realistic(), 500));
    assertArrayEquals(first, second);
  }

  @Test
  void anotherSeedGivesAnotherStream() {
    byte[] first = TraceeLineWriter.toBytes(InMemoryEvents.generate(7, EventMix.realistic(), 50));
    byte[] second = TraceeLineWriter.toBytes(InMemoryEvents.generate(8, EventMix.realistic(), 50));
    assertFalse(java.util.Arrays.equals(first, second));
  }

  @Test
  void writesOneTraceeObjectPerLineOfRealisticSize() throws Exception {
    int count = 4_000;
    byte[] buffer = TraceeLineWriter.toBytes(InMemoryEvents.generate(1, EventMix.realistic(), count));
    String[] lines = new String(buffer, StandardCharsets.UTF_8).split("\n");
    assertEquals(count, lines.length);
    for (String line : lines) {
      JsonNode event = MAPPER.readTree(line);
      assertTrue(event.get("eventId").isTextual(), line);
      assertEquals(event.get("argsNum").asInt(), event.get("args").size(), line);
      assertTrue(line.length() >= 500 && line.length() <= 2_800, "line of " + line.length() + " bytes");
    }
    double average = (double) buffer.length / count;
    assertTrue(average >= 1_000 && average <= 1_600, "average line " + average + " bytes");
  }

  @Test
  void printsEverySectionOfADnsPacketAsTraceeDoes() throws Exception {
    byte[] buffer = TraceeLineWriter.toBytes(InMemoryEvents.generate(5, EventMix.realistic(), 3_000));
    int dns = 0;
    for (String line : new String(buffer, StandardCharsets.UTF_8).split("\n")) {
      JsonNode event = MAPPER.readTree(line);
      if (!event.get("eventName").asText().equals("net_packet_dns")) {
        continue;
      }
      dns++;
      JsonNode proto = null;
      for (JsonNode arg : event.get("args")) {
        if (arg.get("name").asText().equals("proto_dns")) {
          proto = arg.get("value");
        }
      }
      for (String section : new String[] {"questions", "answers", "authorities", "additionals"}) {
        assertTrue(proto != null && proto.get(section).isArray(), section + " in " + line);
      }
    }
    assertTrue(dns > 0, "the mix has DNS packets");
  }

  @Test
  void realisticMixHasThirtyPercentExecsAndAboutOnePercentDroppedElf() {
    List<GeneratedEvent> events = InMemoryEvents.generate(3, EventMix.realistic(), 20_000);
    long execs = events.stream().filter(e -> e.eventName().equals("sched_process_exec")).count();
    long firing = events.stream().filter(GeneratedEvent::firesDroppedExecutable).count();
    assertEquals(0.30, execs / 20_000.0, 0.02);
    assertEquals(0.01, firing / 20_000.0, 0.003);
    assertTrue(events.stream().anyMatch(e -> e.container() == null && e.eventName().equals("sched_process_exec")));
    assertTrue(events.stream().anyMatch(e -> e.container() != null && e.eventName().equals("sched_process_exec")));
  }

  @Test
  void firingFlagAgreesWithTheDroppedExecutableRuleOnTheJson() throws Exception {
    List<GeneratedEvent> events = InMemoryEvents.generate(5, EventMix.realistic().withDroppedElf(0.05), 5_000);
    String[] lines = new String(TraceeLineWriter.toBytes(events), StandardCharsets.UTF_8).split("\n");
    int firing = 0;
    for (int i = 0; i < lines.length; i++) {
      JsonNode event = MAPPER.readTree(lines[i]);
      boolean fires = firesByTraceeRule(event);
      assertEquals(events.get(i).firesDroppedExecutable(), fires, lines[i]);
      firing += fires ? 1 : 0;
    }
    assertTrue(firing > 150, "firing events: " + firing);
  }

  @Test
  void quietMixNeverFiresButStillWritesElfWhereTheRuleMustNotReport() throws Exception {
    List<GeneratedEvent> events = InMemoryEvents.generate(9, EventMix.quiet(), 10_000);
    String[] lines = new String(TraceeLineWriter.toBytes(events), StandardCharsets.UTF_8).split("\n");
    int harmlessElf = 0;
    for (String line : lines) {
      JsonNode event = MAPPER.readTree(line);
      assertFalse(firesByTraceeRule(event), line);
      harmlessElf += line.contains("\"f0VMR") ? 1 : 0;
    }
    assertTrue(harmlessElf > 20, "harmless ELF writes: " + harmlessElf);
  }

  @Test
  void everyEventDropsElfFiresOnEveryEvent() {
    assertTrue(InMemoryEvents.generate(2, EventMix.everyEventDropsElf(), 1_000).stream()
        .allMatch(GeneratedEvent::firesDroppedExecutable));
  }

  @Test
  void rejectsSharesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> EventMix.quiet().withDroppedElf(1.5));
    assertThrows(IllegalArgumentException.class, () -> new EventMix(0, 0, 0, 0, 0, 0, 0, 0.1));
  }

  private static boolean firesByTraceeRule(JsonNode event) {
    if (!event.get("eventName").asText().equals("magic_write")
        || !event.get("contextFlags").get("containerStarted").asBoolean()) {
      return false;
    }
    String path = null;
    byte[] bytes = null;
    for (JsonNode arg : event.get("args")) {
      if (arg.get("name").asText().equals("pathname")) {
        path = arg.get("value").asText();
      } else if (arg.get("name").asText().equals("bytes")) {
        bytes = Base64.getDecoder().decode(arg.get("value").asText());
      }
    }
    return bytes != null && bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E'
        && bytes[2] == 'L' && bytes[3] == 'F' && path != null && !path.startsWith("memfd:")
        && !path.startsWith("/dev/shm/") && !path.startsWith("/run/shm/");
  }
}
