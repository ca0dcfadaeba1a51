package dev.sigil.signatures;

import dev.sigil.core.Signature;
import java.util.List;

/**
 * The entry point to Sigil's built-in signatures.
 */
public final class Signatures {
  private Signatures() {}

  /**
   * Returns new instances of every built-in signature with default options.
   *
   * @return the signatures, in a stable order
   */
  public static List<Signature> builtIn() {
    return builtIn(ContainedExecutableOptions.defaults());
  }

  /**
   * Returns new instances of every built-in signature.
   *
   * @param containedExecutable options of the contained-executable signatures
   * @return the signatures, in a stable order
   */
  public static List<Signature> builtIn(ContainedExecutableOptions containedExecutable) {
    return List.of();
  }
}
