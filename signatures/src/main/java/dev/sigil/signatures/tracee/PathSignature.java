package dev.sigil.signatures.tracee;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ported signature that reads one path from each event, from its {@link PathSource}, and fires
 * when its rule accepts the path: the shape of most of Tracee's file signatures. The finding
 * carries no data unless the port says otherwise ({@link #findingData}). It allocates nothing
 * unless it fires, provided the rule does not; it has no default deduplication, as in Tracee.
 */
abstract class PathSignature extends TraceeSignature {
  private final PathSource source;

  /**
   * Creates a signature that selects the source's events from any origin.
   *
   * @param metadata Tracee's metadata
   * @param source where the path is read, which also says which events are selected
   */
  PathSignature(SignatureMetadata metadata, PathSource source) {
    this(metadata, source, null);
  }

  /**
   * Creates a signature that selects the source's events from one origin.
   *
   * @param metadata Tracee's metadata
   * @param source where the path is read, which also says which events are selected
   * @param origin the origin selected, e.g. {@link Origin#CONTAINER} for Tracee's
   *     {@code container} selectors, which also leave out containers still starting
   */
  PathSignature(SignatureMetadata metadata, PathSource source, @Nullable Origin origin) {
    super(metadata, source.selectors(origin));
    this.source = source;
  }

  @Override
  public final void onEvent(Event event, SignatureContext context) {
    CharSequence path = source.read(event, context);
    if (path != null && matches(path)) {
      context.report(event, findingData(path));
    }
  }

  /**
   * Tells whether the signature fires on a path.
   *
   * @param path the path read, valid during this event only
   * @return true to fire
   */
  abstract boolean matches(CharSequence path);

  /**
   * Returns the finding's data: none, as for most of Tracee's signatures.
   *
   * @param path the path the signature fires on, valid during this event only
   * @return the data
   */
  Map<String, ?> findingData(CharSequence path) {
    return Map.of();
  }
}
