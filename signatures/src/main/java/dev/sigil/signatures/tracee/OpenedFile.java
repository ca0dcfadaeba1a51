package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.tracee.TraceeArguments;
import org.jspecify.annotations.Nullable;

/**
 * The file a {@code security_file_open} opens, read as Tracee's signatures read it: the text
 * {@code pathname}, and the access mode of {@code flags} whether Tracee printed them as a number
 * or parsed ({@code O_WRONLY|O_CREAT}). A missing argument, or one of another kind, is counted as
 * a data problem, with the same reason in every signature.
 *
 * <p>Tracee's signatures read the two arguments in one of two orders, and the order is
 * observable: it decides which problem is counted when both are bad, and whether a bad
 * {@code pathname} is counted when the access does not match. {@link #readPathnameThenFlags}
 * reads both before comparing anything; {@link #readFlagsThenPathname} reads the
 * {@code pathname} only for a matching access. Each signature keeps the order of its Tracee
 * original, so the choice is the caller's.
 *
 * <p>Stateless and allocation-free; safe from any thread.
 */
final class OpenedFile {
  /** The access mode a signature looks for; {@code O_RDWR} is both. */
  enum Access {
    /** {@code O_RDONLY} or {@code O_RDWR}. */
    READ,
    /** {@code O_WRONLY} or {@code O_RDWR}. */
    WRITE;

    boolean matches(long flags) {
      return this == READ ? TraceeArguments.isFileRead(flags) : TraceeArguments.isFileWrite(flags);
    }
  }

  static final String NO_PATHNAME = "security_file_open without a text pathname";
  static final String NO_FLAGS = "security_file_open without readable flags";

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey FLAGS = ArgKey.of("flags");
  // Open flags are an int32, so no real value reads as this.
  private static final long ABSENT = Long.MIN_VALUE;

  private OpenedFile() {}

  /**
   * Reads {@code pathname}, then {@code flags}, counting the first that is bad as a data problem,
   * and tells the path when the file is opened with the access.
   *
   * @param event a {@code security_file_open} (or an event with the same arguments)
   * @param context where a data problem is counted
   * @param access the access looked for
   * @return the pathname, valid during this event only; null when an argument is bad or the
   *     access does not match
   */
  static @Nullable CharSequence readPathnameThenFlags(Event event, SignatureContext context,
      Access access) {
    CharSequence pathname = Required.text(event.string(PATHNAME), NO_PATHNAME, context);
    if (pathname == null) {
      return null;
    }
    long flags = TraceeArguments.openFlags(event, FLAGS, ABSENT);
    if (flags == ABSENT) {
      context.dataProblem(NO_FLAGS);
      return null;
    }
    return access.matches(flags) ? pathname : null;
  }

  /**
   * Reads {@code flags}, and {@code pathname} only when the file is opened with the access,
   * counting a bad one as a data problem.
   *
   * @param event a {@code security_file_open} (or an event with the same arguments)
   * @param context where a data problem is counted
   * @param access the access looked for
   * @return the pathname, valid during this event only; null when an argument read is bad or
   *     the access does not match
   */
  static @Nullable CharSequence readFlagsThenPathname(Event event, SignatureContext context,
      Access access) {
    long flags = TraceeArguments.openFlags(event, FLAGS, ABSENT);
    if (flags == ABSENT) {
      context.dataProblem(NO_FLAGS);
      return null;
    }
    if (!access.matches(flags)) {
      return null;
    }
    return Required.text(event.string(PATHNAME), NO_PATHNAME, context);
  }
}
