package dev.sigil.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DispatchTableTest {
  private static final int ANY = DispatchTable.ANY;

  @Test
  void anEventReachesEveryHandlerWithAMatchingSelectorOnceInRegistrationOrder() {
    DispatchTable<String> table = DispatchTable.builder(3, String[]::new)
        .select("exec-host", 5, 0)
        .select("everything", ANY, ANY)
        .select("container", ANY, 2)
        .select("exec-any", 5, ANY)
        .select("exec-host", 5, ANY) // a second matching selector does not deliver twice
        .build();

    assertArrayEquals(new String[] {"exec-host", "everything", "exec-any"}, table.select(5, 0));
    assertArrayEquals(new String[] {"exec-host", "everything", "container", "exec-any"},
        table.select(5, 2));
    assertArrayEquals(new String[] {"everything"}, table.select(4, 0));
  }

  @Test
  void typesNoSelectorNamesReachOnlyWildcards() {
    DispatchTable<String> table = DispatchTable.builder(3, String[]::new)
        .select("exec", 5, ANY)
        .select("container", ANY, 2)
        .build();

    assertArrayEquals(new String[] {"container"}, table.select(-1, 2));
    assertArrayEquals(new String[] {"container"}, table.select(999, 2));
    assertArrayEquals(new String[0], table.select(999, 0));
    assertSame(table.select(999, 2), table.select(3, 2), "rows equal to the wildcard row are shared");
  }

  @Test
  void rejectsOriginsOutsideTheRange() {
    DispatchTable.Builder<String> builder = DispatchTable.builder(3, String[]::new);

    assertThrows(IllegalArgumentException.class, () -> builder.select("x", 1, 3));
  }
}
