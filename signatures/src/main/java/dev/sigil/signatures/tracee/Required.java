package dev.sigil.signatures.tracee;

import dev.sigil.core.SignatureContext;
import org.jspecify.annotations.Nullable;

/**
 * A text a ported signature needs, such as an argument or a field of one: where Tracee's
 * signature returns an error because it is missing or of another kind, Sigil counts a data
 * problem, with the same reason in every signature that reads it. Stateless and allocation-free;
 * safe from any thread.
 */
final class Required {
  private Required() {}

  /**
   * Passes a text on, counting its absence as a data problem.
   *
   * @param value the text read, e.g. {@code event.string(key)}; null when missing or of another
   *     kind
   * @param problem the reason counted when it is null
   * @param context where the problem is counted
   * @return the value, or null (a data problem)
   */
  static @Nullable CharSequence text(@Nullable CharSequence value, String problem,
      SignatureContext context) {
    if (value == null) {
      context.dataProblem(problem);
    }
    return value;
  }
}
