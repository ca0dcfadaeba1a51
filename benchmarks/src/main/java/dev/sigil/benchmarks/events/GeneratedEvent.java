package dev.sigil.benchmarks.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generated Tracee event, independent of how it is delivered: {@link InMemoryEvents} turns it
 * into a {@link dev.sigil.core.Event}, {@link TraceeLineWriter} into a v0.24 JSON line, so both
 * forms of a seeded stream carry the same facts.
 *
 * @param timestamp nanoseconds since the epoch
 * @param processorId the CPU
 * @param hostName the node's host name
 * @param process the task
 * @param container the container, or null on the host
 * @param containerStarted whether the container had started (origin {@code container} rather
 *     than {@code container-init})
 * @param eventId Tracee's event id
 * @param eventName Tracee's event name
 * @param syscall the syscall that raised the event
 * @param returnValue the return value
 * @param args the arguments in Tracee's order
 * @param firesDroppedExecutable whether TRC-1022 fires on this event (known by construction)
 */
public record GeneratedEvent(
    long timestamp,
    int processorId,
    String hostName,
    GeneratedProcess process,
    @Nullable GeneratedContainer container,
    boolean containerStarted,
    int eventId,
    String eventName,
    String syscall,
    long returnValue,
    List<GeneratedArg> args,
    boolean firesDroppedExecutable) {
  /**
   * Validates the components.
   *
   * @param timestamp see the record
   * @param processorId see the record
   * @param hostName see the record
   * @param process see the record
   * @param container see the record
   * @param containerStarted see the record
   * @param eventId see the record
   * @param eventName see the record
   * @param syscall see the record
   * @param returnValue see the record
   * @param args see the record
   * @param firesDroppedExecutable see the record
   */
  public GeneratedEvent {
    args = List.copyOf(args);
  }
}
