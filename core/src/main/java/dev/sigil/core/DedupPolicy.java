package dev.sigil.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * How the engine deduplicates one signature's findings: a finding whose key repeats within the
 * window (event time, measured from the last finding emitted for that key) is suppressed and
 * counted; the next finding emitted for that key carries {@code suppressedCount} and
 * {@code lastSuppressedAt} in its data.
 *
 * @param window how long a key stays quiet after a finding; zero turns deduplication off
 * @param key derives a finding's key; the engine prefixes it with the reported signature id
 */
public record DedupPolicy(Duration window, Function<Finding, String> key) {
  /**
   * No deduplication: every finding is emitted. Unlike a policy with a zero window, it stays
   * off when {@link Engine.Builder#dedupWindow(Duration)} replaces every window, so
   * {@code builder.dedup(id, DedupPolicy.NONE)} turns one id off for good.
   */
  public static final DedupPolicy NONE = new DedupPolicy(Duration.ZERO, finding -> "");

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException when the window is negative
   *
   * @param window see the record component
   * @param key see the record component
   */
  public DedupPolicy {
    if (window.isNegative()) {
      throw new IllegalArgumentException("deduplication window must not be negative: " + window);
    }
  }

  /**
   * Keys findings by the triggering event's host name and some data fields.
   *
   * @param window the window
   * @param dataFields names of data entries that make up the key
   * @return the policy
   */
  public static DedupPolicy byHostAndFields(Duration window, String... dataFields) {
    List<String> fields = List.of(dataFields);
    return new DedupPolicy(window, finding -> {
      StringBuilder key = new StringBuilder(finding.event().hostName());
      for (String field : fields) {
        key.append('\u0000').append(finding.data().get(field));
      }
      return key.toString();
    });
  }

  /**
   * Returns the same key with another window; {@link #NONE} stays itself.
   *
   * @param newWindow the window
   * @return the policy
   */
  public DedupPolicy withWindow(Duration newWindow) {
    return this == NONE ? NONE : new DedupPolicy(newWindow, key);
  }

  /**
   * Tells whether this policy deduplicates at all.
   *
   * @return false when the window is zero
   */
  public boolean enabled() {
    return !window.isZero();
  }
}
