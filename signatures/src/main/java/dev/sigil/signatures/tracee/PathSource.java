package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.signatures.tracee.OpenedFile.Access;
import java.util.ArrayList;
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
 * <p>Stateless and allocation-free; safe from any thread.
 */
enum PathSource {
  /**
   * The {@code pathname} of a {@code security_file_open} for reading ({@code O_RDONLY} or
   * {@code O_RDWR}); {@code pathname} and {@code flags} are both read, in that order, before
   * the access is compared.
   */
  OPENED_FOR_READING("security_file_open") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return OpenedFile.readPathnameThenFlags(event, context, Access.READ);
    }
  },

  /**
   * The {@code pathname} of a {@code security_file_open} for reading, read only when the
   * {@code flags}, read first, open for reading.
   */
  OPENED_FOR_READING_FLAGS_FIRST("security_file_open") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return OpenedFile.readFlagsThenPathname(event, context, Access.READ);
    }
  },

  /**
   * The {@code pathname} of a {@code security_file_open} for writing ({@code O_WRONLY} or
   * {@code O_RDWR}); {@code pathname} and {@code flags} are both read, in that order, before
   * the access is compared.
   */
  OPENED_FOR_WRITING("security_file_open") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return OpenedFile.readPathnameThenFlags(event, context, Access.WRITE);
    }
  },

  /**
   * The {@code pathname} of a {@code security_file_open} for writing, read only when the
   * {@code flags}, read first, open for writing.
   */
  OPENED_FOR_WRITING_FLAGS_FIRST("security_file_open") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return OpenedFile.readFlagsThenPathname(event, context, Access.WRITE);
    }
  },

  /** The {@code old_path} of a {@code security_inode_rename}: the path a file is renamed from. */
  RENAMED_FROM("security_inode_rename") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return Required.text(event.string(OLD_PATH), "security_inode_rename without a text old_path",
          context);
    }
  },

  /** The {@code new_path} of a {@code security_inode_rename}: the path a file is renamed to. */
  RENAMED_TO("security_inode_rename") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return Required.text(event.string(NEW_PATH), "security_inode_rename without a text new_path",
          context);
    }
  },

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  WRITTEN("security_file_open", "security_inode_rename") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return event.type() == INODE_RENAME
          ? RENAMED_TO.read(event, context)
          : OPENED_FOR_WRITING.read(event, context);
    }
  },

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, as {@link #OPENED_FOR_WRITING_FLAGS_FIRST} reads it, or the {@code new_path} of a
   * {@code security_inode_rename}.
   */
  WRITTEN_FLAGS_FIRST("security_file_open", "security_inode_rename") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return event.type() == INODE_RENAME
          ? RENAMED_TO.read(event, context)
          : OPENED_FOR_WRITING_FLAGS_FIRST.read(event, context);
    }
  },

  /**
   * The {@code pathname} of a {@code magic_write} whose first written bytes are the ELF magic
   * {@code 7F 45 4C 46}; {@code bytes} is read before {@code pathname}, and both before the
   * bytes are compared.
   */
  ELF_WRITTEN("magic_write") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      ByteView bytes = event.bytes(BYTES);
      if (bytes == null) {
        context.dataProblem("magic_write without decodable bytes");
        return null;
      }
      CharSequence pathname =
          Required.text(event.string(PATHNAME), "magic_write without a text pathname", context);
      return pathname != null && bytes.startsWith(ELF_MAGIC) ? pathname : null;
    }
  },

  /** The {@code pathname} of the program a {@code sched_process_exec} runs. */
  EXECUTED("sched_process_exec") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return Required.text(event.string(PATHNAME), "sched_process_exec without a text pathname",
          context);
    }
  };

  private static final EventType INODE_RENAME = EventType.of("security_inode_rename");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey OLD_PATH = ArgKey.of("old_path");
  private static final ArgKey NEW_PATH = ArgKey.of("new_path");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

  private final List<String> eventNames;

  PathSource(String... eventNames) {
    this.eventNames = List.of(eventNames);
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
  abstract @Nullable CharSequence read(Event event, SignatureContext context);

  /**
   * Selects the events that carry the path.
   *
   * @param origin the origin selected, or null for any, as in {@link Selector}
   * @return one selector per event, in the order of Tracee's selectors
   */
  List<Selector> selectors(@Nullable Origin origin) {
    List<Selector> selectors = new ArrayList<>(eventNames.size());
    for (String eventName : eventNames) {
      selectors.add(new Selector(eventName, origin));
    }
    return List.copyOf(selectors);
  }
}
