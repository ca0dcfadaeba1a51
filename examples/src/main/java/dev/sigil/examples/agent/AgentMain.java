package dev.sigil.examples.agent;

import dev.sigil.core.Signature;
import dev.sigil.core.output.FindingFormat;
import dev.sigil.examples.shell.InteractiveShellInContainer;
import dev.sigil.signatures.Signatures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded-agent example:
 * {@code java -jar examples/target/sigil-agent.jar --port 7000},
 * then send Tracee JSON lines to 127.0.0.1:7000, each connection's first line naming its node
 * (e.g. {@code (echo "#node $(hostname)"; tracee --output json) | nc 127.0.0.1 7000}). Findings
 * go to stdout, statistics and problems to stderr. Ctrl-C (or SIGTERM) stops within a bounded
 * time without losing a finding the output can take.
 */
@Command(name = "sigil-agent", mixinStandardHelpOptions = true,
    version = "sigil-agent: the embedded-agent example of Sigil",
    description = "Reads Tracee JSON from loopback connections or a FIFO, runs the built-in "
        + "signatures and EX-0001 on one engine per node (nodes hashed over partitions, one "
        + "thread each), writes findings to stdout.")
public final class AgentMain implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N",
      description = "listen on 127.0.0.1:N (0 for any free port; the port is logged)")
  private @Nullable Integer port;

  @Option(names = "--fifo", paramLabel = "PATH",
      description = "read this named pipe instead, opening it again when its writer closes it")
  private @Nullable Path fifo;

  @Option(names = "--node", paramLabel = "NAME", defaultValue = "local",
      description = "the node of a sender whose first line is not '#node NAME' "
          + "(default: ${DEFAULT-VALUE})")
  @SuppressWarnings("NullAway.Init") // picocli sets it (to its default at least) before call()
  private String node;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
      description = "partitions (threads) at most, nodes hashed over them, each started on first "
          + "use (default: ${DEFAULT-VALUE})")
  private int partitions;

  @Option(names = "--nodes-per-partition", paramLabel = "N", defaultValue = "64",
      description = "nodes' engines a partition keeps (one per node, so nodes never share "
          + "state); beyond, the engine of the node quiet the longest is closed, its state lost, "
          + "said once and counted (default: ${DEFAULT-VALUE})")
  private int nodesPerPartition;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "close a connection that sends nothing for this long, freeing its slot; "
          + "0 for never (default: ${DEFAULT-VALUE})")
  private long idleSeconds;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "64",
      description = "connections read at once; more wait to be accepted "
          + "(default: ${DEFAULT-VALUE})")
  private int maxConnections;

  @Option(names = "--format", paramLabel = "tracee|ocsf", defaultValue = "tracee",
      description = "finding output format (default: ${DEFAULT-VALUE})")
  @SuppressWarnings("NullAway.Init") // picocli sets it (to its default at least) before call()
  private String format;

  @Option(names = "--stats-interval", paramLabel = "SECONDS", defaultValue = "10",
      description = "print statistics to stderr this often; 0 for never (default: ${DEFAULT-VALUE})")
  private long statsSeconds;

  @Option(names = "--once",
      description = "stop when the first connection ends, or when the FIFO's writer closes it")
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
    if ((port == null) == (fifo == null)) {
      err.println("sigil-agent: give exactly one input: --port N or --fifo PATH");
      return 2;
    }
    AgentOptions options;
    try {
      FindingFormat outputFormat;
      try {
        outputFormat = FindingFormat.of(format);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--format: " + e.getMessage());
      }
      AgentOptions base = port != null ? AgentOptions.listening(port) : AgentOptions.reading(fifo);
      options = base.withNode(node).withPartitions(partitions).withMaxConnections(maxConnections)
          .withFormat(outputFormat).withOnce(once).withStatsInterval(Duration.ofSeconds(statsSeconds))
          .withNodesPerPartition(nodesPerPartition).withIdleTimeout(Duration.ofSeconds(idleSeconds));
    } catch (IllegalArgumentException e) {
      err.println("sigil-agent: " + e.getMessage());
      return 2;
    }
    // The finding writer flushes standard output at the end and leaves it open.
    Agent agent = new Agent(options, AgentMain::signatures, out, err);
    agent.start();
    if (port != null) {
      err.println("sigil-agent: listening on 127.0.0.1:" + agent.port());
    }
    long stopMillis = options.stopBound().toMillis() + 1_000;
    Thread hook = new Thread(() -> {
      agent.shutdown();
      try {
        agent.awaitTermination(stopMillis);
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
    return agent.failed() ? 1 : 0;
  }

  /** Each node's engine needs signature instances of its own. */
  private static List<Signature> signatures() {
    List<Signature> all = new ArrayList<>(Signatures.builtIn());
    all.add(new InteractiveShellInContainer());
    return all;
  }
}
