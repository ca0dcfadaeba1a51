package dev.sigil.signatures.tracee;

import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ported Tracee signature: its metadata and selectors are constants, handed over once by its
 * constructor, so that each port states only its Tracee metadata and its logic. Ports that share
 * their logic too extend a family's base instead, such as {@link PathSignature}.
 */
abstract class TraceeSignature implements Signature {
  private final SignatureMetadata metadata;
  private final List<Selector> selectors;

  TraceeSignature(SignatureMetadata metadata, List<Selector> selectors) {
    this.metadata = metadata;
    this.selectors = selectors;
  }

  /**
   * Creates a signature that selects events by name from any origin.
   *
   * @param metadata Tracee's metadata
   * @param eventNames the events selected, in the order of Tracee's selectors
   */
  TraceeSignature(SignatureMetadata metadata, String... eventNames) {
    this(metadata, selectors(null, eventNames));
  }

  /**
   * Creates a signature that selects events by name from one origin.
   *
   * @param metadata Tracee's metadata
   * @param origin the origin selected, e.g. {@link Origin#CONTAINER} for Tracee's
   *     {@code container} selectors
   * @param eventNames the events selected, in the order of Tracee's selectors
   */
  TraceeSignature(SignatureMetadata metadata, Origin origin, String... eventNames) {
    this(metadata, selectors(origin, eventNames));
  }

  /**
   * Selects events by name.
   *
   * @param origin the origin selected, or null for any, as in {@link Selector}
   * @param eventNames the events selected
   * @return one selector per event, in the order given
   */
  static List<Selector> selectors(@Nullable Origin origin, String... eventNames) {
    List<Selector> selectors = new ArrayList<>(eventNames.length);
    for (String eventName : eventNames) {
      selectors.add(new Selector(eventName, origin));
    }
    return List.copyOf(selectors);
  }

  @Override
  public final SignatureMetadata metadata() {
    return metadata;
  }

  @Override
  public final List<Selector> selectors() {
    return selectors;
  }
}
