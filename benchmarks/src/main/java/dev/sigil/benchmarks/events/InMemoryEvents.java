package dev.sigil.benchmarks.events;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns generated events into Sigil {@link Event}s held in memory, as a decoder would hand them
 * to the engine but without any JSON. Object arguments (network packets, socket addresses) are kept as
 * raw JSON, as the Tracee reader keeps them, so signatures read their fields the same way.
 */
public final class InMemoryEvents {

  private InMemoryEvents() {}

  /**
   * Generates a batch of events.
   *
   * @param seed the generator's seed
   * @param mix what the batch is made of
   * @param count how many events
   * @return the generated events, in order
   */
  public static List<GeneratedEvent> generate(long seed, EventMix mix, int count) {
    TraceeEventGenerator generator = new TraceeEventGenerator(seed, mix);
    List<GeneratedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(generator.next());
    }
    return events;
  }

  /**
   * Converts generated events into independent Sigil events.
   *
   * @param generated the events
   * @return one {@link Event} per generated event, each its own object
   */
  public static Event[] toEvents(List<GeneratedEvent> generated) {
    Event[] events = new Event[generated.size()];
    for (int i = 0; i < events.length; i++) {
      events[i] = toEvent(generated.get(i));
    }
    return events;
  }

  /**
   * Converts one generated event.
   *
   * @param generated the event
   * @return the Sigil event
   */
  public static Event toEvent(GeneratedEvent generated) {
    GeneratedProcess p = generated.process();
    GeneratedContainer c = generated.container();
    EventBuilder builder = EventBuilder.event(generated.eventName())
        .timestamp(generated.timestamp())
        .hostName(generated.hostName())
        .processName(p.processName())
        .pids(p.processId(), p.threadId(), p.parentProcessId())
        .hostPids(p.hostProcessId(), p.hostThreadId(), p.hostParentProcessId())
        .ids(generated.eventId(), generated.returnValue());
    if (c == null) {
      builder.origin(Origin.HOST);
    } else {
      builder.containerId(c.id())
          .container(c.name(), c.image())
          .pod(c.podName(), c.podNamespace(), c.podUid())
          .origin(generated.containerStarted() ? Origin.CONTAINER : Origin.CONTAINER_INIT);
    }
    for (GeneratedArg arg : generated.args()) {
      Object value = arg.value();
      builder.arg(arg.name(), arg.type(), value);
    }
    return builder.build();
  }
}
