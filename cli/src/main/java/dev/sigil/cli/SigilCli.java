package dev.sigil.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sigil} command line ({@code java -jar sigil.jar scan [options] [FILE|-]}).
 *
 * <p>{@link #run(String[], InputStream, OutputStream, PrintStream)} runs it in-process with
 * the caller's streams, which is how it is tested and how it can be embedded.
 */
public final class SigilCli {
  private SigilCli() {}

  /**
   * Runs the command line on the process's own streams and exits with its status.
   *
   * @param args the arguments, e.g. {@code scan --summary json events.jsonl}
   */
  public static void main(String[] args) {
    // Findings go to the file descriptor directly rather than through System.out: a PrintStream
    // swallows write errors, and a closed pipe (sigil scan ... | head) must stop the scan.
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    String noColor = System.getenv("NO_COLOR");
    CliEnvironment environment = CliEnvironment.of(System.in, stdout, stderr)
        .withTerminals(Terminal.stdinIsTerminal(), Terminal.stdoutIsTerminal(), Terminal.stderrIsTerminal())
        .withNoColor(noColor != null && !noColor.isEmpty())
        .withStopSignals(StopSignals.runtime());
    int status = run(args, environment);
    stderr.flush();
    System.exit(status);
  }

  /**
   * Runs the command line in-process: no shutdown hooks, no progress line.
   *
   * @param args the arguments
   * @param stdin what {@code -} (or no file) reads
   * @param stdout where findings and {@code --help} go; flushed after each finding
   * @param stderr where rejected lines, signature errors, messages and the summary go
   * @return the exit status: 0 when the input was read to the end, 1 when the scan failed
   *     part-way, 2 for a usage error or an unreadable input or state file
   */
  public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr) {
    return run(args, CliEnvironment.of(stdin, stdout, stderr));
  }

  static int run(String[] args, CliEnvironment environment) {
    CommandLine cli = commandLine(environment);
    int status = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return status;
  }

  static CommandLine commandLine(CliEnvironment environment) {
    CommandLine cli = new CommandLine(new SigilCommand(environment));
    cli.addSubcommand("scan", new ScanCommand(environment));
    cli.addSubcommand("signatures", new SignaturesCommand(environment));
    cli.addSubcommand("explain", new ExplainCommand(environment));
    cli.registerConverter(Duration.class, new DurationConverter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(environment.stdout(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(environment.stderr(), true));
    cli.setParameterExceptionHandler((problem, args) -> {
      CommandLine command = problem.getCommandLine();
      String name = command.getCommandSpec().qualifiedName();
      PrintWriter err = command.getErr();
      err.println(Terminal.escape(name + ": " + UsageErrors.explain(problem)));
      err.println("Try '" + name + " --help' for every option.");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    });
    return cli;
  }

  /** The top-level command; {@code sigil} alone prints its usage and fails. */
  @Command(name = "sigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Evaluates runtime-security signatures over Tracee events.",
      commandListHeading = "%nCommands:%n")
  static final class SigilCommand implements Callable<Integer> {
    private final CliEnvironment environment;
    @Spec private @Nullable CommandSpec spec;

    SigilCommand(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      PrintStream err = environment.stderr();
      err.println("sigil: a command is required: scan (e.g. sigil scan events.jsonl), signatures"
          + " or explain ID");
      if (spec != null) {
        err.print(spec.commandLine().getUsageMessage());
      }
      return CommandLine.ExitCode.USAGE;
    }
  }
}
