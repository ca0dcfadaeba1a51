package dev.sigil.core.tracee;

import dev.sigil.core.EventType;
import dev.sigil.core.internal.JsonBytes;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What one decoder remembers of the lines it has seen, so that the next line like them costs
 * less: each event name's {@link EventType}, and for each event name and argument position the
 * bytes that open the argument, {@code {"name":"pathname","type":"string","value":}. Tracee
 * prints an event's arguments in the same order every time, so a line's argument usually starts
 * with the bytes remembered for its position: one comparison, eight bytes at a time, then yields
 * the argument's name, declared type and key without reading them.
 *
 * <p>Memory is bounded (a fixed number of names, positions and prefix bytes; an entry is replaced
 * when another name hashes to it) and, once warm, allocation-free. What is remembered is a pure
 * function of the bytes (and the registries), so a wrong prediction costs time, never accuracy.
 */
final class LineShapes {
  /** Names longer than this are looked up every time. */
  static final int MAX_NAME = 48;
  /** Argument positions beyond this are read every time. */
  static final int MAX_POSITIONS = 64;
  /** Argument openings longer than this are read every time. */
  static final int MAX_PREFIX = 160;

  private static final int ENTRIES = 128;

  /** An event name, its type, and the openings of its arguments. */
  static final class Name {
    final byte[] bytes = new byte[MAX_NAME];
    int length = -1;
    EventType type = EventType.UNREGISTERED;
    int registeredWhenResolved;
    Arg[] args = new Arg[0];
  }

  /** The opening of one argument: the bytes from its '{' to its value, and what they hold. */
  static final class Arg {
    byte[] prefix = new byte[64];
    long[] words = new long[8];
    int length = -1;
    int nameOffset;
    int nameLength;
    int typeOffset;
    int typeLength;
    int keyId;
    int declared;

    boolean matches(byte[] bytes, int at) {
      return length > 0 && JsonBytes.matches(bytes, at, words, length);
    }

    /**
     * The argument's key id, or the mark of a name no key had; looked up again when keys were
     * added since (a signature's helper class loads on its first event), as an event name's
     * type is, or every lookup of that name would compare names.
     */
    int keyId(byte[] bytes, int at) {
      if (keyId < 0 && ~keyId != RegisteredNames.argKeyCount()) {
        keyId = RegisteredNames.argKeyId(bytes, at + nameOffset, nameLength);
      }
      return keyId;
    }
  }

  private final Name[] names = new Name[ENTRIES];

  LineShapes() {
    for (int i = 0; i < ENTRIES; i++) {
      names[i] = new Name();
    }
  }

  /**
   * Returns the entry of an event name spelled in ASCII bytes, resolving its type on first sight
   * (without registering it).
   *
   * @return the entry, or null when the name is too long to remember
   */
  @Nullable Name name(byte[] bytes, int from, int length) {
    if (length > MAX_NAME) {
      return null;
    }
    Name entry = names[slot(bytes, from, length)];
    if (entry.length != length || !Arrays.equals(entry.bytes, 0, length, bytes, from, from + length)) {
      System.arraycopy(bytes, from, entry.bytes, 0, length);
      entry.length = length;
      entry.type = RegisteredNames.eventType(bytes, from, length);
      entry.registeredWhenResolved = RegisteredNames.eventTypeCount();
      for (Arg arg : entry.args) {
        if (arg != null) {
          arg.length = -1;
        }
      }
    } else if (entry.type == EventType.UNREGISTERED
        && entry.registeredWhenResolved != RegisteredNames.eventTypeCount()) {
      // Registered since (a signature added later): resolve again.
      entry.type = RegisteredNames.eventType(bytes, from, length);
      entry.registeredWhenResolved = RegisteredNames.eventTypeCount();
    }
    return entry;
  }

  private static int slot(byte[] bytes, int from, int length) {
    long first;
    long last;
    if (from + 8 <= bytes.length && length > 0) {
      first = JsonBytes.longAt(bytes, from);
      if (length < 8) {
        first &= (1L << (length << 3)) - 1;
      }
    } else {
      first = 0;
      for (int i = 0; i < Math.min(length, 8); i++) {
        first |= (bytes[from + i] & 0xffL) << (i << 3);
      }
    }
    last = length > 8 && from + length <= bytes.length ? JsonBytes.longAt(bytes, from + length - 8) : 0;
    long h = (first * 0x9e3779b97f4a7c15L) ^ (last * 0xc2b2ae3d27d4eb4fL) ^ length;
    return (int) (h >>> 57) & (ENTRIES - 1);
  }

  /** Returns the remembered opening of an argument position, or null. */
  static @Nullable Arg arg(Name name, int position) {
    Arg[] args = name.args;
    if (position >= args.length) {
      return null;
    }
    Arg arg = args[position];
    return arg != null && arg.length > 0 ? arg : null;
  }

  /** Remembers the opening of an argument position. */
  static void remember(Name name, int position, byte[] bytes, int from, int to,
      int nameOffset, int nameLength, int typeOffset, int typeLength, int keyId, int declared) {
    int length = to - from;
    if (position >= MAX_POSITIONS || length > MAX_PREFIX) {
      return;
    }
    if (position >= name.args.length) {
      name.args = Arrays.copyOf(name.args, Math.min(MAX_POSITIONS, Math.max(position + 1, name.args.length * 2)));
    }
    Arg arg = name.args[position];
    if (arg == null) {
      arg = new Arg();
      name.args[position] = arg;
    }
    if (arg.prefix.length < length) {
      arg.prefix = new byte[MAX_PREFIX];
      arg.words = new long[(MAX_PREFIX + 7) >>> 3];
    }
    System.arraycopy(bytes, from, arg.prefix, 0, length);
    Arrays.fill(arg.words, 0);
    for (int i = 0; i < length; i++) {
      arg.words[i >>> 3] |= (arg.prefix[i] & 0xffL) << ((i & 7) << 3);
    }
    arg.length = length;
    arg.nameOffset = nameOffset;
    arg.nameLength = nameLength;
    arg.typeOffset = typeOffset;
    arg.typeLength = typeLength;
    arg.keyId = keyId;
    arg.declared = declared;
  }
}
