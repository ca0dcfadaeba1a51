package dev.sigil.flink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Node keys found by the fast path (first members) and by the parser agree. */
class PointerLookupTest {
  @Test
  void theNodeKeyIsFoundWhereverItIsAndWhateverItHolds() {
    PointerLookup node = new PointerLookup("/node");
    // First member: the fast path.
    assertEquals("n1", text(node, "{\"node\":\"n1\",\"eventName\":\"execve\"}"));
    assertEquals("n1", text(node, " { \"node\" :\t\"n1\" }"));
    // Elsewhere, escaped, non-ASCII, a number, a boolean: the parser.
    assertEquals("n2", text(node, "{\"a\":{\"node\":\"x\"},\"node\":\"n2\"}"));
    assertEquals("n\"3", text(node, "{\"node\":\"n\\\"3\"}"));
    assertEquals("nœud", text(node, "{\"node\":\"nœud\"}"));
    assertEquals("42", text(node, "{\"node\":42}"));
    assertEquals("true", text(node, "{\"node\":true}"));
    // Absent, an object, null, not JSON, a prefix of the name: none.
    assertNull(text(node, "{\"nodes\":\"n1\"}"));
    assertNull(text(node, "{\"nod\":\"n1\"}"));
    assertNull(text(node, "{\"node\":{\"name\":\"n1\"}}"));
    assertNull(text(node, "{\"node\":null}"));
    assertNull(text(node, "not json"));
    assertNull(text(node, "{\"node\":\"n1"));
    assertNull(text(node, ""));

    PointerLookup nested = new PointerLookup("/kubernetes/host");
    assertEquals("h1", text(nested, "{\"kubernetes\":{\"host\":\"h1\",\"pod\":\"p\"},\"log\":\"x\"}"));
    assertEquals("h2", text(nested, "{\"log\":\"x\",\"kubernetes\":{\"pod\":\"p\",\"host\":\"h2\"}}"));
    assertNull(text(nested, "{\"kubernetes\":\"h1\"}"));

    // A record's bytes inside a larger array.
    byte[] two = "{\"node\":\"a\"}\n{\"node\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("a", node.text(two, 0, 12));
    assertEquals("b", node.text(two, 13, 12));
    // The same key twice is the same string (no allocation per record).
    assertSame(node.text(two, 13, 12), node.text(two, 13, 12));
  }

  private static String text(PointerLookup lookup, String json) {
    return lookup.text(json.getBytes(StandardCharsets.UTF_8));
  }
}
