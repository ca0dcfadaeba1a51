package dev.sigil.core.plugins;

import dev.sigil.core.Event;
import dev.sigil.core.FixedSignature;
import dev.sigil.core.Selector;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.List;

/**
 * A signature the test class path registers for ServiceLoader, as an application's own jar
 * registers its built-in signatures: loading plugins from jars must not load it again.
 */
public final class OnTheClassPath extends FixedSignature {
  /** Makes the signature, as ServiceLoader does. */
  public OnTheClassPath() {
    super(SignatureMetadata.builder("CLASSPATH-1").build(), List.of(Selector.any()));
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {}
}
