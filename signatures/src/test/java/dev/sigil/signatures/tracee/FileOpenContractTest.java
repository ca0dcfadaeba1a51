package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that watch a file being opened (for writing, or for reading)
 * share, on opens as Tracee prints them ({@link OpenFlagsForm#open}): Tracee's three cases, and
 * how the signature reads an open's arguments. A concrete test names its signature, the access and
 * the paths of Tracee's cases, and keeps the cases that are its own.
 */
abstract class FileOpenContractTest extends SignatureTest {
  private final Origin origin;
  private final int firingFlags;
  /** The path of Tracee's case that fires. */
  final String watchedPath;
  /** The path of Tracee's case that does not. */
  final String anotherPath;

  /**
   * @param origin where the events without Tracee's other arguments come from: a started
   *     container for a signature that selects only those, the host for one that selects any
   * @param firingFlags {@code O_WRONLY} or {@code O_RDONLY}: Tracee's case opens the watched path
   *     with the other one, which does not fire
   * @param watchedPath the path of Tracee's case that fires
   * @param anotherPath the path of Tracee's case opened alike that does not
   */
  FileOpenContractTest(Signature signature, Origin origin, int firingFlags, String watchedPath,
      String anotherPath) {
    super(signature);
    this.origin = origin;
    this.firingFlags = firingFlags;
    this.watchedPath = watchedPath;
    this.anotherPath = anotherPath;
  }

  /** An event without arguments, from where the signature looks. */
  EventBuilder event(String eventName) {
    return EventBuilder.event(eventName).origin(origin);
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

  @Nested
  @DisplayName("Tracee's test cases of security_file_open")
  class TraceeOpenCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnTheWatchedOpen(OpenFlagsForm form) {
      assertOpenFires(form, watchedPath, firingFlags);
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresTheWatchedPathOpenedOtherwise(OpenFlagsForm form) {
      harness.feed(form.open(watchedPath, firingFlags == O_WRONLY ? O_RDONLY : O_WRONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresAnotherPathOpenedAlike(OpenFlagsForm form) {
      harness.feed(form.open(anotherPath, firingFlags).build());
      assertNoFinding();
    }
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
  void countsMissingPathnameOfTheWatchedAccessAsDataProblem(OpenFlagsForm form) {
    harness.feed(event("security_file_open").arg("flags", form.of(firingFlags)).build());
    assertNoFindingButOneDataProblem();
  }
}
