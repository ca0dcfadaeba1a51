package dev.sigil.core.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.internal.JsonLines;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A finding's {@code metadata.Properties} as Tracee v0.24.1 prints them
 * ({@code getMetadataFromSignatureMetadata} in {@code pkg/events/findings}): the signature's
 * properties, then {@code signatureID} and {@code signatureName}, then {@code Severity},
 * {@code Category}, {@code Technique}, {@code id} and {@code external_id} set again, so that
 * these five are always present (null when the signature has none). Go prints a map with its
 * keys in byte order, and so does this.
 *
 * <p>Tracee's signatures declare either all of Category, Technique, Kubernetes_Technique, id and
 * external_id (possibly as empty strings, as TRC-1022's {@code Kubernetes_Technique}) or none of
 * them (TRC-1013). Sigil's metadata cannot tell an empty property from a missing one, so a
 * signature with none of them set is written as one that declares none: Category, Technique,
 * id and external_id null and no Kubernetes_Technique.
 *
 * <p>Sigil adds properties Tracee does not have: {@code findingId}, the finding's
 * deterministic id, so that a sink can drop a finding replayed after a failure; and
 * {@code node}, for an engine that serves a named node ({@code Engine.Builder.node}: an agent's
 * or a fleet pipeline's), which node's events made it. A single-node engine's findings have no
 * {@code node}.
 */
final class TraceeProperties {
  private TraceeProperties() {}

  /**
   * Returns the properties of a finding, keys in Go's order.
   *
   * @param metadata the metadata the finding was reported under
   * @param severity the severity it was reported with (a variant may raise the default)
   * @param findingId the finding's deterministic id
   * @param node the node the engine serves, empty for none (then left out)
   * @return an unmodifiable map; some values are null
   */
  static Map<String, @Nullable Object> of(SignatureMetadata metadata, Severity severity,
      UUID findingId, String node) {
    Map<String, @Nullable Object> properties = new TreeMap<>(JsonLines::compareUtf8);
    properties.putAll(metadata.extraProperties());
    boolean declared = !metadata.category().isEmpty() || !metadata.technique().isEmpty()
        || !metadata.kubernetesTechnique().isEmpty() || !metadata.mitreTechniqueId().isEmpty()
        || !metadata.mitreStixId().isEmpty();
    properties.put("Severity", severity.traceeValue());
    properties.put("Category", declared ? metadata.category() : null);
    properties.put("Technique", declared ? metadata.technique() : null);
    if (declared) {
      properties.put("Kubernetes_Technique", metadata.kubernetesTechnique());
    }
    properties.put("id", declared ? metadata.mitreStixId() : null);
    properties.put("external_id", declared ? metadata.mitreTechniqueId() : null);
    properties.put("signatureID", metadata.id());
    properties.put("signatureName", metadata.name());
    properties.put("findingId", findingId.toString());
    if (!node.isEmpty()) {
      properties.put("node", node);
    }
    return Collections.unmodifiableMap(properties);
  }
}
