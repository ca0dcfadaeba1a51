package dev.sigil.signatures;

import dev.sigil.core.Signature;
import dev.sigil.signatures.internal.ContainedExecutable;
import dev.sigil.signatures.tracee.DroppedExecutable;
import java.util.List;

/**
 * The entry point to Sigil's built-in signatures:
 *
 * <ul>
 *   <li>{@code TRC-1022} New executable dropped (Tracee's semantics and metadata).</li>
 *   <li>{@code SGL-1001} A contained executable was executed by an unusual process, and its
 *       variant {@code SGL-1002} A contained executable was executed by the Linux kernel thread
 *       daemon: one signature object (listed and counted as SGL-1001) whose findings carry
 *       either id. See {@link ContainedExecutableOptions}.</li>
 * </ul>
 *
 * <p>Each call returns new instances: a signature instance belongs to one engine. The same
 * signatures, with default options, are registered for {@link java.util.ServiceLoader} as
 * providers of {@link Signature}.
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
    return List.of(new DroppedExecutable(), new ContainedExecutable(containedExecutable));
  }
}
