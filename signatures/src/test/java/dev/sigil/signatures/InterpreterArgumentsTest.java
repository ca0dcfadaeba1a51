package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host interpreter running a contained file named by an argument: the file is found as the
 * interpreter would find it, and code given on the command line is not a file.
 */
class InterpreterArgumentsTest {
  private static final String ROOT = "/var/lib/docker/overlay2/3f2a9c/diff";
  private static final String PAYLOAD = ROOT + "/tmp/payload";
  private final Scenario scenario = new Scenario();

  /** Runs {@code program} with the words of {@code arguments} (split at spaces), argv[0] first. */
  private Scenario run(String program, String arguments) {
    scenario.feed(hostExec(program).argv(argvOf(program, arguments)).build());
    return scenario;
  }

  private void assertReportsThePayload() {
    Finding finding = scenario.only();
    assertEquals(PAYLOAD, finding.data().get("path"));
    assertEquals("/tmp/payload", finding.data().get("containerPath"));
    assertEquals("interpreter-argument", finding.data().get("evidence"));
  }

  private void assertSilent() {
    assertTrue(scenario.findings().isEmpty(), () -> "unexpected " + scenario.findings());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/bin/sh          | +e PAYLOAD",
      "/bin/sh          | -e +x PAYLOAD",
      "/bin/sh          | -o errexit PAYLOAD",
      "/bin/sh          | +o nounset PAYLOAD",
      "/bin/bash        | -o posix PAYLOAD",
      "/bin/bash        | -eo pipefail PAYLOAD",
      "/bin/bash        | -O extglob PAYLOAD",
      "/bin/bash        | +O extglob PAYLOAD",
      "/bin/bash        | --rcfile /etc/bash.bashrc PAYLOAD",
      "/bin/bash        | --norc --noprofile PAYLOAD",
      "/bin/bash        | -- PAYLOAD",
      "/bin/dash        | - PAYLOAD",
      "/bin/zsh         | -o shwordsplit PAYLOAD",
      "/usr/bin/python3 | -W ignore PAYLOAD",
      "/usr/bin/python3 | -Wignore -X dev PAYLOAD",
      "/usr/bin/python3 | -u -B -E PAYLOAD",
      "/usr/bin/python3 | -- PAYLOAD",
      "/usr/bin/python3 | --check-hash-based-pycs never PAYLOAD",
      "/usr/bin/perl    | -I /opt/lib PAYLOAD",
      "/usr/bin/perl    | -Mstrict -w PAYLOAD",
      "/usr/bin/perl    | -l -0777 PAYLOAD",
      "/usr/bin/ruby    | -r socket PAYLOAD",
      "/usr/bin/ruby    | -I lib -W0 PAYLOAD",
      "/usr/bin/node    | -r dotenv/config PAYLOAD",
      "/usr/bin/node    | --require ./hook.js PAYLOAD",
      "/usr/bin/node    | --max-old-space-size=64 PAYLOAD",
      "/usr/bin/php     | -d display_errors=1 PAYLOAD",
      "/usr/bin/php     | -f PAYLOAD",
      "/usr/bin/php     | -B $x=1; -F PAYLOAD",
      "/usr/bin/lua     | -l socket PAYLOAD",
      "/usr/bin/lua     | -e x=1 PAYLOAD",
  })
  void findsTheFileAfterTheOptionsAndTheirValues(String interpreter, String arguments) {
    run(interpreter, arguments.replace("PAYLOAD", PAYLOAD));
    assertReportsThePayload();
  }

  @Test
  void findsAFileAttachedToPhpsFileOption() {
    run("/usr/bin/php", "--file=" + PAYLOAD);
    assertReportsThePayload();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/usr/bin/node    | --some-new-option PAYLOAD",
      "/usr/bin/node    | --some-new-option value PAYLOAD",
      "/usr/bin/python3 | --some-new-option value PAYLOAD",
  })
  void anUnknownLongOptionCannotHideTheFileWhetherItTakesAValueOrNot(String interpreter,
      String arguments) {
    run(interpreter, arguments.replace("PAYLOAD", PAYLOAD));
    assertReportsThePayload();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/bin/ruby3.1", "/usr/bin/php8.2", "/usr/bin/lua5.4", "/bin/ksh93",
      "/bin/mksh", "/usr/bin/perl5.36.0", "/usr/bin/python3.12", "/usr/bin/nodejs",
      "/usr/bin/luajit"})
  void versionedAndOtherInterpreterNamesCountOnThePathname(String interpreter) {
    run(interpreter, PAYLOAD);
    assertReportsThePayload();
  }

  @Test
  void anInterpreterNamedOnlyByCmdpathsBasenameCounts() {
    scenario.feed(hostExec("/usr/lib/ruby/bin/ruby-real").scriptRunAs("/usr/bin/ruby", "/usr/lib/ruby/bin/ruby-real")
        .interp("/usr/bin/ruby").argv("ruby", PAYLOAD).build());
    assertReportsThePayload();
  }

  @Test
  void aKernelHelperRunningAScriptThroughShellOptionsIsSgl1002() {
    scenario.feed(hostExec("/bin/sh").argv("/bin/sh", "+e", PAYLOAD).fromKernel(true).by("kworker/u8:2")
        .build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"busybox sh PAYLOAD", "busybox ash -e PAYLOAD", "busybox hush -- PAYLOAD"})
  void busyboxRunsTheScriptWhenItsAppletIsAShell(String command) {
    String[] argv = command.replace("PAYLOAD", PAYLOAD).split(" ");
    scenario.feed(hostExec("/bin/busybox").argv(argv).build());
    assertReportsThePayload();
  }

  @Test
  void busyboxInvokedAsShByItsLinkRunsTheScript() {
    scenario.feed(hostExec("/bin/busybox").scriptRunAs("/bin/sh", "/bin/busybox").interp("/bin/sh")
        .argv("sh", PAYLOAD).build());
    assertReportsThePayload();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"busybox cat PAYLOAD", "busybox --install PAYLOAD", "busybox"})
  void busyboxWithAnotherAppletRunsNoScript(String command) {
    scenario.feed(hostExec("/bin/busybox").argv(command.replace("PAYLOAD", PAYLOAD).split(" ")).build());
    assertSilent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/lib64/ld-linux-x86-64.so.2                  | PAYLOAD",
      "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 | --library-path /opt/lib PAYLOAD",
      "/lib/ld-musl-x86_64.so.1                     | --preload /x.so PAYLOAD",
      "/lib/x86_64-linux-gnu/ld-2.31.so             | --argv0 kworker PAYLOAD",
      "/usr/libexec/ld.so                           | --inhibit-cache PAYLOAD",
  })
  void theDynamicLoaderRunsAContainedElf(String loader, String arguments) {
    run(loader, arguments.replace("PAYLOAD", PAYLOAD));
    assertReportsThePayload();
  }

  @Test
  void theDynamicLoaderStartedByAKernelHelperIsSgl1002() {
    scenario.feed(hostExec("/lib64/ld-linux-x86-64.so.2").argv("/lib64/ld-linux-x86-64.so.2", PAYLOAD)
        .parent(2).by("kworker/0:1").build());
    assertEquals(List.of("SGL-1002"), scenario.ids());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/lib64/ld-linux-x86-64.so.2 | --list PAYLOAD",
      "/lib64/ld-linux-x86-64.so.2 | --verify PAYLOAD",
      "/lib/ld-musl-x86_64.so.1    | --list PAYLOAD",
  })
  void theDynamicLoaderListingOrVerifyingStaysSilent(String loader, String arguments) {
    run(loader, arguments.replace("PAYLOAD", PAYLOAD));
    assertSilent();
  }

  @Test
  void glibcsLddTracingThroughTheEnvironmentStaysSilent() {
    scenario.feed(hostExec("/lib64/ld-linux-x86-64.so.2").argv("/lib64/ld-linux-x86-64.so.2", PAYLOAD)
        .env("PATH=/usr/bin", "LD_TRACE_LOADED_OBJECTS=1", "LD_WARN=").by("ldd").build());
    assertSilent();
  }

  @Test
  void musllsLoaderRunAsLddStaysSilent() {
    scenario.feed(hostExec("/lib/ld-musl-x86_64.so.1").scriptRunAs("/usr/bin/ldd", "/lib/ld-musl-x86_64.so.1")
        .interp("/usr/bin/ldd").argv("ldd", PAYLOAD).build());
    assertSilent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/bin/sh          | -c PAYLOAD",
      "/bin/sh          | -c PAYLOAD --flag",
      "/bin/bash        | -ec PAYLOAD",
      "/bin/sh          | -c ./tmp/payload",
  })
  void aShellCommandThatIsAContainedPathStillFires(String shell, String arguments) {
    scenario.feed(hostExec(shell).argv(argvOf(shell, arguments.replace("PAYLOAD", PAYLOAD))).pwd(ROOT).build());
    assertEquals("interpreter-argument", scenario.only().data().get("evidence"));
    assertEquals("/tmp/payload", scenario.only().data().get("containerPath"));
  }

  @Test
  void aShellCommandWhoseFirstWordIsAContainedPathFires() {
    scenario.feed(hostExec("/bin/sh").argv("/bin/sh", "-c", "  " + PAYLOAD + " --now; echo done").build());
    assertReportsThePayload();
  }

  /** The program, then the words of {@code arguments} (split at spaces), if any. */
  private static String[] argvOf(String program, String arguments) {
    List<String> argv = new ArrayList<>();
    argv.add(program);
    if (!arguments.isEmpty()) {
      argv.addAll(List.of(arguments.split(" ")));
    }
    return argv.toArray(new String[0]);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/bin/sh          | -c | du -sh",
      "/bin/sh          | -c | du",
      "/bin/bash        | -c | test -f ready && exit 0",
      "/bin/sh          | -c | \"./payload\"",
      "/bin/sh          | -c | $HOME/payload",
      "/usr/bin/python3 | -c | print(1)",
      "/usr/bin/python3 | -c | tmp/payload",
      "/usr/bin/python3 | -m | http.server",
      "/usr/bin/python3 | -m | tmp/payload",
      "/usr/bin/perl    | -e | tmp/payload",
      "/usr/bin/perl    | -lne | print",
      "/usr/bin/ruby    | -e | tmp/payload",
      "/usr/bin/node    | -e | tmp/payload",
      "/usr/bin/node    | --eval | tmp/payload",
      "/usr/bin/node    | -p | tmp/payload",
      "/usr/bin/php     | -r | tmp/payload",
      "/bin/sh          | -s | tmp/payload",
  })
  void codeGivenOnTheCommandLineIsNotAFileEvenUnderAStorageRoot(String interpreter, String option,
      String code) {
    scenario.feed(hostExec(interpreter).argv(interpreter, option, code).pwd(ROOT).build());
    assertSilent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/usr/bin/python3 | -c pass PAYLOAD",
      "/usr/bin/python3 | -m runpy PAYLOAD",
      "/usr/bin/perl    | -e 1 PAYLOAD",
      "/usr/bin/perl    | -pie s/a/b/ PAYLOAD",
      "/usr/bin/ruby    | -e 1 PAYLOAD",
      "/usr/bin/node    | -e 1 PAYLOAD",
      "/usr/bin/php     | -r 1; PAYLOAD",
      "/bin/sh          | -c exit PAYLOAD",
  })
  void argumentsAfterCodeAreTheCodesArgumentsNotAFile(String interpreter, String arguments) {
    run(interpreter, arguments.replace("PAYLOAD", PAYLOAD));
    assertSilent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/bin/bash        | /opt/backup.sh PAYLOAD",
      "/bin/sh          | -o errexit /opt/backup.sh PAYLOAD",
      "/usr/bin/python3 | -W ignore /opt/scan.py PAYLOAD",
      "/usr/bin/node    | -r x /srv/app.js PAYLOAD",
      "/lib64/ld-linux-x86-64.so.2 | /usr/bin/file PAYLOAD",
  })
  void aContainedPathGivenToAHostScriptIsTheScriptsArgument(String interpreter, String arguments) {
    run(interpreter, arguments.replace("PAYLOAD", PAYLOAD));
    assertSilent();
  }
}
