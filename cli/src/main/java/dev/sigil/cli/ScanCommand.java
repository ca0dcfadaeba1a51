package dev.sigil.cli;

import dev.sigil.core.Engine;
import dev.sigil.core.FindingListener;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.RestoreReport;
import dev.sigil.core.Signature;
import dev.sigil.core.tracee.TraceeReader;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        "Reads Tracee events (the JSON lines of tracee --output json, bare or inside Docker or CRI"
            + " container log lines) from FILE or standard input, runs every built-in signature over"
            + " them, and writes each finding to standard output, flushed at once: one line of text"
            + " on a terminal, one JSON line otherwise (see --format).",
        "",
        "Standard error gets one line per rejected input line (line N: rejected: reason; the first"
            + " 100, then only counted by reason), one per signature error (the first 100 of each"
            + " signature), and a summary at the end. When standard error is a terminal and FILE is"
            + " a file, a progress line is shown while reading.",
        "",
        "SIGINT and SIGTERM stop the scan within a few seconds, whatever standard output does: the"
            + " signatures see the end of input, findings are flushed (those standard output did not"
            + " take in time are counted), the summary is printed and the state saved."},
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

  @Option(names = "--format", paramLabel = "auto|text|tracee|ocsf", defaultValue = "auto",
      description = "How findings are written: text (one line per finding for a person, severity"
          + " coloured on a terminal unless NO_COLOR is set), tracee (Tracee's finding-event JSON,"
          + " one object per line) or ocsf (OCSF 1.3.0 Detection Findings, class 2004, one per"
          + " line). The default, auto, is text when standard output is a terminal and tracee"
          + " otherwise, so pipes and scripts get JSON.")
  private OutputFormat format = OutputFormat.AUTO;

  @Option(names = "--input-format", paramLabel = "auto|tracee|docker-json|cri",
      defaultValue = "auto", converter = InputFormatConverter.class,
      description = "What the input's lines hold: tracee (Tracee's JSON lines), docker-json"
          + " (Docker's json-file log of Tracee's output: {\"log\":\"...\",\"stream\":...,"
          + "\"time\":...}), cri (containerd and CRI-O logs, as in /var/log/pods: <time> <stream>"
          + " <P|F> <line>, P lines joined with the next). Standard error lines of a log are"
          + " skipped and counted. The default, auto, decides from the first non-blank line.")
  private InputFormat inputFormat = InputFormat.AUTO;

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

  @Option(names = "--training-period", paramLabel = "DURATION",
      description = "With --learning: how long, per host in event time, is learned"
          + " (default: P30D).")
  private @Nullable Duration trainingPeriod;

  @Option(names = "--activation-period", paramLabel = "DURATION",
      description = "With --learning: how long, per host in event time, SGL-1001 stays silent"
          + " (default: P14D).")
  private @Nullable Duration activationPeriod;

  @Option(names = "--storage-root", paramLabel = "[NAME=]DIR",
      description = "Adds a directory that holds container files on the host, for SGL-1001 and"
          + " SGL-1002 (repeatable), in addition to the built-in Docker, containerd, Podman,"
          + " kubelet and /proc roots; '*' stands for one path segment, e.g."
          + " my-runtime=/srv/containers/*/rootfs/ (NAME becomes the finding's evidence).")
  private List<String> storageRoots = new ArrayList<>();

  @Option(names = "--allow-runtime", paramLabel = "NAME",
      description = "Adds a process name SGL-1001 treats as a container runtime doing its job"
          + " (repeatable); a trailing '*' matches a prefix. Built in: runc, crun, conmon,"
          + " dockerd, containerd, containerd-shim*, crio, kubelet.")
  private List<String> runtimes = new ArrayList<>();

  @Option(names = "--written-file-capacity", paramLabel = "KIND=N", split = ",",
      description = "How many files written in containers SGL-1001 and SGL-1002 remember, per"
          + " kind (repeatable, or comma-separated): elf (default 100000), script (#! scripts,"
          + " 50000), header-prefix (a header split across writes, 10000); each by inode and by"
          + " path. Each kind has its own budget, shared fairly between containers, so that a"
          + " flood of one kind or from one container cannot flush the others; a budget that"
          + " starts evicting says so once on standard error. About 70 bytes per entry.")
  private Map<String, Integer> writtenFileCapacities = new LinkedHashMap<>();

  @Option(names = "--state", paramLabel = "FILE",
      description = "Keeps state across runs (deduplication, learned profiles, the inode index):"
          + " loaded at start when FILE exists, written at exit atomically. A corrupt or"
          + " newer-version FILE stops the scan (exit 2) and is never overwritten. The state of"
          + " signatures not loaded in this run is kept, and named in a warning.")
  private @Nullable Path state;

  @Option(names = "--threads", paramLabel = "N",
      description = "Decodes the input on N threads (default: one fewer than the cores, at least"
          + " one, here ${DEFAULT-VALUE}); one engine still sees every event in input order, so"
          + " findings and state are those of --threads 1.")
  private int threads = defaultThreads(Runtime.getRuntime().availableProcessors());

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
      return e.report(environment.stderr(), "sigil scan");
    }
    try {
      return scan(input);
    } catch (CliException e) {
      return e.report(environment.stderr(), "sigil scan");
    } finally {
      input.closeQuietly();
    }
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
    ContainedExecutableOptions options = containedExecutableOptions();
    ProgressLine progress = ProgressLine.wanted(environment.stderrIsTerminal(), input.regularFile())
        ? new ProgressLine(environment.stderr(), input.size(), environment.nanoTime())
        : null;
    Diagnostics diagnostics = new Diagnostics(environment.stderr(), progress);
    List<Signature> signatures = SignaturesCommand.load(environment, options, signatureJars);
    OutputFormat resolved = format.resolve(environment.stdoutIsTerminal());
    boolean colour = environment.stdoutIsTerminal() && !environment.noColor();
    FindingWriter output = resolved.open(environment.stdout(), colour);
    // When findings and the progress line share one terminal, a finding is written with the
    // progress line erased and held off, so that the two never share a line.
    boolean sharedTerminal = progress != null && environment.stdoutIsTerminal();
    FindingPipe findings = new FindingPipe(output,
        write -> sharedTerminal ? () -> diagnostics.clearProgressDuring(write) : write,
        environment.nanoTime());
    Engine engine;
    try {
      engine = engine(signatures, findings, diagnostics);
    } catch (CliException e) {
      findings.close();
      throw e;
    }
    if (stateFile != null) {
      RestoreReport restored;
      try {
        restored = stateFile.restoreInto(engine);
      } catch (IOException e) {
        findings.close();
        throw new CliException(2, "cannot use state file '" + state + "': " + oneLine(e.getMessage())
            + ". The file was left unchanged; move it away (or pass another --state FILE) to start"
            + " with a fresh state.");
      }
      if (restored != null && !restored.ignored().isEmpty()) {
        // Usually a --signatures jar left out of this run: say so, or its learned state would
        // silently stop counting until the jar comes back.
        environment.stderr().println(Terminal.escape("sigil scan: warning: state file '" + state
            + "' holds the state of signatures not loaded in this run: "
            + String.join(", ", restored.ignored())
            + " (kept unchanged in the file; it is used again when they are loaded)"));
      }
    }
    Scan[] scan = new Scan[1];
    InputStream raw = progress == null ? input.stream()
        : new CountingInputStream(input.stream(), total -> {
          if (scan[0] != null) { // reading starts (byte order mark, detection) before the scan
            scan[0].bytesRead(total);
          }
        });
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    EventSource source;
    InputFormat read;
    if (input.interactive(environment.stdinIsTerminal())) {
      environment.stderr().println("sigil scan: reading Tracee events from standard input"
          + " (one JSON line each; Ctrl-D ends the input, Ctrl-C stops)");
    }
    try {
      InputFormat.skipByteOrderMark(in);
      read = inputFormat == InputFormat.AUTO && !input.interactive(environment.stdinIsTerminal())
          ? InputFormat.detect(in)
          : inputFormat == InputFormat.AUTO ? InputFormat.TRACEE : inputFormat;
    } catch (IOException e) {
      findings.close();
      throw new CliException(1, "reading " + input.name() + " failed: " + e.getMessage());
    }
    TraceeReader.Builder decoding = TraceeReader.builder().threads(threads);
    if (!strict) {
      decoding.decodeOnlySelectedBy(engine);
    }
    source = read == InputFormat.TRACEE
        ? new TraceeSource(in, diagnostics::rejected, decoding)
        : new ContainerLogSource(in, read, diagnostics::rejected, decoding);
    scan[0] = new Scan(source, engine, findings, diagnostics, stateFile, summary, input.name(),
        read.optionName(), environment.nanoTime(), environment.stopGrace());
    StopSignals.Registration registration = environment.stopSignals().onStop(scan[0]::stop);
    try {
      return scan[0].run();
    } finally {
      registration.cancel();
    }
  }

  private static String oneLine(@Nullable String message) {
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
  }

  ContainedExecutableOptions containedExecutableOptions() throws CliException {
    ContainedExecutableOptions defaults = ContainedExecutableOptions.defaults();
    if (!learning && (trainingPeriod != null || activationPeriod != null)) {
      throw new CliException(2, (trainingPeriod != null ? "--training-period" : "--activation-period")
          + " only applies with --learning; add --learning, or leave the period out");
    }
    ContainedExecutableOptions options = defaults
        .withLearning(learning)
        .withPeriods(trainingPeriod != null ? trainingPeriod : defaults.trainingPeriod(),
            activationPeriod != null ? activationPeriod : defaults.activationPeriod());
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
    return writtenFileCapacities.isEmpty() ? options : withWrittenFileCapacities(options);
  }

  private ContainedExecutableOptions withWrittenFileCapacities(ContainedExecutableOptions options)
      throws CliException {
    int elf = options.elfCapacity();
    int scripts = options.scriptCapacity();
    int headerPrefixes = options.headerPrefixCapacity();
    for (Map.Entry<String, Integer> e : writtenFileCapacities.entrySet()) {
      switch (e.getKey()) {
        case "elf" -> elf = e.getValue();
        case "script" -> scripts = e.getValue();
        case "header-prefix" -> headerPrefixes = e.getValue();
        default -> throw new CliException(2, "invalid --written-file-capacity: unknown kind '"
            + e.getKey() + "' (the kinds are elf, script and header-prefix)");
      }
    }
    try {
      return options.withWrittenFileCapacities(elf, scripts, headerPrefixes);
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "invalid --written-file-capacity: " + e.getMessage());
    }
  }


  private Engine engine(List<Signature> signatures, FindingListener findings,
      Diagnostics diagnostics) throws CliException {
    Engine.Builder builder = Engine.builder()
        .onFinding(findings)
        .onError(diagnostics::signatureError)
        .onNotice(notice -> diagnostics.message("sigil scan: " + notice));
    if (dedupPeriod != null) {
      builder.dedupWindow(dedupPeriod);
    }
    try {
      return builder.addAll(signatures).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException(2, "cannot set up the signatures: " + e.getMessage());
    }
  }

  /**
   * One core is left to the JVM's compiler, the garbage collector and the finding writer: on two
   * cores, {@code --threads 2} ran slower than {@code --threads 1} (benchmarks/README.md).
   */
  static int defaultThreads(int cores) {
    return Math.max(1, cores - 1);
  }
}
