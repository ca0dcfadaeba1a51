package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Properties of path normalisation and storage-root matching on arbitrary input. Without
 * {@code JAZZER_FUZZ=1} it replays its seeds as a regression test; with it, it fuzzes.
 */
class PathMatchingFuzzTest {
  private static final StorageRoots ROOTS = StorageRoots.withExtra(List.of("x=/data/*/rootfs/"));

  @FuzzTest(maxDuration = "30s")
  void normalFormIsNormalIdempotentAndMatchesLikeItsSource(String path) {
    if (path == null) {
      return;
    }
    StringBuilder out = new StringBuilder();
    if (!PathNormaliser.normalise(path, out)) {
      return;
    }
    String normal = out.toString();
    assertTrue(PathNormaliser.isNormal(normal), () -> "not normal: '" + normal + "' from '" + path + "'");
    assertEquals(normal, PathNormaliser.normalised(normal));
    if (PathNormaliser.isNormal(path)) {
      assertEquals(path, normal, "a normal path normalises to itself");
    }
    int root = ROOTS.match(normal);
    if (root >= 0) {
      String inside = ROOTS.containerPath(root, normal);
      assertTrue(inside == null || (inside.startsWith("/") && inside.length() > 1 && normal.endsWith(inside)),
          () -> "container path '" + inside + "' of '" + normal + "'");
    }
  }
}
