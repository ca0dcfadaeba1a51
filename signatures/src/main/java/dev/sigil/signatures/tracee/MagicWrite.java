package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@code magic_write} of an ELF file, read as Tracee's signatures read it: {@code bytes} (the
 * first bytes written), then {@code pathname}, both before the bytes are compared; one that is
 * missing or of another kind is counted as a data problem. Stateless and allocation-free; safe
 * from any thread.
 */
final class MagicWrite {
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

  private MagicWrite() {}

  /**
   * Tells which path an ELF file was written to.
   *
   * @param event a {@code magic_write}
   * @param context where a data problem is counted
   * @return the pathname, valid during this event only, when the bytes start with ELF's magic
   *     number; null otherwise or when an argument is bad
   */
  static @Nullable CharSequence readElfPathname(Event event, SignatureContext context) {
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
