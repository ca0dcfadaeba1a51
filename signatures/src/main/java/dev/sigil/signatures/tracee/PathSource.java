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
  /**
   * How a source reads its path. {@link #read} switches over these rather than calling a
   * function held by each source: the one {@code onEvent} of {@link PathSignature} serves
   * fourteen ports, and a call through a function of each source would be a call the JIT
   * cannot inline there, on every event every one of them selects.
   */
  private enum Way {
    /** An open's {@code pathname}, then its {@code flags}. */
    OPENED,
    /** An open's {@code flags}, then its {@code pathname}. */
    OPENED_FLAGS_FIRST,
    /** One text argument. */
    TEXT,
    /** A rename's {@code new_path}, or an open's {@code pathname}, then its {@code flags}. */
    WRITTEN,
    /** A rename's {@code new_path}, or an open's {@code flags}, then its {@code pathname}. */
    WRITTEN_FLAGS_FIRST,
    /** A {@code magic_write}'s {@code bytes} and {@code pathname}. */
    ELF_WRITTEN
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
  static final PathSource OPENED_FOR_READING = opened(Way.OPENED, Access.READ);

  /**
   * The {@code pathname} of a {@code security_file_open} for reading, read only when the
   * {@code flags}, read first, open for reading.
   */
  static final PathSource OPENED_FOR_READING_FLAGS_FIRST =
      opened(Way.OPENED_FLAGS_FIRST, Access.READ);

  /**
   * The {@code pathname} of a {@code security_file_open} for writing ({@code O_WRONLY} or
   * {@code O_RDWR}); {@code pathname} and {@code flags} are both read, in that order, before
   * the access is compared.
   */
  static final PathSource OPENED_FOR_WRITING = opened(Way.OPENED, Access.WRITE);

  /**
   * The {@code pathname} of a {@code security_file_open} for writing, read only when the
   * {@code flags}, read first, open for writing.
   */
  static final PathSource OPENED_FOR_WRITING_FLAGS_FIRST =
      opened(Way.OPENED_FLAGS_FIRST, Access.WRITE);

  /** The {@code old_path} of a {@code security_inode_rename}: the path a file is renamed from. */
  static final PathSource RENAMED_FROM = text("security_inode_rename", "old_path");

  /** The {@code new_path} of a {@code security_inode_rename}: the path a file is renamed to. */
  static final PathSource RENAMED_TO = text("security_inode_rename", "new_path");

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  static final PathSource WRITTEN = written(Way.WRITTEN);

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING_FLAGS_FIRST} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  static final PathSource WRITTEN_FLAGS_FIRST = written(Way.WRITTEN_FLAGS_FIRST);

  /**
   * The {@code pathname} of a {@code magic_write} whose first written bytes are the ELF magic
   * {@code 7F 45 4C 46}; {@code bytes} is read before {@code pathname}, and both before the
   * bytes are compared.
   */
  static final PathSource ELF_WRITTEN =
      new PathSource(Way.ELF_WRITTEN, Access.WRITE, PATHNAME, "", "magic_write");

  /** The {@code pathname} of the program a {@code sched_process_exec} runs. */
  static final PathSource EXECUTED = text("sched_process_exec", "pathname");

  // What a way does not use is left at a default: an access for the opens, a key and a data
  // problem for one text argument.
  private final Way way;
  private final Access access;
  private final ArgKey key;
  private final String problem;
  private final String[] eventNames;

  private PathSource(Way way, Access access, ArgKey key, String problem, String... eventNames) {
    this.way = way;
    this.access = access;
    this.key = key;
    this.problem = problem;
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
    switch (way) {
      case OPENED:
        return OpenedFile.readPathnameThenFlags(event, context, access);
      case OPENED_FLAGS_FIRST:
        return OpenedFile.readFlagsThenPathname(event, context, access);
      case TEXT:
        return Required.text(event.string(key), problem, context);
      case WRITTEN:
        return event.type() == INODE_RENAME
            ? Required.text(event.string(RENAMED_TO.key), RENAMED_TO.problem, context)
            : OpenedFile.readPathnameThenFlags(event, context, Access.WRITE);
      case WRITTEN_FLAGS_FIRST:
        return event.type() == INODE_RENAME
            ? Required.text(event.string(RENAMED_TO.key), RENAMED_TO.problem, context)
            : OpenedFile.readFlagsThenPathname(event, context, Access.WRITE);
      default:
        return readElfPathname(event, context);
    }
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

  private static PathSource opened(Way way, Access access) {
    return new PathSource(way, access, PATHNAME, "", "security_file_open");
  }

  /**
   * A text argument of one event; a bad one is the data problem
   * "{@code <event> without a text <argument>}".
   */
  private static PathSource text(String eventName, String argument) {
    return new PathSource(Way.TEXT, Access.WRITE, ArgKey.of(argument),
        eventName + " without a text " + argument, eventName);
  }

  /** A rename's {@code new_path}, as {@link #RENAMED_TO} reads it, or an open's for writing. */
  private static PathSource written(Way way) {
    return new PathSource(way, Access.WRITE, PATHNAME, "",
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
