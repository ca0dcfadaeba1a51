package dev.sigil.core;

import org.jspecify.annotations.Nullable;

/**
 * A signature failed: it threw from one of its calls. The engine went on without it for that
 * event.
 *
 * @param signatureId the failing signature's id
 * @param phase where it failed: {@code onEvent}, {@code onSignal} or {@code close}
 * @param error what it threw
 * @param event a snapshot of the event being handled, or null outside {@code onEvent}
 */
public record SignatureError(
    String signatureId, String phase, Throwable error, @Nullable EventSnapshot event) {

  @Override
  public String toString() {
    return "signature " + signatureId + " failed in " + phase + ": " + error
        + (event == null ? "" : " (event " + event.eventName() + " @" + event.timestamp() + ")");
  }
}
