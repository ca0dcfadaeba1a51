package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.Test;

/**
 * OpenedFile parses flags text once while it repeats, and still reads every event's own flags:
 * through TRC-1011, which fires on a write-open of the core pattern whatever else is set.
 */
class OpenedFileTest extends SignatureTest {
  private static final String CORE_PATTERN = "/proc/sys/kernel/core_pattern";
  // Longer than the text OpenedFile remembers, so parsed every time.
  private static final String LONG_WRITE =
      "O_WRONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_DSYNC|O_CLOEXEC";
  private static final String LONG_READ =
      "O_RDONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_DSYNC|O_CLOEXEC";

  OpenedFileTest() {
    super(new CorePatternModification());
  }

  private static Event open(Object flags) {
    return EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
        .arg("pathname", CORE_PATTERN).arg("flags", flags).build();
  }

  @Test
  void readsEachEventsOwnFlagsWhenTheirTextsAlternate() {
    harness.feed(open("O_WRONLY"), open("O_WRONLY"), open("O_RDONLY"), open("O_WRONLY"),
        open("O_RDONLY|O_LARGEFILE"), open(1L), open("O_RDONLY"), open(0L), open("O_RDWR"));

    assertEquals(5, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @Test
  void readsFlagsTextLongerThanItRemembers() {
    harness.feed(open(LONG_WRITE), open(LONG_READ), open(LONG_WRITE), open(LONG_READ));

    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsUnreadableTextAfterReadableTextAsADataProblem() {
    harness.feed(open("O_WRONLY"), open("O_BOGUS"), open("O_WRONLY"));

    assertEquals(2, harness.findings().size());
    assertEquals(1, harness.stats().dataProblems());
  }
}
