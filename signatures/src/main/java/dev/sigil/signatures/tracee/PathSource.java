package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.signatures.tracee.OpenedFile.Access;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link PathSignature} reads its one path, and the events that carry it. Each source
 * reads its arguments as the Tracee originals of its signatures do, in their order (see
 * {@link OpenedFile} for why the order of an open's two arguments is observable), and counts a
 * missing argument, or one of another kind, as a data problem: the signature never fires on it.
 * An open's {@code flags} are read whether Tracee printed them as a number or parsed
 * ({@code O_WRONLY|O_CREAT}).
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

  /**
   * The path a file is written to: the {@code pathname} of a {@code security_file_open} for
   * writing, read only when the {@code flags}, read first, open for writing; or the
   * {@code new_path} of a {@code security_inode_rename}.
   */
  WRITTEN_FLAGS_FIRST("security_file_open", "security_inode_rename") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return WrittenPath.readFlagsThenPathname(event, context);
    }
  },

  /**
   * The {@code pathname} of a {@code magic_write} whose first written bytes are the ELF magic
   * {@code 7F 45 4C 46}; {@code bytes} is read before {@code pathname}.
   */
  ELF_WRITTEN("magic_write") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return MagicWrite.readElfPathname(event, context);
    }
  },

  /** The {@code pathname} of the program a {@code sched_process_exec} runs. */
  EXECUTED("sched_process_exec") {
    @Override
    @Nullable CharSequence read(Event event, SignatureContext context) {
      return ProcessExec.readPathname(event, context);
    }
  };

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
