package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.TraceeLines.hostExec;
import static dev.sigil.cli.TraceeLines.lines;
import static dev.sigil.cli.TraceeLines.magicWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of issue 5 reach the built-in signatures. */
class ScanBuiltInSignaturesTest {
  private static final long DAY = 86_400 * SECOND;
  private static final String PAYLOAD =
      "/var/lib/docker/overlay2/0a1b2c3d4e5f/merged/tmp/payload";

  @TempDir Path directory;

  @Test
  void builtInSignaturesRunByDefault() {
    Map<String, Object> summary = scan(lines(magicWrite(T0, "h", "/tmp/dropper"),
        hostExec(T0 + SECOND, "node-1", PAYLOAD, "bash")));

    assertEquals(Map.of("TRC-1022", 1L, "SGL-1001", 1L), summary.get("findingsBySignature"));
  }

  @Test
  void containedExecutionsAreDeduplicatedForADayByDefault() {
    String input = lines(hostExec(T0, "node-1", PAYLOAD, "bash"),
        hostExec(T0 + 3600 * SECOND, "node-1", PAYLOAD, "bash"),
        hostExec(T0 + DAY + SECOND, "node-1", PAYLOAD, "bash"));

    Map<String, Object> summary = scan(input);

    assertEquals(2L, summary.get("findings"));
    assertEquals(1L, summary.get("suppressed"));
  }

  @Test
  void dedupPeriodZeroReportsEveryExecution() {
    String input = lines(hostExec(T0, "node-1", PAYLOAD, "bash"),
        hostExec(T0 + 3600 * SECOND, "node-1", PAYLOAD, "bash"));

    Map<String, Object> summary = scan(input, "--dedup-period", "PT0S");

    assertEquals(2L, summary.get("findings"));
    assertEquals(0L, summary.get("suppressed"));
  }

  @Test
  void learningSilencesSgl1001UntilTheActivationPeriodHasPassed() {
    String input = lines(hostExec(T0, "node-1", PAYLOAD, "bash"));

    assertEquals(1L, scan(input).get("findings"), "control: learning is off by default");
    assertEquals(0L, scan(input, "--learning").get("findings"));
  }

  @Test
  void shorterActivationPeriodLetsUnlearnedExecutionsFire() {
    String input = lines(hostExec(T0, "node-1", "/usr/bin/true", "bash"),
        hostExec(T0 + 2 * DAY, "node-1", PAYLOAD, "bash"));

    assertEquals(0L, scan(input, "--learning").get("findings"), "within the default 14 days");
    assertEquals(1L, scan(input, "--learning", "--training-period", "PT1H",
        "--activation-period", "P1D").get("findings"));
  }

  @Test
  void extraStorageRootMakesItsFilesContained() {
    String k3s = "/var/lib/rancher/k3s/agent/containerd/snapshots/41/fs/tmp/payload";
    String input = lines(hostExec(T0, "node-1", k3s, "bash"));

    assertEquals(0L, scan(input).get("findings"), "control: not a built-in root");
    assertEquals(1L, scan(input, "--storage-root",
        "k3s=/var/lib/rancher/k3s/agent/containerd/snapshots/*/fs/").get("findings"));
  }

  @Test
  void allowedRuntimeDoesNotFireSgl1001() {
    String input = lines(hostExec(T0, "node-1", PAYLOAD, "my-runtime-7"));

    assertEquals(1L, scan(input).get("findings"), "control: an unknown process fires");
    assertEquals(0L, scan(input, "--allow-runtime", "my-runtime*").get("findings"));
  }

  @Test
  void stateCarriesLearningAcrossRuns() {
    Path state = directory.resolve("state.json");
    String first = lines(hostExec(T0, "node-1", "/usr/bin/true", "bash"));
    String later = lines(hostExec(T0 + 2 * DAY, "node-1", PAYLOAD, "bash"));
    String[] options = {"--learning", "--training-period", "PT1H", "--activation-period", "P1D",
        "--state", state.toString()};

    scan(first, options);
    Map<String, Object> restarted = scan(later, options);

    assertEquals(1L, restarted.get("findings"),
        "the host's first event was remembered, so activation has passed");
    assertEquals(0L, scan(later, "--learning", "--training-period", "PT1H",
        "--activation-period", "P1D").get("findings"), "control: a fresh start is still learning");
  }

  private static Map<String, Object> scan(String input, String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "scan";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--summary";
    args[options.length + 2] = "json";
    CliRun run = CliRun.run(input, args);
    assertEquals(0, run.status(), run.stderr());
    return Json.object(run.lastStderrLine());
  }
}
