package dev.sigil.core.event;

import dev.sigil.core.ByteView;
import dev.sigil.core.internal.ByteSlot;

/**
 * A bytes argument's storage seen as a {@link ByteView}: the slot already has the view's
 * methods, so this only declares the interface.
 */
public final class ByteArg extends ByteSlot implements ByteView {
  /**
   * Creates an empty argument.
   *
   * @param initialCapacity bytes to reserve
   */
  public ByteArg(int initialCapacity) {
    super(initialCapacity);
  }
}
