package dev.sigil.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
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
  void numbersTraceeSignaturesAsTraceeDoesFromItsExportOrder() {
    List<Signature> all = Signatures.builtIn();
    for (int i = 0; i < 31; i++) {
      SignatureMetadata metadata = all.get(i).metadata();
      assertEquals(6000 + i, metadata.traceeEventId(), metadata.id());
    }
    assertEquals("TRC-1022", all.get(29).metadata().id(), "Tracee's last export is TRC-1022");
    assertEquals("TRC-108", all.get(30).metadata().id(), "TRC-108 takes the next free id");
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
