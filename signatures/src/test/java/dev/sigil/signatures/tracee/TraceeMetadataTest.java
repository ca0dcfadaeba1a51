package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.signatures.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ported signature carries Tracee v0.24.1's metadata exactly and selects the events and
 * origins Tracee's does. The expected values are a table, {@code tracee-metadata.properties}
 * beside this class, one block per signature class, so that they read as Tracee's data and are
 * checked by one test rather than copied into thirty-one.
 */
class TraceeMetadataTest {
  private static final Properties EXPECTED = load();

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = TraceeMetadataTest.class.getResourceAsStream("tracee-metadata.properties")) {
      assertNotNull(in, "tracee-metadata.properties is beside this class");
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** The classes the table describes, by simple name. */
  static Set<String> signatureClasses() {
    Set<String> names = new TreeSet<>();
    for (String key : EXPECTED.stringPropertyNames()) {
      names.add(key.substring(0, key.indexOf('.')));
    }
    return names;
  }

  private static String expected(String className, String field) {
    String value = EXPECTED.getProperty(className + "." + field);
    assertNotNull(value, () -> className + "." + field + " is in tracee-metadata.properties");
    return value;
  }

  private static List<String> expectedList(String className, String field, String separator) {
    String value = expected(className, field);
    return value.isEmpty() ? List.of() : List.of(value.split(separator));
  }

  private static Map<String, Object> expectedProperties(String className) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String pair : expectedList(className, "extraProperties", "; ")) {
      int equals = pair.indexOf('=');
      properties.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return properties;
  }

  private static List<Selector> expectedSelectors(String className) {
    List<Selector> selectors = new ArrayList<>();
    for (String selector : expectedList(className, "selectors", ", ")) {
      int slash = selector.indexOf('/');
      selectors.add(Selector.parse(selector.substring(0, slash), selector.substring(slash + 1)));
    }
    return selectors;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatureClasses")
  void carriesTraceesExactMetadataAndSelectors(String className) throws ReflectiveOperationException {
    Class<?> type = Class.forName(TraceeMetadataTest.class.getPackageName() + "." + className);
    SignatureMetadata m = (SignatureMetadata) type.getField("METADATA").get(null);
    Signature signature = (Signature) type.getConstructor().newInstance();

    assertSame(m, signature.metadata());
    assertEquals(expected(className, "id"), m.id());
    assertEquals(expected(className, "version"), m.version());
    assertEquals(expected(className, "name"), m.name());
    assertEquals(expected(className, "eventName"), m.eventName());
    assertEquals(Integer.parseInt(expected(className, "traceeEventId")), m.traceeEventId());
    assertEquals(expected(className, "description"), m.description());
    assertEquals(Integer.parseInt(expected(className, "severity")), m.severity().traceeValue());
    assertEquals(expected(className, "category"), m.category());
    assertEquals(expected(className, "technique"), m.technique());
    assertEquals(expected(className, "kubernetesTechnique"), m.kubernetesTechnique());
    assertEquals(expected(className, "mitreTechniqueId"), m.mitreTechniqueId());
    assertEquals(expected(className, "mitreStixId"), m.mitreStixId());
    assertEquals(expectedList(className, "tags", ", "), m.tags());
    assertEquals(expectedProperties(className), m.extraProperties());
    assertEquals(expectedSelectors(className), signature.selectors());
  }

  @Test
  void describesEveryPortedSignatureAndNothingElse() {
    Set<String> ported = new TreeSet<>();
    for (Signature signature : Signatures.builtIn()) {
      if (signature.getClass().getPackageName().equals(TraceeMetadataTest.class.getPackageName())) {
        ported.add(signature.getClass().getSimpleName());
      }
    }
    assertEquals(ported, signatureClasses());
  }
}
