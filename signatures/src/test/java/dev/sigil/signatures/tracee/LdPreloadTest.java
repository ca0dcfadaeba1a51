package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.FreshHarness.assertOnlyFinding;
import static dev.sigil.signatures.tracee.FreshHarness.assertSilent;
import static dev.sigil.signatures.tracee.OpenFlagsForm.typedOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LdPreloadTest {
  // Tracee prints open flags as a number, or as text under --output option:parse-arguments.
  private static final Map<String, Object> O_WRONLY = Map.of("number", 1L, "text", "O_WRONLY");
  private static final Map<String, Object> O_RDONLY = Map.of("number", 0L, "text", "O_RDONLY");

  private static Event open(Object flags, String pathname) {
    return typedOpen(flags, pathname).build();
  }

  private static Event rename(String newPath) {
    return EventBuilder.event("security_inode_rename")
        .arg("old_path", "/tmp/x").arg("new_path", newPath).build();
  }

  private static Event exec(List<String> env) {
    return EventBuilder.event("sched_process_exec")
        .arg("env", "[]string", env).arg("argv", "[]string", List.of("ls")).build();
  }

  private static SignatureHarness run(Event... events) {
    return FreshHarness.run(new LdPreload(), events);
  }

  private static void assertFires(Map<String, Object> data, SignatureHarness harness) {
    assertOnlyFinding(LdPreload.METADATA, data, 0, harness);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags as {0}")
    @ValueSource(strings = {"number", "text"})
    @DisplayName("should trigger detection - security_file_open")
    void firesOnOpeningThePreloadFileForWriting(String form) {
      assertFires(Map.of(), run(open(O_WRONLY.get(form), "/etc/ld.so.preload")));
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenamingAFileOntoThePreloadFile() {
      assertFires(Map.of(), run(rename("/etc/ld.so.preload")));
    }

    @Test
    @DisplayName("should trigger detection - sched_process_exec")
    void firesOnAProgramStartedWithLdPreload() {
      assertFires(Map.of("LD_PRELOAD", "LD_PRELOAD=/something"),
          run(exec(List.of("FOO=BAR", "LD_PRELOAD=/something"))));
    }

    @ParameterizedTest(name = "flags as {0}")
    @ValueSource(strings = {"number", "text"})
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWritingAnotherFile(String form) {
      assertSilent(0, run(open(O_WRONLY.get(form), "/var/lib/some_file")));
    }

    @ParameterizedTest(name = "flags as {0}")
    @ValueSource(strings = {"number", "text"})
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadingThePreloadFile(String form) {
      assertSilent(0, run(open(O_RDONLY.get(form), "/etc/ld.so.preload")));
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenamingOntoAnotherFile() {
      assertSilent(0, run(rename("/tmp/something")));
    }

    @Test
    @DisplayName("should not trigger detection - sched_process_exec")
    void ignoresAnEnvironmentWithoutPreloadVariables() {
      assertSilent(0, run(exec(List.of("FOO=BAR", "LD_LOAD=/something"))));
    }
  }

  @Nested
  class Environment {
    @Test
    void ldLibraryPathFiresUnderItsOwnName() {
      assertFires(Map.of("LD_LIBRARY_PATH", "LD_LIBRARY_PATH=/opt/evil"),
          run(exec(List.of("HOME=/root", "LD_LIBRARY_PATH=/opt/evil"))));
    }

    @Test
    void theFirstPreloadVariableInTheEnvironmentWinsAndFiresOnce() {
      assertFires(Map.of("LD_LIBRARY_PATH", "LD_LIBRARY_PATH=/a"),
          run(exec(List.of("LD_LIBRARY_PATH=/a", "LD_PRELOAD=/b"))));
    }

    @Test
    void anEmptyValueFiresButANameWithoutEqualsOrWithAPrefixDoesNot() {
      SignatureHarness harness = run(
          exec(List.of("LD_PRELOAD", "XLD_PRELOAD=/x", "ld_preload=/x", " LD_PRELOAD=/x")),
          exec(List.of("LD_PRELOAD=")));
      assertFires(Map.of("LD_PRELOAD", "LD_PRELOAD="), harness);
    }

    @Test
    void withoutExecEnvInTraceesOutputExecsAreSilent() {
      Event noEnv = EventBuilder.event("sched_process_exec")
          .arg("argv", List.of("ls")).arg("pathname", "/bin/ls").build();
      Event nullEnv = EventBuilder.event("sched_process_exec").arg("env", null).build();
      assertSilent(0, run(noEnv, nullEnv, exec(List.of())));
    }

    @Test
    void anEnvironmentOfTheWrongTypeIsADataProblem() {
      Event text = EventBuilder.event("sched_process_exec").arg("env", "LD_PRELOAD=/x").build();
      Event objects = EventBuilder.event("sched_process_exec")
          .arg("env", List.of(Map.of("LD_PRELOAD", "/x"))).build();
      assertSilent(2, run(text, objects));
    }
  }

  @Nested
  class Files {
    @Test
    void readWriteAndFlaggedWritesFire() {
      SignatureHarness harness = run(
          open(2L, "/etc/ld.so.preload"),
          open("O_RDWR", "/etc/ld.so.preload"),
          open(01101L, "/etc/ld.so.preload"),
          open("O_WRONLY|O_CREAT|O_TRUNC", "/etc/ld.so.preload"),
          open("O_RDONLY|O_LARGEFILE", "/etc/ld.so.preload"));
      assertEquals(4, harness.findings().size());
    }

    @Test
    void theSuffixIsComparedOnTheRawPath() {
      SignatureHarness harness = run(
          open(1L, "/chroot/etc/ld.so.preload"),
          rename("/proc/self/root/etc/ld.so.preload"),
          open(1L, "/etc/ld.so.preload.bak"),
          rename("/etc/ld.so.preload/"),
          rename("ld.so.preload"));
      assertEquals(2, harness.findings().size());
    }

    @Test
    void missingArgumentsAreDataProblems() {
      Event noPath = EventBuilder.event("security_file_open").arg("flags", 1L).build();
      Event noFlags = EventBuilder.event("security_file_open").arg("pathname", "/tmp/x").build();
      Event badFlags = open("O_WHATEVER", "/etc/ld.so.preload");
      Event noNewPath = EventBuilder.event("security_inode_rename").arg("old_path", "/a").build();
      Event numericNewPath = EventBuilder.event("security_inode_rename").arg("new_path", 7L).build();
      assertSilent(5, run(noPath, noFlags, badFlags, noNewPath, numericNewPath));
    }
  }

  @Test
  void everyOriginIsWatched() {
    SignatureHarness harness = run(
        EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
            .arg("env", List.of("LD_PRELOAD=/x.so")).build(),
        EventBuilder.event("security_inode_rename").origin(Origin.CONTAINER_INIT)
            .arg("new_path", "/etc/ld.so.preload").build(),
        EventBuilder.event("security_file_open").origin(Origin.HOST)
            .arg("flags", 1L).arg("pathname", "/etc/ld.so.preload").build());
    assertEquals(3, harness.findings().size());
    assertTrue(harness.findings().get(0).data().containsKey("LD_PRELOAD"));
  }
}
