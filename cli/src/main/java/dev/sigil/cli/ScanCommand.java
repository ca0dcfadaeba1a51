package dev.sigil.cli;

import dev.sigil.core.Engine;
import dev.sigil.core.FindingListener;
import dev.sigil.core.Signature;
import dev.sigil.core.tracee.TraceeReader;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigil scan}: Tracee JSON lines in, findings out. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Scans Tracee events with Sigil's signatures and prints the findings.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Reads Tracee events (the JSON lines of tracee --output json) from FILE or standard input,"
            + " runs every built-in signature over them, and writes each finding to standard output"
            + " as one JSON line, flushed at once.",
        "",
        "Standard error gets one line per rejected input line (line N: rejected: reason), one per"
            + " signature error, and a summary at the end. When standard error is a terminal and"
            + " FILE is a file, a progress line is shown while reading.",
        "",
        "SIGINT and SIGTERM stop the scan cleanly: the signatures see the end of input, findings"
            + " are flushed, the summary is printed and the state saved."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the input was read to the end (with or without findings or rejected lines)",
        "1:the scan stopped part-way: reading the input, writing findings or saving the state"
            + " failed (the summary says how far it got)",
        "2:usage error: an unknown or invalid option, an unreadable input file, an unusable"
            + " state file (left unchanged)",
        "130, 143:stopped by SIGINT or SIGTERM, after flushing findings, printing the summary"
            + " and saving the state"})
final class ScanCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The Tracee JSON lines to read; '-' or none reads standard input.")
  private @Nullable String file;

  @Option(names = "--summary", paramLabel = "text|json", defaultValue = "text",
      description = "How the summary is printed on standard error: text (default, for people)"
          + " or json (one JSON object on the last line, starting with the integer fields"
          + " events, rejected, findings, suppressed, signatureErrors).")
  private SummaryFormat summary = SummaryFormat.TEXT;

  @Option(names = "--format", paramLabel = "tracee|ocsf", defaultValue = "tracee",
      description = "How findings are written, one JSON object per line: tracee (default;"
          + " Tracee's finding-event JSON) or ocsf (OCSF 1.3.0 Detection Findings, class 2004).")
  private OutputFormat format = OutputFormat.TRACEE;

  @Option(names = "--dedup-period", paramLabel = "DURATION",
      description = "Replaces the deduplication period of every signature that deduplicates"
          + " (SGL-1001 and SGL-1002: P1D by default; TRC-1022 never does, as in Tracee)."
          + " A repeat of a finding within the period, in event time, is suppressed and counted."
          + " ISO-8601, e.g. P1D, PT12H; PT0S turns deduplication off.")
  private @Nullable Duration dedupPeriod;

  @Option(names = "--learning",
      description = "Learn before alerting (SGL-1001): per host, what runs during the training"
          + " period is learned, nothing fires before the activation period has passed, and"
          + " afterwards only what was not learned fires. SGL-1002 ignores learning. Off by"
          + " default.")
  private boolean learning;

  @Option(names = "--training-period", paramLabel = "DURATION", defaultValue = "P30D",
      description = "With --learning: how long, per host in event time, is learned"
          + " (default: ${DEFAULT-VALUE}).")
  private Duration trainingPeriod = Duration.ofDays(30);

  @Option(names = "--activation-period", paramLabel = "DURATION", defaultValue = "P14D",
      description = "With --learning: how long, per host in event time, SGL-1001 stays silent"
          + " (default: ${DEFAULT-VALUE}).")
  private Duration activationPeriod = Duration.ofDays(14);

  @Option(names = "--storage-root", paramLabel = "[NAME=]DIR",
      description = "Adds a directory that holds container files on the host, for SGL-1001 and"
          + " SGL-1002 (repeatable), in addition to the built-in Docker, containerd, Podman,"
          + " kubelet and /proc roots; '*' stands for one path segment, e.g."
          + " my-runtime=/srv/containers/*/rootfs/ (NAME becomes the finding's evidence).")
  private List<String> storageRoots = new ArrayList<>();

  @Option(names = "--allow-runtime", paramLabel = "NAME",
      description = "Adds a process name SGL-1001 treats as a container runtime doing its job"
          + " (repeatable); a trailing '*' matches a prefix. Built in: runc, crun, conmon,"
          + " dockerd, containerd, containerd-shim*.")
  private List<String> runtimes = new ArrayList<>();

  @Option(names = "--state", paramLabel = "FILE",
      description = "Keeps state across runs (deduplication, learned profiles, the inode index):"
          + " loaded at start when FILE exists, written at exit atomically. A corrupt or"
          + " newer-version FILE stops the scan (exit 2) and is never overwritten.")
  private @Nullable Path state;

  @Option(names = "--threads", paramLabel = "N",
      description = "Decodes the input on N threads (default: the number of cores, here"
          + " ${DEFAULT-VALUE}); one engine still sees every event in input order, so findings and"
          + " state are those of --threads 1.")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--strict",
      description = "Decodes and checks every line. By default a line whose event no signature"
          + " selects is skipped once its eventName is read, unchecked, and counted as skipped in"
          + " the summary.")
  private boolean strict;

  @Option(names = "--signatures", paramLabel = "DIR|JAR",
      description = "Adds the signatures a jar registers for java.util.ServiceLoader"
          + " (META-INF/services/dev.sigil.core.Signature) to the built-in ones; a directory"
          + " adds those of every *.jar in it. Repeatable. A missing or unreadable path, or an"
          + " id already taken, stops the scan (exit 2).")
  private List<Path> signatureJars = new ArrayList<>();

  ScanCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Input input;
    try {
      input = Input.open(file, environment.stdin());
    } catch (CliException e) {
      return fail(e);
    }
    try {
      return scan(input);
    } catch (CliException e) {
      return fail(e);
    } finally {
      input.closeQuietly();
    }
  }

  private int fail(CliException e) {
    environment.stderr().println("sigil scan: " + e.getMessage());
    return e.status();
  }

  private int scan(Input input) throws CliException {
    if (threads < 1) {
      throw new CliException(2, "--threads must be at least 1, got " + threads);
    }
    StateFile stateFile = state == null ? null : new StateFile(state);
    if (stateFile != null) {
      String problem = stateFile.problem();
      if (problem != null) {
        throw new CliException(2, "cannot use state file '" + state + "': " + problem);
      }
    }
    ProgressLine progress = ProgressLine.wanted(environment.stderrIsTerminal(), input.regularFile())
        ? new ProgressLine(environment.stderr(), input.size(), environment.nanoTime())
        : null;
    Diagnostics diagnostics = new Diagnostics(environment.stderr(), progress);
    FindingOutput output = format.open(environment.stdout());
    FindingTally tally = new FindingTally(output.listener());
    Engine engine = engine(signatures(containedExecutableOptions()), tally, diagnostics);
    if (stateFile != null) {
      try {
        stateFile.restoreInto(engine);
      } catch (IOException e) {
        throw new CliException(2, "cannot use state file '" + state + "': " + oneLine(e.getMessage())
            + ". The file was left unchanged; move it away (or pass another --state FILE) to start"
            + " with a fresh state.");
      }
    }
    TraceeReader.Builder readerBuilder = TraceeReader.builder().onRejection(diagnostics::rejected)
        .threads(threads);
    if (!strict) {
      readerBuilder.decodeOnlySelectedBy(engine);
    }
    TraceeReader reader = readerBuilder.build();
    Scan scan = new Scan(reader, engine, output, tally, diagnostics, stateFile, summary, input.name(),
        environment.nanoTime(), environment.stopGrace());
    InputStream in = progress == null ? input.stream() : new CountingInputStream(input.stream(), scan::bytesRead);
    StopSignals.Registration registration = environment.stopSignals().onStop(scan::stop);
    try {
      return scan.run(in);
    } finally {
      registration.cancel();
    }
  }

  private static String oneLine(@Nullable String message) {
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
  }

  ContainedExecutableOptions containedExecutableOptions() throws CliException {
    ContainedExecutableOptions options = ContainedExecutableOptions.defaults()
        .withLearning(learning)
        .withPeriods(trainingPeriod, activationPeriod);
    try {
      if (!storageRoots.isEmpty()) {
        options = options.withExtraStorageRoots(storageRoots);
      }
      if (!runtimes.isEmpty()) {
        options = options.withExtraRuntimeAllowlist(runtimes);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "invalid --storage-root or --allow-runtime: " + e.getMessage());
    }
    return options;
  }

  /**
   * The one place where the scanned signatures are assembled: the built-in ones, configured by
   * the options, then those of the {@code --signatures} jars. Further sources of signatures add
   * theirs here; a duplicate id is caught when the engine is built.
   */
  private List<Signature> signatures(ContainedExecutableOptions options) throws CliException {
    List<Signature> all = new ArrayList<>(environment.builtInSignatures().apply(options));
    all.addAll(SignatureJars.load(signatureJars, environment.stderr()));
    return all;
  }

  private Engine engine(List<Signature> signatures, FindingListener findings,
      Diagnostics diagnostics) throws CliException {
    Engine.Builder builder = Engine.builder()
        .onFinding(findings)
        .onError(diagnostics::signatureError);
    if (dedupPeriod != null) {
      builder.dedupWindow(dedupPeriod);
    }
    try {
      return builder.addAll(signatures).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException(2, "cannot set up the signatures: " + e.getMessage());
    }
  }
}
