package dev.sigil.cli;

import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Arguments and the exit status of everything that goes wrong before a line is read. */
class ScanArgumentsTest {
  @TempDir Path directory;

  @Test
  void helpListsEveryOptionOnStandardOutput() {
    CliRun run = CliRun.run("", "scan", "--help");

    assertEquals(0, run.status());
    for (String option : List.of("FILE", "--summary", "--format", "--dedup-period", "--learning",
        "--training-period", "--activation-period", "--storage-root", "--allow-runtime", "--state",
        "--help", "--version")) {
      assertTrue(run.stdout().contains(option), option + " missing from:\n" + run.stdout());
    }
    assertTrue(run.stdout().contains("Exit status"), run.stdout());
  }

  @Test
  void helpMentionsEveryOptionTheCommandDeclares() {
    CommandLine scan = SigilCli.commandLine(CliRun.environment("")).getSubcommands().get("scan");
    String help = CliRun.run("", "scan", "--help").stdout();

    for (CommandLine.Model.OptionSpec option : scan.getCommandSpec().options()) {
      assertTrue(help.contains(option.longestName()), option.longestName() + " missing from help");
    }
  }

  @Test
  void versionNamesSigilAndItsBuildVersion() {
    CliRun run = CliRun.run("", "scan", "--version");

    assertEquals(0, run.status());
    assertTrue(run.stdout().startsWith("sigil " + VersionProvider.sigilVersion()), run.stdout());
    assertFalse(VersionProvider.sigilVersion().contains("${"), "version resource was not filtered");
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.run("", "scan", "--frobnicate");

    assertUsageError(run, "--frobnicate");
    assertTrue(run.stdout().isEmpty(), run.stdout());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.run("");

    assertUsageError(run, "scan");
  }

  @Test
  void missingFileIsExitTwoNamingTheFile() {
    Path missing = directory.resolve("nowhere.jsonl");

    CliRun run = CliRun.run("", "scan", missing.toString());

    assertEquals(2, run.status());
    assertEquals("sigil scan: cannot read input file '" + missing + "': no such file", run.lastStderrLine());
  }

  @Test
  void directoryAsInputIsExitTwo() {
    CliRun run = CliRun.run("", "scan", directory.toString());

    assertUsageError(run, "'" + directory + "': it is a directory");
  }

  @Test
  void unreadableFileIsExitTwo() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret.jsonl"), "{}\n");
    assertTrue(secret.toFile().setReadable(false));
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as root");

    CliRun run = CliRun.run("", "scan", secret.toString());

    assertUsageError(run, "'" + secret + "': permission denied");
  }

  @Test
  void invalidDurationIsExitTwoNamingOptionAndValue() {
    for (String option : List.of("--dedup-period", "--training-period", "--activation-period")) {
      CliRun run = CliRun.run("", "scan", option, "1 day");

      assertEquals(2, run.status(), option);
      assertTrue(run.stderr().contains(option) && run.stderr().contains("'1 day'"), run.stderr());
    }
  }

  @Test
  void negativeDurationIsExitTwo() {
    CliRun run = CliRun.run("", "scan", "--dedup-period", "-P1D");

    assertUsageError(run, "'-P1D' is negative");
  }

  @Test
  void unknownSummaryFormatIsExitTwo() {
    CliRun run = CliRun.run("", "scan", "--summary", "xml");

    assertEquals(2, run.status());
    assertTrue(run.stderr().contains("--summary") && run.stderr().contains("xml"), run.stderr());
  }

  @Test
  void learningDefaultsAreTheSignaturesDefaults() throws CliException {
    ScanCommand scan = parse("scan", "--learning");
    ContainedExecutableOptions defaults = ContainedExecutableOptions.defaults();

    ContainedExecutableOptions options = scan.containedExecutableOptions();

    assertTrue(options.learning());
    assertEquals(defaults.trainingPeriod(), options.trainingPeriod());
    assertEquals(defaults.activationPeriod(), options.activationPeriod());
  }

  @Test
  void learningIsOffUnlessAsked() throws CliException {
    assertEquals(ContainedExecutableOptions.defaults(), parse("scan").containedExecutableOptions());
  }

  @Test
  void learningPeriodsReachTheSignatureOptions() throws CliException {
    ContainedExecutableOptions options =
        parse("scan", "--learning", "--training-period", "P7D", "--activation-period", "PT36H")
            .containedExecutableOptions();

    assertEquals(java.time.Duration.ofDays(7), options.trainingPeriod());
    assertEquals(java.time.Duration.ofHours(36), options.activationPeriod());
  }

  @Test
  void storageRootsAndRuntimesReachTheSignatureOptions() throws CliException {
    ContainedExecutableOptions options = parse("scan",
        "--storage-root", "k3s=/var/lib/rancher/k3s/agent/containerd/snapshots/*/fs/",
        "--storage-root", "/srv/containers/", "--allow-runtime", "my-runtime*").containedExecutableOptions();

    assertEquals(List.of("k3s=/var/lib/rancher/k3s/agent/containerd/snapshots/*/fs/", "/srv/containers/"),
        options.extraStorageRoots());
    assertEquals(List.of("my-runtime*"), options.extraRuntimeAllowlist());
  }

  @Test
  void malformedStorageRootIsExitTwoNamingIt() {
    CliRun run = CliRun.run("", "scan", "--storage-root", "relative/dir/");

    assertEquals(2, run.status());
    assertTrue(run.lastStderrLine().startsWith("sigil scan: invalid --storage-root"), run.stderr());
    assertTrue(run.stderr().contains("relative/dir/"), run.stderr());
  }

  @Test
  void corruptStateFileIsExitTwoAndLeftUnchanged() throws IOException {
    Path state = Files.writeString(directory.resolve("state.json"), "{\"format\": \"sigil-engine-st");
    byte[] before = Files.readAllBytes(state);

    CliRun run = CliRun.run("", "scan", "--state", state.toString(), "-");

    assertEquals(2, run.status());
    assertTrue(run.lastStderrLine().startsWith("sigil scan: cannot use state file '" + state + "'"),
        run.stderr());
    assertArrayEquals(before, Files.readAllBytes(state));
    assertEquals(List.of(state), listDirectory(), "no temporary file may be left");
  }

  @Test
  void newerVersionStateFileIsExitTwoAndLeftUnchanged() throws IOException {
    String newer = "{\"format\":\"sigil-engine-state\",\"version\":99,\"dedup\":{},\"signatures\":{}}";
    Path state = Files.writeString(directory.resolve("state.json"), newer);

    CliRun run = CliRun.run("", "scan", "--state", state.toString());

    assertUsageError(run, "newer");
    assertEquals(newer, Files.readString(state, StandardCharsets.UTF_8));
  }

  @Test
  void stateFileInAMissingDirectoryIsExitTwoBeforeReading() {
    Path state = directory.resolve("no-such-dir").resolve("state.json");

    CliRun run = CliRun.run("", "scan", "--state", state.toString());

    assertUsageError(run, "does not exist");
  }

  private List<Path> listDirectory() throws IOException {
    try (var files = Files.list(directory)) {
      return files.toList();
    }
  }

  private static ScanCommand parse(String... args) {
    CommandLine cli = SigilCli.commandLine(CliRun.environment(""));
    CommandLine.ParseResult result = cli.parseArgs(args);
    return (ScanCommand) result.subcommand().commandSpec().userObject();
  }
}
