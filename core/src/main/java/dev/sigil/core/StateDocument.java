package dev.sigil.core;

import dev.sigil.core.internal.Deduplicator;
import dev.sigil.core.internal.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An engine's saved state: a versioned JSON document holding the deduplicator and every
 * {@link Stateful} signature's state, by signature id.
 *
 * <pre>{@code
 * {"format": "sigil-engine-state", "version": 1, "dedup": [...], "signatures": {"SGL-1001": {...}}}
 * }</pre>
 */
final class StateDocument {
  private static final int VERSION = 1;
  private static final String FORMAT = "sigil-engine-state";

  private StateDocument() {}

  static void write(Deduplicator deduplicator, SignatureSlot[] slots, OutputStream out)
      throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", (long) VERSION);
    document.put("dedup", deduplicator.save());
    Map<String, Object> signatureStates = new LinkedHashMap<>();
    for (SignatureSlot slot : slots) {
      if (slot.signature instanceof Stateful) {
        signatureStates.put(slot.id, ((Stateful) slot.signature).saveState());
      }
    }
    document.put("signatures", signatureStates);
    JsonTree.write(document, out);
  }

  /**
   * Reads a document into the deduplicator and the signatures.
   *
   * @throws IOException when it cannot be read, is not a Sigil state document, is corrupt, or
   *     was written by a newer version; the deduplicator is then unchanged and signatures may be
   *     partly restored
   */
  static RestoreReport read(InputStream in, Deduplicator deduplicator, SignatureSlot[] slots)
      throws IOException {
    Object tree;
    try {
      tree = JsonTree.read(in);
    } catch (IOException e) {
      throw new IOException("state is not valid JSON: " + e.getMessage(), e);
    }
    if (!(tree instanceof Map) || !FORMAT.equals(((Map<?, ?>) tree).get("format"))) {
      throw new IOException("not a Sigil state document (no \"format\": \"" + FORMAT + "\")");
    }
    Map<?, ?> document = (Map<?, ?>) tree;
    Object version = document.get("version");
    if (!(version instanceof Long)) {
      throw new IOException("state document has no integer version");
    }
    if ((Long) version > VERSION) {
      throw new IOException("state document version " + version
          + " is newer than this Sigil understands (" + VERSION + ")");
    }
    Object signatureStates = document.get("signatures");
    if (signatureStates != null && !(signatureStates instanceof Map)) {
      throw new IOException("state document's \"signatures\" must be an object");
    }
    Map<?, ?> states = signatureStates == null ? Map.of() : (Map<?, ?>) signatureStates;
    Set<String> restored = new LinkedHashSet<>();
    try {
      Object dedup = document.get("dedup");
      if (dedup != null) {
        // Validated on a copy first, so that a corrupt document leaves the deduplicator as it was.
        new Deduplicator(Integer.MAX_VALUE).restore(dedup);
        deduplicator.restore(dedup);
      }
      for (SignatureSlot slot : slots) {
        if (slot.signature instanceof Stateful && states.containsKey(slot.id)) {
          ((Stateful) slot.signature).restoreState(states.get(slot.id));
          restored.add(slot.id);
        }
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException("state document is corrupt: " + e.getMessage(), e);
    }
    Set<String> ignored = new LinkedHashSet<>();
    for (Object id : states.keySet()) {
      if (!restored.contains(String.valueOf(id))) {
        ignored.add(String.valueOf(id));
      }
    }
    return new RestoreReport(restored, ignored);
  }
}
