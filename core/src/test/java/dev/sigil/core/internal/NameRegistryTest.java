package dev.sigil.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NameRegistryTest {
  @Test
  void internsEachNameOnceWithDenseIds() {
    NameRegistry registry = new NameRegistry(100);

    int a = registry.intern("pathname");
    int b = registry.intern("bytes");

    assertEquals(0, a);
    assertEquals(1, b);
    assertEquals(a, registry.intern(new StringBuilder("pathname")));
    assertEquals("bytes", registry.name(b));
  }

  @Test
  void findsNamesByCharacterRange() {
    NameRegistry registry = new NameRegistry(100);
    int id = registry.intern("dev");
    char[] chars = "xxdevyy".toCharArray();

    assertEquals(id, registry.find(chars, 2, 3));
    assertEquals(NameRegistry.NOT_FOUND, registry.find(chars, 2, 4));
    assertEquals(NameRegistry.NOT_FOUND, registry.find("inode"));
  }

  @Test
  void survivesGrowthWithManyNames() {
    NameRegistry registry = new NameRegistry(10_000);
    for (int i = 0; i < 5_000; i++) {
      assertEquals(i, registry.intern("name" + i));
    }
    for (int i = 0; i < 5_000; i++) {
      char[] chars = ("name" + i).toCharArray();
      assertEquals(i, registry.find(chars, 0, chars.length));
    }
  }

  @Test
  void stopsGrowingWhenFull() {
    NameRegistry registry = new NameRegistry(2);
    registry.intern("a");
    registry.intern("b");

    assertEquals(NameRegistry.NOT_FOUND, registry.intern("c"));
    assertEquals(2, registry.size());
    assertNotEquals(NameRegistry.NOT_FOUND, registry.intern("a"));
  }
}
