package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.signatures.tracee.OpenedFile.Access;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The paths Tracee's signatures read, each from the events that carry it: where a
 * {@link PathSignature} reads its one path, and how the other ports read theirs. Each source
 * reads its arguments as the Tracee originals of its signatures do, in their order (see
 * {@link OpenedFile} for why the order of an open's two arguments is observable), and counts a
 * missing argument, or one of another kind, as a data problem with the same reason in every
 * signature: the signature never fires on it. An open's {@code flags} are read whether Tracee
 * printed them as a number or parsed ({@code O_WRONLY|O_CREAT}).
 *
 * <p>The sources are the constants below. Stateless and allocation-free; safe from any thread.
 */
final class PathSource {
  /** Reads a path from an event, counting a bad argument; a stateless function. */
  @FunctionalInterface
  private interface Reader {
    @Nullable CharSequence read(Event event, SignatureContext context);
  }

  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

  /**
   * The {@code pathname} of a {@code security_file_open} for reading ({@code O_RDONLY} or
   * {@code O_RDWR}); {@code pathname} and {@code flags} are both read, in that order, before
   * the access is compared.
   */
  static final PathSource OPENED_FOR_READING = opened(Access.READ);

  /**
   * The {@code pathname} of a {@code security_file_open} for reading, read only when the
   * {@code flags}, read first, open for reading.
   */
  static final PathSource OPENED_FOR_READING_FLAGS_FIRST = openedFlagsFirst(Access.READ);

  /**
   * The {@code pathname} of a {@code security_file_open} for writing ({@code O_WRONLY} or
   * {@code O_RDWR}); {@code pathname} and {@code flags} are both read, in that order, before
   * the access is compared.
   */
  static final PathSource OPENED_FOR_WRITING = opened(Access.WRITE);

  /**
   * The {@code pathname} of a {@code security_file_open} for writing, read only when the
   * {@code flags}, read first, open for writing.
   */
  static final PathSource OPENED_FOR_WRITING_FLAGS_FIRST = openedFlagsFirst(Access.WRITE);

  /** The {@code old_path} of a {@code security_inode_rename}: the path a file is renamed from. */
  static final PathSource RENAMED_FROM = text("security_inode_rename", "old_path");

  /** The {@code new_path} of a {@code security_inode_rename}: the path a file is renamed to. */
  static final PathSource RENAMED_TO = text("security_inode_rename", "new_path");

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  static final PathSource WRITTEN = renamedToOr(OPENED_FOR_WRITING);

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING_FLAGS_FIRST} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  static final PathSource WRITTEN_FLAGS_FIRST = renamedToOr(OPENED_FOR_WRITING_FLAGS_FIRST);

  /**
   * The {@code pathname} of a {@code magic_write} whose first written bytes are the ELF magic
   * {@code 7F 45 4C 46}; {@code bytes} is read before {@code pathname}, and both before the
   * bytes are compared.
   */
  static final PathSource ELF_WRITTEN = new PathSource(PathSource::readElfPathname, "magic_write");

  /** The {@code pathname} of the program a {@code sched_process_exec} runs. */
  static final PathSource EXECUTED = text("sched_process_exec", "pathname");

  private final Reader reader;
  private final String[] eventNames;

  private PathSource(Reader reader, String... eventNames) {
    this.reader = reader;
    this.eventNames = eventNames;
  }

  /**
   * Reads the path.
   *
   * @param event one of the events {@link #selectors} selects
   * @param context where a data problem is counted
   * @return the path, valid during this event only; null when an argument read is bad, or the
   *     event is not of the kind the source describes (an open without the access, a write of
   *     another file type)
   */
  @Nullable CharSequence read(Event event, SignatureContext context) {
    return reader.read(event, context);
  }

  /**
   * Selects the events that carry the path.
   *
   * @param origin the origin selected, or null for any, as in {@link Selector}
   * @return one selector per event, in the order of Tracee's selectors
   */
  List<Selector> selectors(@Nullable Origin origin) {
    return TraceeSignature.selectors(origin, eventNames);
  }

  private static PathSource opened(Access access) {
    return new PathSource(
        (event, context) -> OpenedFile.readPathnameThenFlags(event, context, access),
        "security_file_open");
  }

  private static PathSource openedFlagsFirst(Access access) {
    return new PathSource(
        (event, context) -> OpenedFile.readFlagsThenPathname(event, context, access),
        "security_file_open");
  }

  /**
   * A text argument of one event; a bad one is the data problem
   * "{@code <event> without a text <argument>}".
   */
  private static PathSource text(String eventName, String argument) {
    ArgKey key = ArgKey.of(argument);
    String problem = eventName + " without a text " + argument;
    return new PathSource(
        (event, context) -> Required.text(event.string(key), problem, context), eventName);
  }

  /** A rename's {@code new_path}, or the path an open source reads. */
  private static PathSource renamedToOr(PathSource opened) {
    return new PathSource(
        (event, context) -> event.type() == INODE_RENAME
            ? RENAMED_TO.read(event, context)
            : opened.read(event, context),
        "security_file_open", "security_inode_rename");
  }

  private static @Nullable CharSequence readElfPathname(Event event, SignatureContext context) {
    ByteView bytes = event.bytes(BYTES);
    if (bytes == null) {
      context.dataProblem("magic_write without decodable bytes");
      return null;
    }
    CharSequence pathname =
        Required.text(event.string(PATHNAME), "magic_write without a text pathname", context);
    return pathname != null && bytes.startsWith(ELF_MAGIC) ? pathname : null;
  }
}
