package dev.sigil.core;

import java.util.Objects;

/**
 * Receives the findings an {@link Engine} makes, as they are made.
 *
 * <p><b>Threading.</b> An engine calls its listener on the thread that calls
 * {@link Engine#accept(Event)} or {@link Engine#close()}, one finding at a time. A listener
 * given to several engines that run on several threads is called from all of them, so it must
 * be thread-safe; Sigil's {@link FindingWriter}s are.
 *
 * <p>A listener that throws fails the delivery, not the signature: the engine wraps what it
 * threw in a {@link FindingDeliveryException} and hands it to its caller.
 */
@FunctionalInterface
public interface FindingListener {
  /**
   * Receives one finding.
   *
   * @param finding the finding
   */
  void onFinding(Finding finding);

  /**
   * Returns a listener that passes each finding to this listener, then to {@code next}; when
   * this one throws, {@code next} does not see the finding.
   *
   * @param next the listener that receives each finding second
   * @return the composed listener
   */
  default FindingListener andThen(FindingListener next) {
    Objects.requireNonNull(next, "next");
    return finding -> {
      onFinding(finding);
      next.onFinding(finding);
    };
  }
}
