package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that fire on one access (reading, or writing) of the files
 * they watch share, judged from a {@code security_file_open}'s {@code pathname} and {@code flags}
 * alone, as Tracee's tests of them feed it: Tracee's three cases, an open for reading and writing
 * firing too, the paths a signature does not watch, and the arguments it cannot read.
 *
 * <p>A concrete test names its signature, the access and the paths of Tracee's cases, and
 * declares {@code static Stream<String> pathsNotWatched()}: its near misses, each opened with
 * the access that fires, as a number and as text.
 */
abstract class OpenAccessContractTest extends SignatureTest {
  private final int firingFlags;
  private final String watchedPath;
  private final String anotherPath;

  /**
   * @param firingFlags {@code O_RDONLY} or {@code O_WRONLY}: Tracee's case opens the watched path
   *     with the other one, which does not fire
   * @param watchedPath the path of Tracee's case that fires
   * @param anotherPath the path of Tracee's case opened alike that does not
   */
  OpenAccessContractTest(Signature signature, int firingFlags, String watchedPath,
      String anotherPath) {
    super(signature);
    this.firingFlags = firingFlags;
    this.watchedPath = watchedPath;
    this.anotherPath = anotherPath;
  }

  /** A {@code security_file_open} without arguments, from where the signature looks. */
  EventBuilder fileOpen() {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER);
  }

  /** A {@code security_file_open} with only the two arguments the signature reads. */
  EventBuilder open(Object pathname, Object flags) {
    return fileOpen().arg("pathname", pathname).arg("flags", flags);
  }

  /** Feeds an open, and asserts that it alone fired, on its pathname. */
  void assertFires(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  /** Pathnames that are not text. */
  static Stream<Object> unreadablePathnames() {
    return Stream.of(null, 7L);
  }

  /** Flags that are neither a number nor Tracee's parsed text. */
  static Stream<Object> unreadableFlags() {
    return Stream.of(null, true, List.of("O_WRONLY"), List.of("O_RDONLY"));
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnTheWatchedAccess(OpenFlagsForm flags) {
      assertFires(watchedPath, flags.of(firingFlags));
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresTheOtherAccess(OpenFlagsForm flags) {
      assertSilent(open(watchedPath, flags.of(firingFlags == O_RDONLY ? O_WRONLY : O_RDONLY))
          .build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresTheWatchedAccessToAnotherPath(OpenFlagsForm flags) {
      assertSilent(open(anotherPath, flags.of(firingFlags)).build());
    }
  }

  @EachOpenFlagsForm
  void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
    assertFires(watchedPath, flags.of(O_RDWR));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("pathsNotWatched")
  void ignoresPathsItDoesNotWatch(String path) {
    assertSilent(open(path, firingFlags).build(),
        open(path, OpenFlagsForm.PARSED.of(firingFlags)).build());
  }

  @Test
  void countsAnOpenWithoutPathnameAsADataProblem() {
    assertDataProblem(fileOpen().arg("flags", firingFlags).build());
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("dev.sigil.signatures.tracee.OpenAccessContractTest#unreadablePathnames")
  void countsAnOpenWithAnUnreadablePathnameAsADataProblem(Object pathname) {
    assertDataProblem(open(pathname, firingFlags).build());
  }

  @Test
  void countsAnOpenWithoutFlagsAsADataProblem() {
    assertDataProblem(fileOpen().arg("pathname", watchedPath).build());
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("dev.sigil.signatures.tracee.OpenAccessContractTest#unreadableFlags")
  void countsAnOpenWithUnreadableFlagsAsADataProblem(Object flags) {
    assertDataProblem(open(watchedPath, flags).build());
  }
}
