package dev.sigil.signatures.contained;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import org.jspecify.annotations.Nullable;

/**
 * Turns a path an exec names into the normal form storage roots are matched against: the path
 * itself when it is already normal (no allocation), else written into a re-used buffer; a
 * relative path is resolved against the exec's {@code pwd}. Two buffers, so that the executed
 * file's path and a script argument can be held at once. Also picks a path out of an argument:
 * after an option it is attached to, or as the first word of a shell's command string.
 * Single-threaded.
 */
final class PathResolver {
  private static final ArgKey PWD = ArgKey.of("pwd");

  private final StringBuilder pathBuffer = new StringBuilder(256);
  private final StringBuilder argumentBuffer = new StringBuilder(256);
  private final StringBuilder joinBuffer = new StringBuilder(256);
  private final StringBuilder wordBuffer = new StringBuilder(256);

  /**
   * Resolves the executed file's path (pathname, cmdpath or interp); the result is valid until
   * the next call.
   *
   * @return the normal form, or null when the path is relative and the working directory unknown
   */
  @Nullable CharSequence path(CharSequence path, Event event) {
    return resolve(path, event, pathBuffer);
  }

  /** Resolves an argument, as {@link #path(CharSequence, Event)} does, into a buffer of its own. */
  @Nullable CharSequence argument(CharSequence path, Event event) {
    return resolve(path, event, argumentBuffer);
  }

  /**
   * Returns the argument from {@code offset} on ({@code php -f/x}, {@code --file=/x}); valid
   * until the next call of this or {@link #commandWord(CharSequence)}.
   */
  CharSequence tail(CharSequence argument, int offset) {
    wordBuffer.setLength(0);
    wordBuffer.append(argument, offset, argument.length());
    return wordBuffer;
  }

  /**
   * Returns the first word of a shell's command string when it is a plain path the shell would
   * run: it contains {@code /} and nothing the shell would expand or unquote ({@code sh -c
   * '/x/payload arg'} runs {@code /x/payload}; {@code sh -c 'du -sh'} runs no path of its own).
   * The word ends at white space or at one of {@code ;&|<>()}. Valid until the next call.
   *
   * @return the word, or null when it is not such a path
   */
  @Nullable CharSequence commandWord(CharSequence command) {
    int length = command.length();
    int start = 0;
    while (start < length && isBlank(command.charAt(start))) {
      start++;
    }
    int end = start;
    boolean slash = false;
    for (; end < length; end++) {
      char c = command.charAt(end);
      if (isBlank(c) || ";&|<>()".indexOf(c) >= 0) {
        break;
      }
      if ("'\"\\$`*?[]{}~=#".indexOf(c) >= 0) {
        return null;
      }
      slash |= c == '/';
    }
    if (!slash) {
      return null;
    }
    if (start == 0 && end == length) {
      return command;
    }
    wordBuffer.setLength(0);
    wordBuffer.append(command, start, end);
    return wordBuffer;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private @Nullable CharSequence resolve(CharSequence path, Event event, StringBuilder buffer) {
    if (PathNormaliser.isNormal(path)) {
      return path;
    }
    if (path.charAt(0) == '/') {
      PathNormaliser.normalise(path, buffer);
      return buffer;
    }
    // Looked up only here: most paths are absolute, and pwd is among an exec's last arguments.
    CharSequence pwd = event.string(PWD);
    if (pwd == null || pwd.length() == 0 || pwd.charAt(0) != '/') {
      return null;
    }
    joinBuffer.setLength(0);
    joinBuffer.append(pwd).append('/').append(path);
    PathNormaliser.normalise(joinBuffer, buffer);
    return buffer;
  }

  /**
   * {@link dev.sigil.core.Text#contentEquals(CharSequence, CharSequence)} for two of an event's
   * paths, in a call site of its own: its type profile keeps {@code charAt} inlined where the
   * shared helper's has seen every kind of view.
   */
  static boolean samePath(CharSequence a, CharSequence b) {
    int length = a.length();
    if (length != b.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
