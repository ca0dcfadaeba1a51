package dev.sigil.core;

import java.util.List;

/**
 * A test signature whose metadata and selectors are given when it is made, so that a test's
 * signature shows only what it does with the events it selects.
 */
public abstract class FixedSignature implements Signature {
  private final SignatureMetadata metadata;
  private final List<Selector> selectors;

  /**
   * Makes the signature.
   *
   * @param metadata what {@link #metadata()} returns
   * @param selectors what {@link #selectors()} returns
   */
  protected FixedSignature(SignatureMetadata metadata, List<Selector> selectors) {
    this.metadata = metadata;
    this.selectors = selectors;
  }

  @Override
  public SignatureMetadata metadata() {
    return metadata;
  }

  @Override
  public List<Selector> selectors() {
    return selectors;
  }
}
