package dev.sigil.signatures.tracee;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link Matcher} of a pattern, reset for every path so that matching allocates nothing,
 * and reset again afterwards to let go of the event's view, which is only valid during the
 * event. Like a matcher, not thread-safe: each signature instance keeps its own.
 */
final class ReusableMatcher {
  private final Matcher matcher;

  ReusableMatcher(Pattern pattern) {
    this.matcher = pattern.matcher("");
  }

  /**
   * Tells whether the pattern is found anywhere in the text, as Go's {@code MatchString} does.
   *
   * @param text the text, e.g. a view of the event's path
   * @return true when found
   */
  boolean find(CharSequence text) {
    boolean found = matcher.reset(text).find();
    matcher.reset("");
    return found;
  }

  /**
   * Tells whether the pattern matches a prefix of the text: what Go's {@code MatchString}
   * decides for a pattern that starts with {@code ^}.
   *
   * @param text the text, e.g. a view of the event's path
   * @return true when the text starts with a match
   */
  boolean lookingAt(CharSequence text) {
    boolean found = matcher.reset(text).lookingAt();
    matcher.reset("");
    return found;
  }
}
