package dev.sigil.core;

import java.util.Map;

/**
 * What the engine gives a signature: where to report findings, the event time, counters for
 * its statistics and a logger. One per signature; use it only from engine calls.
 */
public interface SignatureContext {
  /**
   * Reports a finding with the signature's own metadata and severity.
   *
   * @param trigger the event that triggered it (snapshotted by the engine)
   * @param data what the finding says, in the order to print it: Strings, numbers, booleans,
   *     lists and maps of those
   */
  void report(Event trigger, Map<String, ?> data);

  /**
   * Reports a finding under a variant of the signature's metadata, for example a higher
   * severity, or a related id (SGL-1002 beside SGL-1001). Declare the variant in
   * {@link Signature#variants()}, so that its id can be deduplicated on its own and is listed
   * in the statistics from the start.
   *
   * @param trigger the event that triggered it
   * @param variant the metadata to report under
   * @param data what the finding says
   */
  void report(Event trigger, SignatureMetadata variant, Map<String, ?> data);

  /**
   * Counts an event the signature could not judge because its data was missing or malformed
   * (a signature-level data problem). Never throw for that.
   *
   * @param reason a short reason, a constant string (it is logged at debug level, not stored)
   */
  void dataProblem(String reason);

  /**
   * Returns a named counter that appears in this signature's {@link SignatureStats}; create
   * counters in {@link Signature#init(SignatureContext)}.
   *
   * @param name the counter's name, e.g. {@code inodeEvictions}
   * @return the counter (the same one for the same name)
   */
  Counter counter(String name);

  /**
   * Tells the operator, once, about a condition that weakens detection without being an error,
   * such as state that is full and evicting: {@code sigil scan} prints it on standard error as
   * it happens, an embedder receives it through {@link Engine.Builder#onNotice(NoticeListener)}.
   * The engine delivers each distinct message once and drops repeats, so a signature may call
   * this on every eviction; give a constant (precomputed) message, so that a repeat costs a
   * lookup and allocates nothing.
   *
   * <p>The default logs the message at WARNING on {@link #logger()}, for contexts other than
   * the engine's.
   *
   * @param message one line: what happened, and what to change when there is a remedy
   */
  default void notice(String message) {
    logger().log(System.Logger.Level.WARNING, message);
  }

  /**
   * Returns the event time: the timestamp of the event being dispatched, or of the last one.
   *
   * @return nanoseconds since the epoch
   */
  long eventTime();

  /**
   * Returns a logger named after the signature.
   *
   * @return the logger
   */
  System.Logger logger();
}
