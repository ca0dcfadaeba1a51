package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;

/**
 * A ported signature that reads one integer argument of one event, from any origin, and fires
 * with no data when its rule accepts the value: the shape of Tracee's ptrace and memory
 * signatures. An event whose argument cannot be read is counted as a data problem
 * ({@link NumberSource#problem}) and never fires. It allocates nothing unless it fires; it has
 * no default deduplication, as in Tracee.
 */
abstract class NumberSignature extends TraceeSignature {
  private final NumberSource source;

  /**
   * Creates the signature.
   *
   * @param metadata Tracee's metadata
   * @param source the argument read, which also says which event is selected
   */
  NumberSignature(SignatureMetadata metadata, NumberSource source) {
    super(metadata, source.eventName);
    this.source = source;
  }

  @Override
  public final void onEvent(Event event, SignatureContext context) {
    long value = source.read(event);
    if (value == NumberSource.UNREADABLE) {
      context.dataProblem(source.problem);
      return;
    }
    if (matches(value, event)) {
      context.report(event, Map.of());
    }
  }

  /**
   * Tells whether the signature fires on a value.
   *
   * @param value the argument's value
   * @param event the event, e.g. to compare with its process
   * @return true to fire
   */
  abstract boolean matches(long value, Event event);
}
