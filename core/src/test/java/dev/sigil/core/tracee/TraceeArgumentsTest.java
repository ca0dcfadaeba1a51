package dev.sigil.core.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TraceeArgumentsTest {
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final ArgKey REQUEST = ArgKey.of("request");
  private static final ArgKey ALERT = ArgKey.of("alert");
  private static final ArgKey PROT = ArgKey.of("prot");
  private static final long ABSENT = -1;

  private static Event withArg(String name, Object value) {
    return EventBuilder.event("test").arg(name, value).build();
  }

  /** The readers of Tracee's printed argument forms, each with the argument it reads. */
  enum Form {
    OPEN_FLAGS(FLAGS, TraceeArguments::openFlags),
    PTRACE_REQUEST(REQUEST, TraceeArguments::ptraceRequest),
    MEM_PROT_ALERT(ALERT, TraceeArguments::memProtAlert),
    PROTECTION(PROT, TraceeArguments::protection);

    /** The shape of every reader: the event, the argument's key, the value when absent. */
    @FunctionalInterface
    interface Reader {
      long read(Event event, ArgKey key, long absent);
    }

    private final ArgKey key;
    private final Reader reader;

    Form(ArgKey key, Reader reader) {
      this.key = key;
      this.reader = reader;
    }

    /** Reads this form's argument of an event. */
    long read(Event event) {
      return reader.read(event, key, ABSENT);
    }

    /** Reads an event whose only argument, named as this form's, holds the value. */
    long readArg(Object value) {
      return read(withArg(key.name(), value));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "OPEN_FLAGS, O_RDONLY, 0",
    "OPEN_FLAGS, O_WRONLY, 1",
    "OPEN_FLAGS, O_RDWR, 2",
    "OPEN_FLAGS, O_RDONLY|O_LARGEFILE, 32768",
    "OPEN_FLAGS, O_WRONLY|O_CREAT, 65",
    "OPEN_FLAGS, O_WRONLY|O_CREAT|O_TRUNC, 577",
    "OPEN_FLAGS, O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 524482",
    "OPEN_FLAGS, O_RDONLY|O_NONBLOCK|O_LARGEFILE|O_DIRECTORY|O_CLOEXEC, 624640",
    "OPEN_FLAGS, O_WRONLY|O_APPEND|O_DSYNC|O_SYNC, 1053697",
    "OPEN_FLAGS, O_RDWR|O_DIRECTORY|O_TMPFILE, 4259842",
    "OPEN_FLAGS, O_RDONLY|O_NOCTTY|FASYNC|O_DIRECT|O_NOFOLLOW|O_NOATIME|O_PATH, 8806656",
    "PTRACE_REQUEST, PTRACE_TRACEME, 0",
    "PTRACE_REQUEST, PTRACE_PEEKUSER, 3",
    "PTRACE_REQUEST, PTRACE_POKETEXT, 4",
    "PTRACE_REQUEST, PTRACE_POKEDATA, 5",
    "PTRACE_REQUEST, PTRACE_POKEUSER, 6",
    "PTRACE_REQUEST, PTRACE_ATTACH, 16",
    "PTRACE_REQUEST, PTRACE_SINGLEBLOCK, 33",
    "PTRACE_REQUEST, PTRACE_PEEKMTETAGS, 33",
    "PTRACE_REQUEST, PTRACE_POKEMTETAGS, 34",
    "PTRACE_REQUEST, PTRACE_SETOPTIONS, 16896",
    "PTRACE_REQUEST, PTRACE_SEIZE, 16902",
    "PTRACE_REQUEST, PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG, 16913",
    "MEM_PROT_ALERT, 'Mmaped region with W+E permissions!', 1",
    "MEM_PROT_ALERT, 'Protection changed to Executable!', 2",
    "MEM_PROT_ALERT, 'Protection changed from E to W+E!', 3",
    "MEM_PROT_ALERT, 'Protection changed from W to E!', 4",
    "MEM_PROT_ALERT, 'Protection changed from W+E to E!', 4",
    "PROTECTION, PROT_NONE, 0",
    "PROTECTION, PROT_READ, 1",
    "PROTECTION, PROT_READ|PROT_WRITE, 3",
    "PROTECTION, PROT_READ|PROT_EXEC, 5",
    "PROTECTION, PROT_WRITE|PROT_EXEC, 6",
    "PROTECTION, PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM, 15",
    "PROTECTION, PROT_READ|PROT_GROWSDOWN, 16777217",
    "PROTECTION, PROT_READ|PROT_GROWSUP, 33554433",
  })
  void textReadsAsTheNumberTraceePrintedItFrom(Form form, String text, long number) {
    assertEquals(number, form.readArg(text));
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void numbersReadAsThemselves(Form form) {
    for (long number : new long[] {0, 1, 4, 5, 577}) {
      assertEquals(number, form.readArg(number), "number " + number);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "OPEN_FLAGS, ''",
    "OPEN_FLAGS, O_CREAT",
    "OPEN_FLAGS, O_CREAT|O_WRONLY",
    "OPEN_FLAGS, O_WRONLY|",
    "OPEN_FLAGS, |O_WRONLY",
    "OPEN_FLAGS, O_WRONLY||O_CREAT",
    "OPEN_FLAGS, O_WRONLY|O_RDWR",
    "OPEN_FLAGS, O_WRONLY|O_CREAT|O_CREAT",
    "OPEN_FLAGS, O_WRONLY|O_BOGUS",
    "OPEN_FLAGS, o_wronly",
    "OPEN_FLAGS, 'O_WRONLY |O_CREAT'",
    "OPEN_FLAGS, 577",
    "OPEN_FLAGS, O_ACCMODE",
    "PTRACE_REQUEST, ''",
    "PTRACE_REQUEST, PTRACE_BOGUS",
    "PTRACE_REQUEST, ptrace_poketext",
    "PTRACE_REQUEST, PTRACE_POKETEXT|PTRACE_POKEDATA",
    "PTRACE_REQUEST, PTRACE_PEEKUSR",
    "PTRACE_REQUEST, ' PTRACE_POKETEXT'",
    "PTRACE_REQUEST, -1",
    "PTRACE_REQUEST, +4",
    "PTRACE_REQUEST, 0x4",
    "PTRACE_REQUEST, '4 '",
    "PTRACE_REQUEST, 18446744073709551616",
    "PTRACE_REQUEST, 99999999999999999999",
    "PTRACE_REQUEST, 000000000000000000004",
    "MEM_PROT_ALERT, ''",
    "MEM_PROT_ALERT, Unknown alert",
    "MEM_PROT_ALERT, Protection changed from W to E",
    "MEM_PROT_ALERT, protection changed from W to E!",
    "MEM_PROT_ALERT, 'Protection changed from W to E! '",
    "MEM_PROT_ALERT, 4",
    "PROTECTION, ''",
    "PROTECTION, PROT_NONE|PROT_READ",
    "PROTECTION, PROT_READ|PROT_NONE",
    "PROTECTION, PROT_READ|",
    "PROTECTION, |PROT_READ",
    "PROTECTION, PROT_READ||PROT_EXEC",
    "PROTECTION, PROT_READ|PROT_READ",
    "PROTECTION, PROT_RWX",
    "PROTECTION, prot_read",
    "PROTECTION, 5",
  })
  void textThatTraceeDoesNotPrintReadsAsAbsent(Form form, String text) {
    assertEquals(ABSENT, form.readArg(text));
  }

  @Test
  void bothFormsOfTheSameOpenFlagsAgree() {
    long fromText = TraceeArguments.openFlags(withArg("flags", "O_WRONLY|O_CREAT"), FLAGS, ABSENT);
    long fromNumber = TraceeArguments.openFlags(withArg("flags", 65L), FLAGS, ABSENT);
    assertEquals(fromNumber, fromText);
  }

  @Test
  void openFlagsAreReadFromSecurityFileOpenEventsBuiltAsTheBriefSays() {
    Event event = EventBuilder.event("security_file_open").arg("flags", "O_WRONLY|O_CREAT").build();
    assertEquals(65, TraceeArguments.openFlags(event, FLAGS, ABSENT));
  }

  @Test
  void writeOnlyFlagsAreWriteButNotRead() {
    long flags = TraceeArguments.openFlags(withArg("flags", "O_WRONLY|O_CREAT"), FLAGS, ABSENT);
    assertTrue(TraceeArguments.isFileWrite(flags));
    assertFalse(TraceeArguments.isFileRead(flags));
  }

  @Test
  void readOnlyFlagsAreReadButNotWrite() {
    long flags = TraceeArguments.openFlags(withArg("flags", "O_RDONLY|O_LARGEFILE"), FLAGS, ABSENT);
    assertTrue(TraceeArguments.isFileRead(flags));
    assertFalse(TraceeArguments.isFileWrite(flags));
  }

  @Test
  void readWriteFlagsAreBothReadAndWrite() {
    long flags = TraceeArguments.openFlags(withArg("flags", "O_RDWR"), FLAGS, ABSENT);
    assertTrue(TraceeArguments.isFileRead(flags));
    assertTrue(TraceeArguments.isFileWrite(flags));
    assertTrue(TraceeArguments.isFileRead(2 | 0100));
    assertTrue(TraceeArguments.isFileWrite(2 | 0100));
  }

  @Test
  void flagsOtherThanTheAccessModeDoNotMakeAFileWritten() {
    assertFalse(TraceeArguments.isFileWrite(0100 | 01000 | 02000));
    assertTrue(TraceeArguments.isFileRead(0100 | 01000 | 02000));
  }

  @Test
  void anAbsentValueOfMinusOneIsNeitherReadNorWrite() {
    long flags = TraceeArguments.openFlags(withArg("flags", "O_BOGUS"), FLAGS, -1);
    assertFalse(TraceeArguments.isFileRead(flags));
    assertFalse(TraceeArguments.isFileWrite(flags));
  }

  @Test
  void anUnnamedPtraceRequestPrintedInDecimalReadsAsItsNumber() {
    assertEquals(10, TraceeArguments.ptraceRequest(withArg("request", "10"), REQUEST, ABSENT));
    assertEquals(Long.MAX_VALUE, TraceeArguments.ptraceRequest(
        withArg("request", "9223372036854775807"), REQUEST, ABSENT));
    // Tracee prints a negative request as its unsigned value; it reads back as the same long.
    assertEquals(-1L, TraceeArguments.ptraceRequest(
        withArg("request", "18446744073709551615"), REQUEST, ABSENT));
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void aMissingNullBooleanOrBytesArgumentReadsAsAbsent(Form form) {
    assertEquals(ABSENT, form.read(EventBuilder.event("test").arg("other", 5L).build()), "missing");
    assertEquals(ABSENT, form.readArg(null), "null");
    assertEquals(ABSENT, form.readArg(true), "true");
    assertEquals(ABSENT, form.readArg(false), "false");
    assertEquals(ABSENT, form.readArg(new byte[] {1, 2, 3}), "bytes");
  }

  @Test
  void aListOfStringsArgumentReadsAsAbsent() {
    Event event = withArg("flags", List.of("O_RDONLY"));
    assertEquals(ABSENT, TraceeArguments.openFlags(event, FLAGS, ABSENT));
  }

  @Test
  void anUndecodableArgumentReadsAsAbsent() {
    Event event = EventBuilder.event("test").invalidArg("flags", "string").build();
    assertEquals(ABSENT, TraceeArguments.openFlags(event, FLAGS, ABSENT));
  }

  @Test
  void theAbsentValueIsTheCallersChoice() {
    assertEquals(42, TraceeArguments.openFlags(withArg("flags", "nonsense"), FLAGS, 42));
    assertEquals(Long.MIN_VALUE,
        TraceeArguments.protection(withArg("prot", ""), PROT, Long.MIN_VALUE));
  }

  @Test
  void aReusedEventParsesEachEventsOwnFlags() {
    String lines = line("O_WRONLY|O_CREAT") + line("O_RDONLY") + line("nonsense") + line("O_RDWR");
    List<Long> read = new java.util.ArrayList<>();
    TraceeReader.builder().build().read(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        0, lines.length(), event -> {
          long first = TraceeArguments.openFlags(event, FLAGS, ABSENT);
          assertEquals(first, TraceeArguments.openFlags(event, FLAGS, ABSENT), "read twice");
          assertEquals(first == ABSENT ? 42 : first, TraceeArguments.openFlags(event, FLAGS, 42),
              "the absent value stays the caller's after the first read");
          read.add(first);
        });
    assertEquals(List.of(0101L, 0L, ABSENT, 2L), read);
  }

  private static String line(String flags) {
    return "{\"timestamp\":1,\"eventName\":\"security_file_open\",\"args\":[{\"name\":\"flags\","
        + "\"type\":\"int\",\"value\":\"" + flags + "\"}]}\n";
  }
}
