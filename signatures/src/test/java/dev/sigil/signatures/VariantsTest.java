package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every id a built-in finding may carry is listed, a variant's included. */
class VariantsTest {
  @Test
  void containedExecutableListsSgl1002AsItsVariant() {
    Signature contained = Signatures.builtIn().stream()
        .filter(s -> s.metadata().id().equals("SGL-1001")).findFirst().orElseThrow();

    List<SignatureMetadata> variants = contained.variants();

    assertEquals(1, variants.size());
    assertEquals("SGL-1002", variants.get(0).id());
    assertEquals(Severity.HIGH, variants.get(0).severity());
  }

  @Test
  void reportedIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    for (Signature signature : Signatures.builtIn()) {
      ids.add(signature.metadata().id());
      signature.variants().forEach(v -> ids.add(v.id()));
    }

    assertEquals(ids.stream().distinct().toList(), ids);
  }
}
