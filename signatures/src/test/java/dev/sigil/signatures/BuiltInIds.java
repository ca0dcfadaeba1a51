package dev.sigil.signatures;

import java.util.List;

/** The ids of the signatures Sigil ships, in {@link Signatures#builtIn()} order. */
final class BuiltInIds {
  static final List<String> ALL = List.of("TRC-1022", "SGL-1001");

  private BuiltInIds() {}
}
