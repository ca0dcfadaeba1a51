package dev.sigil.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sigil.core.internal.Deduplicator;
import dev.sigil.core.internal.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An engine's saved state: a versioned JSON document holding the deduplicator and every
 * {@link Stateful} signature's state, by signature id.
 *
 * <pre>{@code
 * {"format": "sigil-engine-state", "version": 1, "dedup": [...], "signatures": {"SGL-1001": {...}}}
 * }</pre>
 *
 * <p>One per engine: it also keeps the restored states of signatures the engine does not have,
 * and writes them back unchanged, so that a state file shared by runs with different signatures
 * loses nothing in a run without some of them.
 */
final class StateDocument {
  private static final int VERSION = 1;
  private static final String FORMAT = "sigil-engine-state";
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private final Deduplicator deduplicator;
  private final SignatureSlot[] slots;
  /** Saved states of signatures this engine does not have, as restored. */
  private final Map<String, Object> otherSignatureStates = new LinkedHashMap<>();

  StateDocument(Deduplicator deduplicator, SignatureSlot[] slots) {
    this.deduplicator = deduplicator;
    this.slots = slots;
  }

  void write(OutputStream out) throws IOException {
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
    otherSignatureStates.forEach(signatureStates::putIfAbsent);
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
  RestoreReport read(InputStream in) throws IOException {
    Object tree;
    try {
      tree = JsonTree.read(in);
    } catch (JsonProcessingException e) {
      throw new IOException("state is not valid JSON: " + withoutSource(e), e);
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
    Set<String> ignored = new LinkedHashSet<>();
    Map<String, Object> others = new LinkedHashMap<>();
    try {
      Object dedup = document.get("dedup");
      if (dedup != null) {
        // Validated on a copy first, so that a corrupt document leaves the deduplicator as it was.
        new Deduplicator(Integer.MAX_VALUE).restore(dedup);
        deduplicator.restore(dedup);
      }
      Set<String> ids = new LinkedHashSet<>();
      for (SignatureSlot slot : slots) {
        ids.add(slot.id);
        if (slot.signature instanceof Stateful && states.containsKey(slot.id)) {
          ((Stateful) slot.signature).restoreState(states.get(slot.id));
          restored.add(slot.id);
        }
      }
      for (Map.Entry<?, ?> saved : states.entrySet()) {
        String id = String.valueOf(saved.getKey());
        if (!restored.contains(id)) {
          ignored.add(id);
        }
        if (!ids.contains(id)) {
          others.put(id, saved.getValue());
        }
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException("state document is corrupt: " + e.getMessage(), e);
    }
    otherSignatureStates.clear();
    otherSignatureStates.putAll(others);
    return new RestoreReport(restored, ignored);
  }

  /**
   * Returns the parser's message with the line and column but without the source description
   * jackson adds ({@code [Source: REDACTED (...); line: 1, column: 28]}): that is noise for
   * whoever reads why a state file was refused.
   */
  private static String withoutSource(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    message = SOURCE.matcher(message).replaceAll("line $1, column $2");
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
