package dev.sigil.core.tracee;

import dev.sigil.core.EventType;
import dev.sigil.core.internal.NameRegistry;
import dev.sigil.core.internal.Registries;

/**
 * Resolves names spelled in a line's ASCII bytes to the event types and argument keys that code
 * registered, without registering anything: a decoder of untrusted input must not let hostile
 * lines fill the registries. This lives beside the decoder rather than in the public
 * {@link EventType} and {@code ArgKey}, whose API offers lookups by name only.
 */
final class RegisteredNames {
  private RegisteredNames() {}

  /**
   * Returns the type registered under a name.
   *
   * @param bytes the bytes (a byte at or above 0x80 never matches a registered name)
   * @param offset where the name starts
   * @param length its length
   * @return the type, or {@link EventType#UNREGISTERED} when no code registered the name
   */
  static EventType eventType(byte[] bytes, int offset, int length) {
    int id = Registries.EVENT_NAMES.find(bytes, offset, length);
    // A registered name: of() finds it, allocating nothing, and returns the one shared type.
    return id == NameRegistry.NOT_FOUND
        ? EventType.UNREGISTERED
        : EventType.of(Registries.EVENT_NAMES.name(id));
  }

  /**
   * Returns how many event names are registered: a type found unregistered may be registered
   * once this has grown (a signature built after the decoder first saw the name).
   *
   * @return the count
   */
  static int eventTypeCount() {
    return Registries.EVENT_NAMES.size();
  }

  /**
   * Returns how many argument keys exist: a mark {@code ~n} from {@link #argKeyId} is current
   * while this is {@code n}.
   *
   * @return the count
   */
  static int argKeyCount() {
    return Registries.ARG_NAMES.size();
  }

  /**
   * Returns the id of the argument key registered under a name.
   *
   * @param bytes the bytes (a byte at or above 0x80 never matches a registered name)
   * @param offset where the name starts
   * @param length its length
   * @return the key's id, or when no key has that name a mark of the keys that existed (see
   *     {@link dev.sigil.core.internal.NameRegistry#findOrMark(byte[], int, int)})
   */
  static int argKeyId(byte[] bytes, int offset, int length) {
    return Registries.ARG_NAMES.findOrMark(bytes, offset, length);
  }
}
