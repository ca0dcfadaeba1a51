package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcMemCodeInjectionTest extends SignatureTest {
  private static final long O_WRONLY = 1;
  private static final long O_RDWR = 2;
  private static final long O_CREAT = 0100;
  private static final long O_CLOEXEC = 02000000;
  private static final long O_LARGEFILE = 0100000;

  ProcMemCodeInjectionTest() {
    super(new ProcMemCodeInjection());
  }

  /** Write-only flags as Tracee prints them: the number, or parsed. */
  static Stream<Object> writeOnly() {
    return Stream.of(O_WRONLY, "O_WRONLY");
  }

  /** Read-only flags in both printed forms. */
  static Stream<Object> readOnly() {
    return Stream.of(0L, "O_RDONLY", O_LARGEFILE, "O_RDONLY|O_LARGEFILE");
  }

  /** Flags that open for writing, in both printed forms. */
  static Stream<Object> writing() {
    return Stream.of(O_WRONLY, "O_WRONLY", O_RDWR, "O_RDWR", O_RDWR | O_CLOEXEC,
        "O_RDWR|O_CLOEXEC", O_WRONLY | O_CREAT, "O_WRONLY|O_CREAT");
  }

  private static EventBuilder open(String pathname, Object flags) {
    return EventBuilder.event("security_file_open").arg("pathname", pathname).arg("flags", flags)
        .arg("dev", 4L).arg("inode", 16_000L).arg("ctime", 1L).arg("syscall_pathname", pathname);
  }

  /** Each path with each of the flags that write: one of the two patterns matches it, or both. */
  static Stream<Arguments> writesEitherPatternMatches() {
    return Stream.of(
        Arguments.of("/proc/self/mem", "only newer Tracee's (?:\\d+|self) matches"),
        Arguments.of("/proc/1/mem",
            "v0.24.1's \\d.+ needs two characters, newer Tracee's \\d+ matches"),
        Arguments.of("/proc/4242/task/4243/mem", "only v0.24.1's \\d.+ matches"),
        Arguments.of("/proc/543/mem", "both patterns match"))
        .flatMap(row -> writing().map(flags -> Arguments.of(row.get()[0], flags, row.get()[1])));
  }

  /** An open with only the two arguments Tracee's test gives it. */
  private static Event bareOpen(Object flags, String pathname) {
    return EventBuilder.event("security_file_open").arg("flags", flags).arg("pathname", pathname)
        .build();
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.ProcMemCodeInjectionTest#writeOnly")
    @DisplayName("should trigger detection")
    void firesOnWritingAnotherProcessesMemFile(Object flags) {
      assertFires(bareOpen(flags, "/proc/543/mem"), "pathname", "/proc/543/mem");
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.ProcMemCodeInjectionTest#readOnly")
    @DisplayName("should not trigger detection - wrong open flags")
    void ignoresReadingAMemFile(Object flags) {
      assertSilent(bareOpen(flags, "/proc/543/mem"));
    }

    @ParameterizedTest(name = "flags printed as {0}")
    @MethodSource("dev.sigil.signatures.tracee.ProcMemCodeInjectionTest#writeOnly")
    @DisplayName("should not trigger detection - wrong path")
    void ignoresWritingAMemFileOutsideProc(Object flags) {
      assertSilent(bareOpen(flags, "/var/543/mem"));
    }
  }

  @ParameterizedTest(name = "{0} opened {1}: {2}")
  @MethodSource("writesEitherPatternMatches")
  @DisplayName("Sigil fires when either Tracee's v0.24.1 or newer Tracee's pattern matches")
  void firesWhenEitherPatternMatches(String path, Object flags, String why) {
    harness.feed(open(path, flags).build());
    assertEquals(1, harness.findings().size());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
      "/host/proc/543/mem", // neither pattern is anchored at the start, as Go's MatchString searches
      "/proc/1a/mem", // v0.24.1's \d.+ takes any characters after the first digit
      "/proc/12/../13/mem",
      "/proc/1\r2/mem", // RE2's '.' takes every character but '\n'
      "/proc/1\u20282/mem",
  })
  void firesOnPathsEitherPatternTakes(String pathname) {
    harness.feed(open(pathname, O_WRONLY).build(), open(pathname, "O_WRONLY").build());

    assertEquals(2, harness.findings().size());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
      "/proc/543/mem\n", // RE2's '$' is the very end of the text, not before a final '\n'
      "/proc/1\n2/mem",
      "/proc/543/mem/x",
      "/proc/543/memory",
      "/proc/543/maps",
      "/proc/543/environ",
      "/proc/mem",
      "/proc//mem",
      "/proc/abc/mem",
      "/proc/self/task/7/mem", // neither pattern takes self's threads
      "/proc/self/mem/../mem",
      "/proc/thread-self/mem",
      "/proc/SELF/mem",
      "proc/543/mem",
      "/PROC/543/mem",
      "/proc/543/MEM",
      "",
  })
  void ignoresPathsNeitherPatternTakes(String pathname) {
    assertSilent(open(pathname, O_WRONLY).build(), open(pathname, "O_WRONLY").build(),
        open(pathname, O_RDWR).build(), open(pathname, "O_RDWR").build());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(open("/proc/543/mem", O_WRONLY).origin(origin).build(),
        open("/proc/self/mem", "O_RDWR").origin(origin).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void readsTheOldDeclaredTypesOfTracee() {
    harness.feed(EventBuilder.event("security_file_open")
        .arg("pathname", "const char*", "/proc/543/mem").arg("flags", "int", O_RDWR).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void aMatcherReusedAcrossEventsForgetsThePreviousPath() {
    harness.feed(open("/proc/543/mem", O_WRONLY).build(), open("/proc/543/maps", O_WRONLY).build(),
        open("/proc/self/mem", O_WRONLY).build(), open("/etc/passwd", O_WRONLY).build());

    assertEquals(2, harness.findings().size());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(open("/proc/543/mem", O_WRONLY).build(), open("/proc/543/mem", O_WRONLY).build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void countsMissingPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("flags", O_WRONLY).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", 543L)
        .arg("flags", O_WRONLY).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullPathnameAsDataProblem() {
    harness.feed(open(null, "O_WRONLY").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", "/proc/543/mem").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullFlagsAsDataProblem() {
    harness.feed(open("/proc/543/mem", null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsUnparseableFlagsTextAsDataProblem() {
    harness.feed(open("/proc/543/mem", "O_WRONLY|O_BOGUS").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsFlagsOfWrongKindAsDataProblem() {
    harness.feed(open("/proc/543/mem", true).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsAnEventMissingBothArgumentsOnce() {
    harness.feed(EventBuilder.event("security_file_open").build());
    assertNoFindingButOneDataProblem();
  }

}
