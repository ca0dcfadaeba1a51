package dev.sigil.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A detection: it names the events it wants ({@link #selectors()}), looks at each one in
 * {@link #onEvent(Event)}, and reports findings through the {@link SignatureContext} it was given
 * in {@link #init(SignatureContext)}.
 *
 * <p>Lifecycle, driven by the {@link Engine}: {@code init} once when the engine is built, then
 * {@code onEvent} for every selected event, {@code onSignal(END_OF_INPUT)} when the input ends,
 * then {@code close}. All calls come from the thread that drives the engine, one at a time.
 *
 * <p>{@code onEvent} is the hot path: it should allocate nothing when it does not fire, and
 * keep nothing of the event (a flyweight, see {@link Event}); a finding may allocate. An
 * exception it throws is caught by the engine, counted, and reported to the error listener;
 * the other signatures go on.
 */
public interface Signature {
  /**
   * Returns what this signature is.
   *
   * @return the metadata; the same object every time
   */
  SignatureMetadata metadata();

  /**
   * Returns the events this signature wants; at least one.
   *
   * @return the selectors
   */
  List<Selector> selectors();

  /**
   * Receives the context to report through, once, before any event.
   *
   * @param context the context
   */
  default void init(SignatureContext context) {}

  /**
   * Looks at one selected event.
   *
   * @param event a view valid only during this call
   */
  void onEvent(Event event);

  /**
   * Receives a signal such as {@link Signal#END_OF_INPUT}.
   *
   * @param signal the signal
   */
  default void onSignal(Signal signal) {}

  /**
   * Deduplicates this signature's findings by default; null for none (Tracee's behaviour).
   * The engine's builder can override it.
   *
   * @return the policy, or null
   */
  default @Nullable DedupPolicy defaultDedup() {
    return null;
  }

  /** Releases resources; called once, after the end-of-input signal. */
  default void close() {}
}
