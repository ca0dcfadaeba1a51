package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormaliserTest {
  @ParameterizedTest
  @CsvSource({
      "/a//b, /a/b",
      "/a/./b, /a/b",
      "/a/b/../c, /a/c",
      "/a/b/, /a/b",
      "/.., /",
      "/../../a, /a",
      "//, /",
      "/a/., /a",
      "/a/b/.., /a",
      "/a/..b/c, /a/..b/c",
      "/a/.b, /a/.b",
  })
  void resolvesLexically(String path, String normal) {
    StringBuilder out = new StringBuilder();
    assertTrue(PathNormaliser.normalise(path, out));
    assertEquals(normal, out.toString());
    assertFalse(PathNormaliser.isNormal(path) && !path.equals(normal));
    assertTrue(PathNormaliser.isNormal(normal));
    assertEquals(normal, PathNormaliser.normalised(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/a", "/a/b", "/a/..b", "/a/b.", "/proc/1/root/x"})
  void recognisesNormalPaths(String path) {
    assertTrue(PathNormaliser.isNormal(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "./a", "memfd:x"})
  void leavesRelativePathsAlone(String path) {
    assertFalse(PathNormaliser.isNormal(path));
    assertFalse(PathNormaliser.normalise(path, new StringBuilder("junk")));
    assertEquals(path, PathNormaliser.normalised(path));
  }
}
