package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.sigil.core.Signature;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BuiltInDiscoveryTest {
  private static List<String> ids(List<Signature> signatures) {
    return signatures.stream().map(s -> s.metadata().id()).toList();
  }

  @Test
  void listsEveryBuiltInSignatureInStableOrder() {
    assertEquals(BuiltInIds.ALL, ids(Signatures.builtIn()));
  }

  @Test
  void returnsFreshInstancesOnEveryCall() {
    assertNotSame(Signatures.builtIn().get(0), Signatures.builtIn().get(0));
  }

  @Test
  void serviceLoaderFindsEveryBuiltInSignature() {
    List<Signature> found = ServiceLoader.load(Signature.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertEquals(BuiltInIds.ALL, ids(found));
  }
}
