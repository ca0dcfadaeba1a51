package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Tracee v0.24 lines offered for the demo file make each built-in signature fire once. They
 * are decoded here with a minimal mapping onto {@link EventBuilder} (the fields the signatures
 * read); the Tracee reader's own tests cover the full format.
 */
class DemoEventsTest {
  @Test
  void demoLinesMakeEachBuiltInSignatureFireOnce() throws IOException {
    Scenario scenario = new Scenario();
    try (InputStream in = DemoEventsTest.class.getResourceAsStream("demo-attacks.jsonl");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        scenario.feed(toEvent(line));
      }
    }

    // The dropped payload's path is hidden (it holds "/."), so Tracee's TRC-1015 fires beside
    // TRC-1022 on the same write, as it does in Tracee.
    assertEquals(List.of("TRC-1015", "TRC-1022", "SGL-1001", "SGL-1002"),
        scenario.all.stream().map(f -> f.metadata().id()).toList());
    Finding kernel = scenario.all.get(3);
    assertEquals("/cmd", kernel.data().get("containerPath"));
    assertEquals("docker-overlay2", kernel.data().get("evidence"));
    assertEquals(1L, scenario.stats().counters().get("allowlisted"), "runc's exec is allowlisted");
  }

  private static Event toEvent(String line) {
    Map<?, ?> json = (Map<?, ?>) MiniJson.parse(line);
    boolean started = (Boolean) ((Map<?, ?>) json.get("contextFlags")).get("containerStarted");
    String containerId = (String) json.get("containerId");
    EventBuilder b = EventBuilder.event((String) json.get("eventName"))
        .origin(Origin.of(started, !containerId.isEmpty()))
        .timestamp((Long) json.get("timestamp"))
        .hostName((String) json.get("hostName"))
        .processName((String) json.get("processName"))
        .hostPids(((Long) json.get("hostProcessId")).intValue(), ((Long) json.get("hostThreadId")).intValue(),
            ((Long) json.get("hostParentProcessId")).intValue());
    if (!containerId.isEmpty()) {
      b.containerId(containerId);
    }
    for (Object o : (List<?>) json.get("args")) {
      Map<?, ?> arg = (Map<?, ?>) o;
      String type = (String) arg.get("type");
      Object value = arg.get("value");
      b.arg((String) arg.get("name"), type,
          type.equals("[]byte") ? Base64.getDecoder().decode((String) value) : value);
    }
    return b.build();
  }
}
