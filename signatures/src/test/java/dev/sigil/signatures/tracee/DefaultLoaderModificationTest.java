package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultLoaderModificationTest extends SignatureTest {
  private static final String LOADER = "/usr/lib/x86_64-linux-gnu/ld-2.31.so";
  DefaultLoaderModificationTest() {
    super(new DefaultLoaderModification());
  }

  /** Tracee's own test cases, under their names, with the same inputs and findings. */
  @Nested
  class TraceeCases {
    @EachOpenFlagsForm
    @DisplayName("should trigger detection - security_file_open")
    void firesOnWriteOpenOfLoader(OpenFlagsForm form) {
      harness.feed(form.open(LOADER, O_WRONLY).build());
      assertFiredWithoutData("pathname", LOADER);
    }

    @Test
    @DisplayName("should trigger detection - security_inode_rename")
    void firesOnRenameOntoLoader() {
      harness.feed(rename("/tmp/evil.so", LOADER).build());
      assertFiredWithoutData("new_path", LOADER);
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresReadOnlyOpenOfLoader(OpenFlagsForm form) {
      harness.feed(form.open(LOADER, O_RDONLY).build());
      assertNoFinding();
    }

    @EachOpenFlagsForm
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWriteOpenOfAnotherFile(OpenFlagsForm form) {
      harness.feed(form.open("/tmp/something", O_WRONLY).build());
      assertNoFinding();
    }

    @Test
    @DisplayName("should not trigger detection - security_inode_rename wrong path")
    void ignoresRenameOntoAnotherFile() {
      harness.feed(rename("/tmp/x", "/tmp/something").build());
      assertNoFinding();
    }
  }

  /** 64-bit loaders, which v0.24.1's pattern matches and Sigil keeps matching. */
  @Nested
  class Lib64LoadersKept {
    @EachOpenFlagsForm
    void firesOnWriteOpenOfLib64Loader(OpenFlagsForm form) {
      harness.feed(form.open("/lib64/ld-linux-x86-64.so.2", O_WRONLY | O_CREAT | O_TRUNC).build());
      assertFiredWithoutData("pathname", "/lib64/ld-linux-x86-64.so.2");
    }

    @EachOpenFlagsForm
    void firesOnWriteOpenOfUsrLib64Loader(OpenFlagsForm form) {
      harness.feed(form.open("/usr/lib64/ld-linux-x86-64.so.2", O_WRONLY).build());
      assertFiredWithoutData("pathname", "/usr/lib64/ld-linux-x86-64.so.2");
    }

    @Test
    void firesOnRenameOntoLib64Loader() {
      harness.feed(rename("/tmp/x", "/lib64/ld-linux-x86-64.so.2").build());
      assertFiredWithoutData("new_path", "/lib64/ld-linux-x86-64.so.2");
    }

    @Test
    void firesOnRenameOntoUsrLib64Loader() {
      harness.feed(rename("/tmp/x", "/usr/lib64/ld-linux-x86-64.so.2").build());
      assertFiredWithoutData("new_path", "/usr/lib64/ld-linux-x86-64.so.2");
    }

    @EachOpenFlagsForm
    void ignoresReadOnlyOpenOfLib64Loader(OpenFlagsForm form) {
      harness.feed(form.open("/lib64/ld-linux-x86-64.so.2", O_RDONLY).build(),
          form.open("/usr/lib64/ld-linux-x86-64.so.2", O_RDONLY).build());
      assertNoFinding();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/lib/ld-musl-x86_64.so.1",
      "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
      "/usr/lib/ld-linux-aarch64.so.1",
      "/lib/ld.so",
      // Tracee's pattern is unanchored at the end and its "lib" is followed by ".*".
      "/lib/x86_64-linux-gnu/ld-2.31.so.bak",
      "/libexec/ld.so",
      "/usr/lib/python3/dist-packages/ldap/x.so",
      // RE2's '.' takes a carriage return; only a newline stops it.
      "/lib\r/ld.so",
  })
  void firesOnPathsTraceesPatternFinds(String path) {
    harness.feed(OpenFlagsForm.NUMBER.open(path, O_WRONLY).build(),
        OpenFlagsForm.PARSED.open(path, O_WRONLY).build(),
        rename("/tmp/x", path).build());
    assertEquals(3, harness.findings().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/usr/local/lib/ld.so",
      "/opt/lib/ld-linux.so.2",
      "lib/ld-linux.so.2",
      "/etc/ld.so.preload",
      "/etc/ld.so.cache",
      "/lib/x86_64-linux-gnu/libc.so.6",
      "/lib/ldconfig",
      "/lib/x86_64-linux-gnu/ld-2.31",
      "/usr/libx/y",
      "/lib\n/ld.so",
      "/lib/ld\n.so",
      "",
  })
  void ignoresPathsTraceesPatternDoesNotFind(String path) {
    harness.feed(OpenFlagsForm.NUMBER.open(path, O_WRONLY).build(),
        OpenFlagsForm.PARSED.open(path, O_WRONLY).build(),
        rename("/tmp/x", path).build());
    assertNoFinding();
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    harness.feed(form.open(LOADER, O_RDWR).build());
    assertFiredWithoutData("pathname", LOADER);
  }

  @EachOpenFlagsForm
  void firesOnHostAndContainerInitEventsAsTraceeSelectsAnyOrigin(OpenFlagsForm form) {
    harness.feed(form.open(LOADER, O_WRONLY).origin(Origin.HOST).build(),
        form.open(LOADER, O_WRONLY).origin(Origin.CONTAINER_INIT).build(),
        rename("/tmp/x", LOADER).origin(Origin.HOST).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void ignoresRenameAwayFromLoader() {
    harness.feed(rename(LOADER, "/tmp/old-loader").build());
    assertNoFinding();
  }

  @Test
  void keepsMatchingAfterAFindingAsItsMatcherIsReset() {
    harness.feed(rename("/tmp/x", LOADER).build(), rename("/tmp/x", "/tmp/y").build(),
        rename("/tmp/x", "/lib64/ld-linux-x86-64.so.2").build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsMissingFlagsAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", LOADER).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsFlagsOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("security_file_open").arg("pathname", LOADER)
        .arg("flags", List.of("O_WRONLY")).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void countsMissingPathnameOfWriteAsDataProblem(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").arg("flags", form.of(O_WRONLY)).build());
    assertNoFindingButOneDataProblem();
  }

  @EachOpenFlagsForm
  void readsNoPathnameOfReadAsTraceeDoesNot(OpenFlagsForm form) {
    harness.feed(EventBuilder.event("security_file_open").arg("flags", form.of(O_RDONLY)).build());
    assertNoFinding();
  }

  @Test
  void countsMissingNewPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/x").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsNullNewPathAsDataProblem() {
    harness.feed(EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/x")
        .arg("new_path", null).build());
    assertNoFindingButOneDataProblem();
  }
}
