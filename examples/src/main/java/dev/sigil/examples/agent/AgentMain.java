package dev.sigil.examples.agent;

import dev.sigil.core.Signature;
import dev.sigil.examples.shell.InteractiveShellInContainer;
import dev.sigil.signatures.Signatures;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded-agent example:
 * {@code java -jar examples/target/sigil-agent.jar --port 7000},
 * then send Tracee JSON lines to 127.0.0.1:7000 (e.g.
 * {@code tracee --output json | nc 127.0.0.1 7000}). Findings go to stdout, statistics and
 * problems to stderr. Ctrl-C (or SIGTERM) shuts down without losing a finding.
 */
@Command(name = "sigil-agent", mixinStandardHelpOptions = true,
    version = "sigil-agent: the embedded-agent example of Sigil",
    description = "Reads Tracee JSON from a loopback socket or a FIFO, runs the built-in "
        + "signatures and EX-0001 on one engine per partition, writes findings to stdout.")
public final class AgentMain implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N",
      description = "listen on 127.0.0.1:N (0 for any free port; the port is logged)")
  private @Nullable Integer port;

  @Option(names = "--fifo", paramLabel = "PATH", description = "read this named pipe instead")
  private @Nullable Path fifo;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
      description = "engines (threads), events partitioned by host name (default: ${DEFAULT-VALUE})")
  private int partitions;

  @Option(names = "--format", paramLabel = "tracee|ocsf", defaultValue = "tracee",
      description = "finding output format (default: ${DEFAULT-VALUE})")
  @SuppressWarnings("NullAway.Init") // picocli sets it (to its default at least) before call()
  private String format;

  @Option(names = "--stats-interval", paramLabel = "SECONDS", defaultValue = "10",
      description = "print statistics to stderr this often; 0 for never (default: ${DEFAULT-VALUE})")
  private long statsSeconds;

  @Option(names = "--once", description = "stop when the first connection ends")
  private boolean once;

  private final PrintStream err;
  private final OutputStream out;

  private AgentMain(OutputStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the agent until its input ends or the JVM is asked to stop.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, OutputStream out, PrintStream err) {
    return new CommandLine(new AgentMain(out, err)).setErr(new java.io.PrintWriter(err, true))
        .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Integer givenPort = port;
    Path givenFifo = fifo;
    if ((givenPort == null) == (givenFifo == null)) {
      err.println("sigil-agent: give exactly one input: --port N or --fifo PATH");
      return 2;
    }
    AgentOptions options;
    try {
      OutputFormat outputFormat;
      try {
        outputFormat = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--format must be tracee or ocsf, not '" + format + "'");
      }
      AgentOptions base = givenFifo == null ? AgentOptions.listening(port(givenPort))
          : AgentOptions.listening(0).withFifo(givenFifo);
      options = base.withPartitions(partitions).withFormat(outputFormat).withOnce(once)
          .withStatsInterval(Duration.ofSeconds(statsSeconds));
    } catch (IllegalArgumentException e) {
      err.println("sigil-agent: " + e.getMessage());
      return 2;
    }
    Agent agent = new Agent(options, AgentMain::signatures, new KeepOpen(out), err);
    agent.start();
    if (port != null) {
      err.println("sigil-agent: listening on 127.0.0.1:" + agent.port());
    }
    Thread hook = new Thread(() -> {
      agent.shutdown();
      try {
        agent.awaitTermination(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sigil-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    agent.awaitTermination(Long.MAX_VALUE);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running; it waits for the same termination
    }
    return 0;
  }

  // call() has checked that exactly one of --port and --fifo was given.
  private static int port(@Nullable Integer given) {
    return Objects.requireNonNull(given, "--port");
  }

  /** Each partition's engine needs signature instances of its own. */
  private static List<Signature> signatures() {
    List<Signature> all = new ArrayList<>(Signatures.builtIn());
    all.add(new InteractiveShellInContainer());
    return all;
  }

  /** Lets the writer close its output without closing stdout. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
