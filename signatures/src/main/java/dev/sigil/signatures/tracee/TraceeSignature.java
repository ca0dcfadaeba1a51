package dev.sigil.signatures.tracee;

import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import java.util.List;

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

  @Override
  public final SignatureMetadata metadata() {
    return metadata;
  }

  @Override
  public final List<Selector> selectors() {
    return selectors;
  }
}
