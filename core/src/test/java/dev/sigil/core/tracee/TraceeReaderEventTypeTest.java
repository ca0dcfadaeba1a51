package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.Engine;
import dev.sigil.core.EventType;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.Registries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceeReaderEventTypeTest {
  private static byte[] lines(String... names) {
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      text.append("{\"timestamp\":1,\"eventName\":\"").append(name).append("\",\"args\":[]}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodingDoesNotRegisterEventNamesSoHostileInputCannotFillTheRegistry() {
    int before = Registries.EVENT_NAMES.size();
    List<EventType> types = new ArrayList<>();
    byte[] input = lines("made_up_event_" + System.nanoTime(), "another_made_up_" + System.nanoTime());

    TraceeReader.builder().build().read(input, 0, input.length, e -> types.add(e.type()));

    assertEquals(before, Registries.EVENT_NAMES.size());
    assertEquals(List.of(EventType.UNREGISTERED, EventType.UNREGISTERED), types);
  }

  @Test
  void eventsOfUnregisteredNamesStillReachWildcardSelectorsAndKnownNamesResolve() {
    EventType known = EventType.of("magic_write");
    List<String> seen = new ArrayList<>();
    Signature everything = new FixedSignature(SignatureMetadata.builder("ALL-1").build(),
        List.of(Selector.any())) {
      @Override
      public void onEvent(dev.sigil.core.Event event, dev.sigil.core.SignatureContext context) {
        seen.add(event.eventName() + "=" + event.type());
      }
    };
    Engine engine = Engine.builder().add(everything).onFinding(f -> {}).build();
    String unknown = "never_registered_" + System.nanoTime();
    byte[] input = lines(unknown, "magic_write");

    TraceeReader.builder().build().read(input, 0, input.length, engine::accept);

    assertEquals(List.of(unknown + "=<unregistered>", "magic_write=magic_write"), seen);
    assertSame(known, EventType.of("magic_write"));
  }
}
