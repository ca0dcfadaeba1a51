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
import org.junit.jupiter.params.provider.ValueSource;

class TraceeArgumentsTest {
  private static final ArgKey FLAGS = ArgKey.of("flags");
  private static final ArgKey REQUEST = ArgKey.of("request");
  private static final ArgKey ALERT = ArgKey.of("alert");
  private static final ArgKey PROT = ArgKey.of("prot");
  private static final long ABSENT = -1;

  private static Event withArg(String name, Object value) {
    return EventBuilder.event("test").arg(name, value).build();
  }

  @ParameterizedTest
  @CsvSource({
    "O_RDONLY, 0",
    "O_WRONLY, 1",
    "O_RDWR, 2",
    "O_RDONLY|O_LARGEFILE, 32768",
    "O_WRONLY|O_CREAT, 65",
    "O_WRONLY|O_CREAT|O_TRUNC, 577",
    "O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 524482",
    "O_RDONLY|O_NONBLOCK|O_LARGEFILE|O_DIRECTORY|O_CLOEXEC, 624640",
    "O_WRONLY|O_APPEND|O_DSYNC|O_SYNC, 1053697",
    "O_RDWR|O_DIRECTORY|O_TMPFILE, 4259842",
    "O_RDONLY|O_NOCTTY|FASYNC|O_DIRECT|O_NOFOLLOW|O_NOATIME|O_PATH, 8806656",
  })
  void openFlagsTextReadsAsTheNumberTraceePrintedItFrom(String text, long number) {
    assertEquals(number, TraceeArguments.openFlags(withArg("flags", text), FLAGS, ABSENT));
  }

  @Test
  void openFlagsNumbersReadAsThemselves() {
    assertEquals(577, TraceeArguments.openFlags(withArg("flags", 577L), FLAGS, ABSENT));
    assertEquals(0, TraceeArguments.openFlags(withArg("flags", 0), FLAGS, ABSENT));
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

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "O_CREAT",
    "O_CREAT|O_WRONLY",
    "O_WRONLY|",
    "|O_WRONLY",
    "O_WRONLY||O_CREAT",
    "O_WRONLY|O_RDWR",
    "O_WRONLY|O_CREAT|O_CREAT",
    "O_WRONLY|O_BOGUS",
    "o_wronly",
    "O_WRONLY |O_CREAT",
    "577",
    "O_ACCMODE",
  })
  void openFlagsTextThatTraceeDoesNotPrintReadsAsAbsent(String text) {
    assertEquals(ABSENT, TraceeArguments.openFlags(withArg("flags", text), FLAGS, ABSENT));
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

  @ParameterizedTest
  @CsvSource({
    "PTRACE_TRACEME, 0",
    "PTRACE_PEEKUSER, 3",
    "PTRACE_POKETEXT, 4",
    "PTRACE_POKEDATA, 5",
    "PTRACE_POKEUSER, 6",
    "PTRACE_ATTACH, 16",
    "PTRACE_SINGLEBLOCK, 33",
    "PTRACE_PEEKMTETAGS, 33",
    "PTRACE_POKEMTETAGS, 34",
    "PTRACE_SETOPTIONS, 16896",
    "PTRACE_SEIZE, 16902",
    "PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG, 16913",
  })
  void ptraceRequestTextReadsAsTheNumberTraceePrintedItFrom(String text, long number) {
    assertEquals(number, TraceeArguments.ptraceRequest(withArg("request", text), REQUEST, ABSENT));
  }

  @Test
  void ptraceRequestNumbersReadAsThemselves() {
    assertEquals(4, TraceeArguments.ptraceRequest(withArg("request", 4L), REQUEST, ABSENT));
    assertEquals(0, TraceeArguments.ptraceRequest(withArg("request", 0L), REQUEST, ABSENT));
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
  @ValueSource(strings = {
    "",
    "PTRACE_BOGUS",
    "ptrace_poketext",
    "PTRACE_POKETEXT|PTRACE_POKEDATA",
    "PTRACE_PEEKUSR",
    " PTRACE_POKETEXT",
    "-1",
    "+4",
    "0x4",
    "4 ",
    "18446744073709551616",
    "99999999999999999999",
    "000000000000000000004",
  })
  void ptraceRequestTextThatTraceeDoesNotPrintReadsAsAbsent(String text) {
    assertEquals(ABSENT, TraceeArguments.ptraceRequest(withArg("request", text), REQUEST, ABSENT));
  }

  @ParameterizedTest
  @CsvSource({
    "'Mmaped region with W+E permissions!', 1",
    "'Protection changed to Executable!', 2",
    "'Protection changed from E to W+E!', 3",
    "'Protection changed from W to E!', 4",
    "'Protection changed from W+E to E!', 4",
  })
  void memProtAlertTextReadsAsTheNumberTraceePrintedItFrom(String text, long number) {
    assertEquals(number, TraceeArguments.memProtAlert(withArg("alert", text), ALERT, ABSENT));
  }

  @Test
  void memProtAlertNumbersReadAsThemselves() {
    assertEquals(4, TraceeArguments.memProtAlert(withArg("alert", 4L), ALERT, ABSENT));
    assertEquals(1, TraceeArguments.memProtAlert(withArg("alert", 1), ALERT, ABSENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "Unknown alert",
    "Protection changed from W to E",
    "protection changed from W to E!",
    "Protection changed from W to E! ",
    "4",
  })
  void memProtAlertTextThatNamesNoSingleAlertReadsAsAbsent(String text) {
    assertEquals(ABSENT, TraceeArguments.memProtAlert(withArg("alert", text), ALERT, ABSENT));
  }

  @ParameterizedTest
  @CsvSource({
    "PROT_NONE, 0",
    "PROT_READ, 1",
    "PROT_READ|PROT_WRITE, 3",
    "PROT_READ|PROT_EXEC, 5",
    "PROT_WRITE|PROT_EXEC, 6",
    "PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM, 15",
    "PROT_READ|PROT_GROWSDOWN, 16777217",
    "PROT_READ|PROT_GROWSUP, 33554433",
  })
  void protectionTextReadsAsTheNumberTraceePrintedItFrom(String text, long number) {
    assertEquals(number, TraceeArguments.protection(withArg("prot", text), PROT, ABSENT));
  }

  @Test
  void protectionNumbersReadAsThemselves() {
    assertEquals(5, TraceeArguments.protection(withArg("prot", 5L), PROT, ABSENT));
    assertEquals(0, TraceeArguments.protection(withArg("prot", 0), PROT, ABSENT));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "PROT_NONE|PROT_READ",
    "PROT_READ|PROT_NONE",
    "PROT_READ|",
    "|PROT_READ",
    "PROT_READ||PROT_EXEC",
    "PROT_READ|PROT_READ",
    "PROT_RWX",
    "prot_read",
    "5",
  })
  void protectionTextThatTraceeDoesNotPrintReadsAsAbsent(String text) {
    assertEquals(ABSENT, TraceeArguments.protection(withArg("prot", text), PROT, ABSENT));
  }

  @Test
  void aMissingArgumentReadsAsAbsent() {
    Event event = EventBuilder.event("test").arg("other", 5L).build();
    assertEquals(ABSENT, TraceeArguments.openFlags(event, FLAGS, ABSENT));
    assertEquals(ABSENT, TraceeArguments.ptraceRequest(event, REQUEST, ABSENT));
    assertEquals(ABSENT, TraceeArguments.memProtAlert(event, ALERT, ABSENT));
    assertEquals(ABSENT, TraceeArguments.protection(event, PROT, ABSENT));
  }

  @Test
  void aNullArgumentReadsAsAbsent() {
    assertEquals(ABSENT, TraceeArguments.openFlags(withArg("flags", null), FLAGS, ABSENT));
    assertEquals(ABSENT, TraceeArguments.ptraceRequest(withArg("request", null), REQUEST, ABSENT));
    assertEquals(ABSENT, TraceeArguments.memProtAlert(withArg("alert", null), ALERT, ABSENT));
    assertEquals(ABSENT, TraceeArguments.protection(withArg("prot", null), PROT, ABSENT));
  }

  @Test
  void aBooleanArgumentReadsAsAbsent() {
    assertEquals(ABSENT, TraceeArguments.openFlags(withArg("flags", true), FLAGS, ABSENT));
    assertEquals(ABSENT, TraceeArguments.ptraceRequest(withArg("request", true), REQUEST, ABSENT));
    assertEquals(ABSENT, TraceeArguments.memProtAlert(withArg("alert", false), ALERT, ABSENT));
    assertEquals(ABSENT, TraceeArguments.protection(withArg("prot", true), PROT, ABSENT));
  }

  @Test
  void aBytesArgumentReadsAsAbsent() {
    byte[] bytes = {1, 2, 3};
    assertEquals(ABSENT, TraceeArguments.openFlags(withArg("flags", bytes), FLAGS, ABSENT));
    assertEquals(ABSENT, TraceeArguments.ptraceRequest(withArg("request", bytes), REQUEST, ABSENT));
    assertEquals(ABSENT, TraceeArguments.memProtAlert(withArg("alert", bytes), ALERT, ABSENT));
    assertEquals(ABSENT, TraceeArguments.protection(withArg("prot", bytes), PROT, ABSENT));
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
