package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tracee's three test cases of a signature that watches files being opened for one access
 * (reading, or writing): the watched path opened for that access fires; opened for the other,
 * it does not; another path opened alike does not. Each in both printed flag forms. And the
 * check of the origin its Tracee selectors name: the watched open fires from that origin alone,
 * and is not even given the signature from the others.
 */
abstract class TraceeOpenCasesTest extends SignatureTest {
  /** The open flags of the access that fires. */
  final int firingFlags;
  /** The path of Tracee's case that fires. */
  final String watchedPath;
  /** The path of Tracee's case that does not. */
  final String anotherPath;
  private final @Nullable Origin selected;

  /**
   * @param selected the origin the signature selects, e.g. {@link Origin#CONTAINER} for Tracee's
   *     {@code container} selectors; null for any
   * @param firingFlags {@code O_RDONLY} or {@code O_WRONLY}: Tracee's case opens the watched path
   *     with the other one, which does not fire
   * @param watchedPath the path of Tracee's case that fires
   * @param anotherPath the path of Tracee's case opened alike that does not
   */
  TraceeOpenCasesTest(Signature signature, @Nullable Origin selected, int firingFlags,
      String watchedPath, String anotherPath) {
    super(signature);
    this.selected = selected;
    this.firingFlags = firingFlags;
    this.watchedPath = watchedPath;
    this.anotherPath = anotherPath;
  }

  /** An open of the path, its flags printed in the form, as the signature's tests build one. */
  abstract EventBuilder openPrinted(OpenFlagsForm form, String pathname, int flags);

  /** The access of Tracee's case that does not fire: the other of reading and writing. */
  int ignoredFlags() {
    return firingFlags == O_WRONLY ? O_RDONLY : O_WRONLY;
  }

  /** Each printed flag form with each origin. */
  static Stream<Arguments> formsAndOrigins() {
    return Arrays.stream(OpenFlagsForm.values())
        .flatMap(form -> Arrays.stream(Origin.values()).map(origin -> Arguments.of(form, origin)));
  }

  @ParameterizedTest(name = "flags printed as {0}, from {1}")
  @MethodSource("dev.sigil.signatures.tracee.TraceeOpenCasesTest#formsAndOrigins")
  void firesOnlyFromTheOriginItSelects(OpenFlagsForm form, Origin origin) {
    Event event = openPrinted(form, watchedPath, firingFlags).origin(origin).build();
    if (selected == null || origin == selected) {
      assertFires(event, "pathname", watchedPath);
    } else {
      assertNotDispatched(event);
    }
  }

  @Nested
  @DisplayName("Tracee's test cases of security_file_open")
  class TraceeOpenCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection")
    void firesOnTheWatchedAccess(OpenFlagsForm form) {
      assertFires(openPrinted(form, watchedPath, firingFlags).build(), "pathname", watchedPath);
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresTheOtherAccess(OpenFlagsForm form) {
      assertSilent(openPrinted(form, watchedPath, ignoredFlags()).build());
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - wrong path")
    void ignoresTheWatchedAccessToAnotherPath(OpenFlagsForm form) {
      assertSilent(openPrinted(form, anotherPath, firingFlags).build());
    }
  }
}
