package dev.sigil.benchmarks;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import dev.sigil.core.Text;

/**
 * TRC-1022's condition written as a plain Java {@code if} over an {@link Event}, with no engine:
 * the floor no engine can beat, and the ELF check the Drools rule calls as a static helper.
 */
public final class HandWrittenDroppedExecutable {
  private static final EventType MAGIC_WRITE = EventType.of("magic_write");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");

  private HandWrittenDroppedExecutable() {}

  /**
   * Decides whether TRC-1022 fires on an event: a {@code magic_write} from a started container
   * whose first bytes are ELF magic, outside {@code memfd:}, {@code /dev/shm/} and
   * {@code /run/shm/}.
   *
   * @param event the event
   * @return whether the rule fires
   */
  public static boolean fires(Event event) {
    return event.type() == MAGIC_WRITE && event.origin() == Origin.CONTAINER && dropsElf(event);
  }

  /**
   * The rule's body, once the selector ({@code magic_write} from a started container) matched.
   *
   * @param event the event
   * @return whether the bytes are ELF magic and the path is not shared memory
   */
  public static boolean dropsElf(Event event) {
    ByteView bytes = event.bytes(BYTES);
    if (bytes == null || bytes.length() < 4 || bytes.byteAt(0) != 0x7f || bytes.byteAt(1) != 'E'
        || bytes.byteAt(2) != 'L' || bytes.byteAt(3) != 'F') {
      return false;
    }
    CharSequence path = event.string(PATHNAME);
    return path != null && !Text.startsWith(path, "memfd:") && !Text.startsWith(path, "/dev/shm/")
        && !Text.startsWith(path, "/run/shm/");
  }
}
