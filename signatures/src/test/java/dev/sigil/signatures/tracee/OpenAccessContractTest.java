package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that fire on one access (reading, or writing) of the files
 * they watch share, judged from a {@code security_file_open}'s {@code pathname} and {@code flags}
 * alone, as Tracee's tests of them feed it, beyond Tracee's three cases: an open for reading and
 * writing firing too, the paths a signature does not watch, and the arguments it cannot read.
 *
 * <p>A concrete test names its signature, the origin it selects, the access and the paths of
 * Tracee's cases, and declares two tables: {@code static Stream<Arguments> opensWatched()}, rows
 * of {@link #fires}, the opens beyond Tracee's that fire; and
 * {@code static Stream<String> pathsNotWatched()}, its near misses, each opened with the access
 * that fires, as a number and as text.
 */
abstract class OpenAccessContractTest extends TraceeOpenCasesTest {
  /** An argument left out, in {@link #unreadableArguments()}. */
  private static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "missing";
    }
  };

  /** See {@link TraceeOpenCasesTest}. */
  OpenAccessContractTest(Signature signature, @Nullable Origin selected, int firingFlags,
      String watchedPath, String anotherPath) {
    super(signature, selected, firingFlags, watchedPath, anotherPath);
  }

  /** A {@code security_file_open} without arguments, from where the signature looks. */
  EventBuilder fileOpen() {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER);
  }

  /** A {@code security_file_open} with only the two arguments the signature reads. */
  EventBuilder open(Object pathname, Object flags) {
    return fileOpen().arg("pathname", pathname).arg("flags", flags);
  }

  /** {@link #open}, with the flags printed in the form. */
  @Override
  EventBuilder openPrinted(OpenFlagsForm form, String pathname, int flags) {
    return open(pathname, form.of(flags));
  }

  /** Feeds an open, and asserts that it alone fired, on its pathname. */
  void assertFires(String pathname, Object flags) {
    assertFires(open(pathname, flags).build(), "pathname", pathname);
  }

  /**
   * Rows of a table of opens that fire, for one reason: {@code (path, flags, why, form)}, one row
   * per printed flag form.
   */
  static Stream<Arguments> fires(String why, String path, int flags) {
    return Arrays.stream(OpenFlagsForm.values()).map(form -> Arguments.of(path, flags, why, form));
  }

  /**
   * Each argument left out, or given a value it cannot be read from: a pathname that is not
   * text, flags that are neither a number nor Tracee's parsed text.
   */
  static Stream<Arguments> unreadableArguments() {
    return Stream.of(
        Arguments.of("pathname", MISSING), Arguments.of("pathname", null),
        Arguments.of("pathname", 7L),
        Arguments.of("flags", MISSING), Arguments.of("flags", null), Arguments.of("flags", true),
        Arguments.of("flags", List.of("O_WRONLY")), Arguments.of("flags", List.of("O_RDONLY")));
  }

  /**
   * The open of Tracee's firing case, but with the argument given the value, or left out if the
   * value is {@link #MISSING}.
   */
  private Event firingOpenWith(String argument, Object value) {
    boolean pathname = argument.equals("pathname");
    if (value == MISSING) {
      return pathname ? fileOpen().arg("flags", firingFlags).build()
          : fileOpen().arg("pathname", watchedPath).build();
    }
    return pathname ? open(value, firingFlags).build() : open(watchedPath, value).build();
  }

  @EachOpenFlagsForm
  void firesOnOpenForReadingAndWriting(OpenFlagsForm flags) {
    assertFires(watchedPath, flags.of(O_RDWR));
  }

  @ParameterizedTest(name = "{2}: {0}, flags printed as {3}")
  @MethodSource("opensWatched")
  void firesOnEachOpenItWatches(String path, int flags, String why, OpenFlagsForm form) {
    assertFires(path, form.of(flags));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("pathsNotWatched")
  void ignoresPathsItDoesNotWatch(String path) {
    assertSilent(open(path, firingFlags).build(),
        open(path, OpenFlagsForm.PARSED.of(firingFlags)).build());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("dev.sigil.signatures.tracee.OpenAccessContractTest#unreadableArguments")
  void countsAnOpenWithAnArgumentItCannotReadAsADataProblem(String argument, Object value) {
    assertDataProblem(firingOpenWith(argument, value));
  }
}
