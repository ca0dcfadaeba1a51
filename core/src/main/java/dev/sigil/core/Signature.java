package dev.sigil.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A detection: it names the events it wants ({@link #selectors()}), looks at each one in
 * {@link #onEvent(Event, SignatureContext)}, and reports findings through the context it is
 * handed with every call.
 *
 * <p>The context comes with each call, as LMAX Disruptor hands an {@code EventHandler} its
 * state, rather than being kept in a field set by {@code init}: a signature then has no
 * nullable field to check on the hot path and cannot be called before it has a context.
 * {@link #init(SignatureContext)} remains for creating counters once.
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
   * Prepares the signature once, before any event: the place to create its counters with
   * {@link SignatureContext#counter(String)}.
   *
   * @param context the signature's context, the same one later calls receive
   */
  default void init(SignatureContext context) {}

  /**
   * Looks at one selected event.
   *
   * @param event a view valid only during this call
   * @param context where to report findings and data problems
   */
  void onEvent(Event event, SignatureContext context);

  /**
   * Receives a signal such as {@link Signal#END_OF_INPUT}.
   *
   * @param signal the signal
   * @param context where to report findings
   */
  default void onSignal(Signal signal, SignatureContext context) {}

  /**
   * Deduplicates this signature's findings by default; null for none (Tracee's behaviour).
   * The engine's builder can override it.
   *
   * @return the policy, or null
   */
  default @Nullable DedupPolicy defaultDedup() {
    return null;
  }

  /**
   * Returns the metadata of the variants this signature also reports findings under, with ids
   * of their own (through {@link SignatureContext#report(Event, SignatureMetadata, java.util.Map)}),
   * so that a listing shows every id a finding may carry. The engine lists, counts and saves
   * state under {@link #metadata()}'s id alone.
   *
   * @return the variants; empty (the default) when the signature reports under its own id only
   */
  default List<SignatureMetadata> variants() {
    return List.of();
  }

  /** Releases resources; called once, after the end-of-input signal. */
  default void close() {}
}
