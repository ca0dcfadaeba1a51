package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_CREAT;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDWR;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_TRUNC;
import static dev.sigil.signatures.tracee.OpenFlagsForm.O_WRONLY;
import static dev.sigil.signatures.tracee.OpenFlagsForm.rename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultLoaderModificationTest extends FileRenameContractTest {
  private static final String LOADER = "/usr/lib/x86_64-linux-gnu/ld-2.31.so";

  DefaultLoaderModificationTest() {
    super(new DefaultLoaderModification(), null, ReadOrder.FLAGS_FIRST, LOADER, "/tmp/something");
  }

  /** 64-bit loaders, which v0.24.1's pattern matches and Sigil keeps matching. */
  @Nested
  class Lib64LoadersKept {
    @EachOpenFlagsForm
    void firesOnWriteOpenOfLib64Loader(OpenFlagsForm form) {
      assertOpenFires(form, "/lib64/ld-linux-x86-64.so.2", O_WRONLY | O_CREAT | O_TRUNC);
    }

    @EachOpenFlagsForm
    void firesOnWriteOpenOfUsrLib64Loader(OpenFlagsForm form) {
      assertOpenFires(form, "/usr/lib64/ld-linux-x86-64.so.2", O_WRONLY);
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
      assertOpensIgnored(form, O_RDONLY,
          "/lib64/ld-linux-x86-64.so.2", "/usr/lib64/ld-linux-x86-64.so.2");
    }
  }

  static Stream<Arguments> pathsOpenedAndRenamedOnto() {
    return Stream.of(
        fire("a loader Tracee's pattern finds", "/lib/ld-musl-x86_64.so.1",
            "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/ld-linux-aarch64.so.1",
            "/lib/ld.so"),
        fire("Tracee's pattern is unanchored at the end and its \"lib\" is followed by \".*\"",
            "/lib/x86_64-linux-gnu/ld-2.31.so.bak", "/libexec/ld.so",
            "/usr/lib/python3/dist-packages/ldap/x.so"),
        fire("RE2's '.' takes a carriage return", "/lib\r/ld.so"),
        ignore("a path Tracee's pattern does not find", "/usr/local/lib/ld.so",
            "/opt/lib/ld-linux.so.2", "lib/ld-linux.so.2", "/etc/ld.so.preload", "/etc/ld.so.cache",
            "/lib/x86_64-linux-gnu/libc.so.6", "/lib/ldconfig", "/lib/x86_64-linux-gnu/ld-2.31",
            "/usr/libx/y"),
        ignore("only a newline stops RE2's '.'", "/lib\n/ld.so", "/lib/ld\n.so"),
        ignore("no path", "")
    ).flatMap(rows -> rows);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("pathsOpenedAndRenamedOnto")
  void firesOnThePathsTraceesPatternFindsAlone(String path, boolean fires, String why) {
    harness.feed(OpenFlagsForm.NUMBER.open(path, O_WRONLY).build(),
        OpenFlagsForm.PARSED.open(path, O_WRONLY).build(),
        rename("/tmp/x", path).build());
    assertEquals(fires ? 3 : 0, harness.findings().size());
    assertEquals(0, harness.stats().dataProblems());
  }

  @EachOpenFlagsForm
  void firesOnReadWriteOpenBecauseItWritesToo(OpenFlagsForm form) {
    assertOpenFires(form, LOADER, O_RDWR);
  }

  @EachOpenFlagsForm
  void firesOnHostAndContainerInitEventsAsTraceeSelectsAnyOrigin(OpenFlagsForm form) {
    harness.feed(form.open(LOADER, O_WRONLY).origin(Origin.HOST).build(),
        form.open(LOADER, O_WRONLY).origin(Origin.CONTAINER_INIT).build(),
        rename("/tmp/x", LOADER).origin(Origin.HOST).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void keepsMatchingAfterAFindingAsItsMatcherIsReset() {
    harness.feed(rename("/tmp/x", LOADER).build(), rename("/tmp/x", "/tmp/y").build(),
        rename("/tmp/x", "/lib64/ld-linux-x86-64.so.2").build());
    assertEquals(2, harness.findings().size());
  }

  @Test
  void countsNullNewPathAsDataProblem() {
    harness.feed(event("security_inode_rename").arg("old_path", "/tmp/x")
        .arg("new_path", null).build());
    assertNoFindingButOneDataProblem();
  }
}
