package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that watch a file being opened (for writing, or for reading)
 * share beyond Tracee's three cases, on opens as Tracee prints them ({@link OpenFlagsForm#open}):
 * how the signature reads an open's arguments. A concrete test names its signature, the access and
 * the paths of Tracee's cases, and keeps the cases that are its own.
 */
abstract class FileOpenContractTest extends TraceeOpenCasesTest {
  /** Which of an open's two arguments a signature, like its Tracee original, reads first. */
  enum ReadOrder {
    /** The pathname, then the flags: an open it ignores without a pathname is a data problem. */
    PATHNAME_FIRST,
    /** The flags, then the pathname of an open it watches only: it ignores the others unread. */
    FLAGS_FIRST
  }

  private final ReadOrder readOrder;

  /**
   * See {@link TraceeOpenCasesTest}.
   *
   * @param readOrder which of an open's arguments the signature reads first
   */
  FileOpenContractTest(Signature signature, @Nullable Origin selected, ReadOrder readOrder,
      int firingFlags, String watchedPath, String anotherPath) {
    super(signature, selected, firingFlags, watchedPath, anotherPath);
    this.readOrder = readOrder;
  }

  /** {@link OpenFlagsForm#open}: an open with Tracee's other arguments, in a started container. */
  @Override
  EventBuilder openPrinted(OpenFlagsForm form, String pathname, int flags) {
    return form.open(pathname, flags);
  }

  /** An event without arguments, from a started container, which every file watch selects. */
  EventBuilder event(String eventName) {
    return EventBuilder.event(eventName).origin(Origin.CONTAINER);
  }

  /**
   * Feeds an open of the path, its flags printed in the form, and asserts that it alone fired,
   * on its pathname.
   */
  void assertOpenFires(OpenFlagsForm form, String pathname, int flags) {
    assertFires(form.open(pathname, flags).build(), "pathname", pathname);
  }

  /** Feeds an open of each path, its flags printed in the form, and asserts that none fired. */
  void assertOpensIgnored(OpenFlagsForm form, int flags, String... pathnames) {
    for (String pathname : pathnames) {
      harness.feed(form.open(pathname, flags).build());
    }
    assertNoFinding();
  }

  /** Rows of a table of paths that fire, for one reason: {@code (path, true, why)}. */
  static Stream<Arguments> fire(String why, String... paths) {
    return Arrays.stream(paths).map(path -> Arguments.of(path, true, why));
  }

  /** Rows of a table of paths that do not fire, for one reason: {@code (path, false, why)}. */
  static Stream<Arguments> ignore(String why, String... paths) {
    return Arrays.stream(paths).map(path -> Arguments.of(path, false, why));
  }

  /** Flags that are neither a number nor Tracee's parsed text of one. */
  static Stream<Object> unreadableFlags() {
    return Stream.of("O_ACCMODE", "o_wronly", "O_WRONLY|O_BOGUS", "", null, true,
        List.of("O_WRONLY"), Map.of("value", 1));
  }

  @EachOpenFlagsForm
  void findsArgumentsByNameInAnyOrder(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("flags", form.of(firingFlags)).arg("inode", 3L)
        .arg("pathname", watchedPath).build());
    assertFiredWithoutData(watchedPath);
  }

  @EachOpenFlagsForm
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate(OpenFlagsForm form) {
    harness.feed(form.open(watchedPath, firingFlags).build(),
        form.open(watchedPath, firingFlags).build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(event("security_file_open").arg("pathname", watchedPath).build());
    assertNoFindingButOneDataProblem();
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("dev.sigil.signatures.tracee.FileOpenContractTest#unreadableFlags")
  void countsUnreadableFlagsAsDataProblem(Object flags) {
    harness.feed(event("security_file_open").arg("pathname", watchedPath).arg("flags", flags)
        .build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsMissingPathnameOfAnIgnoredOpenAsDataProblemOnlyIfReadFirst(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("flags", form.of(ignoredFlags())).build());
    if (readOrder == ReadOrder.PATHNAME_FIRST) {
      assertNoFindingButOneDataProblem();
    } else {
      assertNoFinding();
    }
  }

  @EachOpenFlagsForm
  void countsMissingPathnameOfTheWatchedAccessAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("flags", form.of(firingFlags)).build());
    assertNoFindingButOneDataProblem();
  }
}
