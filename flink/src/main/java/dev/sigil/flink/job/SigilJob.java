package dev.sigil.flink.job;

import dev.sigil.core.output.FindingFormat;
import dev.sigil.flink.DetectedFinding;
import dev.sigil.flink.EngineConfigurer;
import dev.sigil.flink.InputRecord;
import dev.sigil.flink.NodeKey;
import dev.sigil.flink.SignatureSet;
import dev.sigil.flink.SigilDetector;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Sigil job: Tracee events from a file or a Kafka topic, findings to a file, a Kafka topic,
 * or nowhere (for measuring). Under {@code java -jar} it runs on an embedded local cluster bound
 * to loopback; under {@code flink run} on the cluster it is submitted to.
 */
@Command(name = "sigil-flink", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true, version = "sigil-flink 0.1.0-SNAPSHOT",
    description = {
        "Runs Sigil's signatures over Tracee events as an Apache Flink job: one engine per node,"
            + " each node's state in Flink's checkpoints.",
        "",
        "With --input FILE and --output FILE the output holds exactly the findings sigil scan"
            + " prints for FILE (in any order), at any parallelism."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the input was read to the end (a bounded input), or the job was submitted detached",
        "1:the job failed",
        "2:usage error"})
public final class SigilJob implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE|kafka:BOOTSTRAP/TOPIC",
      description = "Tracee JSON lines: a file, or a Kafka topic (records keyed by node).")
  private String input = "";

  @Option(names = "--output", required = true, paramLabel = "FILE|kafka:BOOTSTRAP/TOPIC|discard",
      description = "Where findings go, one JSON object per line (file) or per record (Kafka,"
          + " keyed by node, the finding id in header " + KafkaEndpoint.FINDING_ID_HEADER
          + "); discard drops them (for measuring).")
  private String output = "";

  @Option(names = "--parallelism", paramLabel = "N",
      description = "The job's parallelism (default: the cluster's; locally, the number of cores).")
  private @Nullable Integer parallelism;

  @Option(names = "--format", paramLabel = "tracee|ocsf", defaultValue = "tracee",
      description = "Findings as Tracee finding events (default) or OCSF 1.3.0 Detection Findings.")
  private FindingFormat format = FindingFormat.TRACEE;

  @Option(names = "--node-key", paramLabel = "record-key|json:/POINTER|constant:NAME",
      description = "Which node a record belongs to (never hostName). Default: constant: (one"
          + " node's stream) for a file, record-key for Kafka.")
  private @Nullable String nodeKey;

  @Option(names = "--event-at", paramLabel = "/POINTER",
      description = "The Tracee event is inside a shipper's JSON wrapper at this pointer: a"
          + " string holding the line (e.g. /log) or the event as an object.")
  private @Nullable String eventAt;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Where checkpoints go (kept when the job is cancelled, for --restore);"
          + " enables checkpointing.")
  private @Nullable Path checkpointDir;

  @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "PT10S",
      description = "How often to checkpoint, with --checkpoint-dir, Kafka input or"
          + " --exactly-once (ISO-8601, default ${DEFAULT-VALUE}).")
  private Duration checkpointInterval = Duration.ofSeconds(10);

  @Option(names = "--restore", paramLabel = "PATH",
      description = "Starts from a savepoint or retained checkpoint (locally; use flink run -s"
          + " on a cluster).")
  private @Nullable String restore;

  @Option(names = "--exactly-once",
      description = "Kafka output in transactions committed at each checkpoint: consumers"
          + " reading committed records see no replayed finding (default: at-least-once,"
          + " replays carry the same finding id).")
  private boolean exactlyOnce;

  @Option(names = "--bounded",
      description = "Kafka input: read up to the offsets that are the latest at start, then end.")
  private boolean bounded;

  @Option(names = "--group-id", paramLabel = "ID", defaultValue = "sigil",
      description = "Kafka consumer group (default ${DEFAULT-VALUE}).")
  private String groupId = "sigil";

  @Option(names = "--dedup-period", paramLabel = "DURATION",
      description = "Replaces every signature's deduplication window, as sigil scan's option.")
  private @Nullable Duration dedupPeriod;

  @Option(names = "--learning", description = "SGL-1001 learns per host before alerting.")
  private boolean learning;

  @Option(names = "--training-period", paramLabel = "DURATION", defaultValue = "P30D",
      description = "With --learning: how long is learned (default ${DEFAULT-VALUE}).")
  private Duration trainingPeriod = Duration.ofDays(30);

  @Option(names = "--activation-period", paramLabel = "DURATION", defaultValue = "P14D",
      description = "With --learning: how long SGL-1001 stays silent (default ${DEFAULT-VALUE}).")
  private Duration activationPeriod = Duration.ofDays(14);

  @Option(names = "--max-engines", paramLabel = "N", defaultValue = "1024",
      description = "Node engines kept in memory per subtask; beyond, the least recently used is"
          + " saved to state and dropped (default ${DEFAULT-VALUE}).")
  private int maxEngines = 1024;

  private final Configuration localConfig;
  private final PrintStream err;
  private @Nullable UnaryOperator<DataStream<InputRecord>> beforeDetector;

  SigilJob(Configuration localConfig, PrintStream err) {
    this.localConfig = localConfig;
    this.err = err;
  }

  /**
   * Runs the job and exits with a non-zero status when it failed. Returns normally on success,
   * as {@code flink run} expects of a program's main method.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    // Under java -jar the embedded cluster logs through slf4j-simple (in lib/, not in the
    // cluster jar): warnings and errors only, unless asked otherwise.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int status = run(args, LocalCluster.configuration(null), System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the job in-process.
   *
   * @param args the options
   * @param localConfig the embedded cluster's configuration, used when not submitted by
   *     {@code flink run}
   * @param err where the summary and messages go
   * @return the exit status
   */
  static int run(String[] args, Configuration localConfig, PrintStream err) {
    return commandLine(new SigilJob(localConfig, err)).execute(args);
  }

  static CommandLine commandLine(SigilJob job) {
    CommandLine cli = new CommandLine(job);
    cli.registerConverter(Duration.class, Duration::parse);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setErr(new PrintWriter(job.err, true));
    cli.setParameterExceptionHandler((problem, args) -> {
      PrintWriter out = problem.getCommandLine().getErr();
      out.println("sigil-flink: " + problem.getMessage());
      out.println("Try 'sigil-flink --help' for every option.");
      return 2;
    });
    return cli;
  }

  /** For tests: a transformation inserted between the source and the detector. */
  SigilJob beforeDetector(UnaryOperator<DataStream<InputRecord>> transformation) {
    this.beforeDetector = transformation;
    return this;
  }

  @Override
  public Integer call() throws Exception {
    StreamExecutionEnvironment env;
    try {
      env = environment();
      build(env);
    } catch (IllegalArgumentException e) {
      err.println("sigil-flink: " + e.getMessage());
      return 2;
    }
    long start = System.nanoTime();
    JobExecutionResult result;
    try {
      result = env.execute("Sigil: " + input + " -> " + output);
    } catch (Exception e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      err.println("sigil-flink: the job failed: " + cause);
      return 1;
    }
    summary(result, System.nanoTime() - start);
    return 0;
  }

  private StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (env instanceof LocalStreamEnvironment) {
      Configuration config = new Configuration(localConfig);
      if (restore != null) {
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, restore);
      }
      env = StreamExecutionEnvironment.createLocalEnvironment(config);
    }
    return env;
  }

  /**
   * Adds the job's sources, detector and sinks to an environment.
   *
   * @param env the environment
   * @throws IllegalArgumentException when an option is unusable, saying why
   */
  void build(StreamExecutionEnvironment env) {
    boolean kafkaIn = KafkaEndpoint.isKafka(input);
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be at least 1: " + parallelism);
      }
      env.setParallelism(parallelism);
    }
    // Records are handed from the source to the routing function without a copy: nothing
    // downstream keeps a record it was given.
    env.getConfig().enableObjectReuse();
    // Kafka input commits its offsets, and transactional output its transactions, at
    // checkpoints: both need them.
    if (checkpointDir != null || kafkaIn || exactlyOnce) {
      env.enableCheckpointing(checkpointInterval.toMillis());
    }
    if (checkpointDir != null) {
      Configuration checkpoints = new Configuration();
      checkpoints.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      checkpoints.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          checkpointDir.toAbsolutePath().toUri().toString());
      checkpoints.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      env.configure(checkpoints);
    }
    if (exactlyOnce && !KafkaEndpoint.isKafka(output)) {
      throw new IllegalArgumentException("--exactly-once applies to Kafka output only");
    }
    if (bounded && !kafkaIn) {
      throw new IllegalArgumentException("--bounded applies to Kafka input only (a file is bounded)");
    }
    if (maxEngines < 1) {
      throw new IllegalArgumentException("--max-engines must be at least 1: " + maxEngines);
    }

    DataStream<InputRecord> records = source(env, kafkaIn);
    if (beforeDetector != null) {
      records = beforeDetector.apply(records);
    }
    SigilDetector.Result result = detector(kafkaIn).apply(records);
    result.rejected().sinkTo(new RejectionLog()).name("rejected lines").uid("sigil-rejections")
        .setParallelism(1);
    sink(result.findings());
  }

  private DataStream<InputRecord> source(StreamExecutionEnvironment env, boolean kafkaIn) {
    if (kafkaIn) {
      KafkaEndpoint endpoint = KafkaEndpoint.parse(input);
      var builder = KafkaSource.<InputRecord>builder()
          .setBootstrapServers(endpoint.bootstrap())
          .setTopics(endpoint.topic())
          .setGroupId(groupId)
          .setStartingOffsets(committedOrEarliest())
          .setDeserializer(new KafkaEndpoint.Records());
      if (bounded) {
        builder.setBounded(OffsetsInitializer.latest());
      }
      return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "Kafka: " + input,
              TypeInformation.of(InputRecord.class))
          .uid("sigil-source");
    }
    Path file = Path.of(input);
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read the input file '" + input + "'");
    }
    DataStreamSource<InputRecord> source = env.fromSource(
        FileSource.forRecordStreamFormat(new TraceeLineFormat(1 << 20),
            new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri())).build(),
        WatermarkStrategy.noWatermarks(), "File: " + input, TypeInformation.of(InputRecord.class));
    // One file is one split, read in order by one reader (the routing function chained to it):
    // byte ranges read by several readers would bring a node's lines to its engine from two
    // places, out of order.
    source.setParallelism(1).uid("sigil-source");
    return source;
  }

  // The connector takes Kafka's reset strategy type, deprecated in kafka-clients 4.x with no
  // replacement in the connector's API yet.
  @SuppressWarnings("deprecation")
  private static OffsetsInitializer committedOrEarliest() {
    return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
  }

  private SigilDetector detector(boolean kafkaIn) {
    NodeKey key = nodeKey != null ? NodeKey.parse(nodeKey)
        : kafkaIn ? NodeKey.recordKey() : NodeKey.constant("");
    if (!learning && (trainingPeriod.compareTo(Duration.ofDays(30)) != 0
        || activationPeriod.compareTo(Duration.ofDays(14)) != 0)) {
      throw new IllegalArgumentException("--training-period and --activation-period need --learning");
    }
    ContainedExecutableOptions options = ContainedExecutableOptions.defaults()
        .withLearning(learning)
        .withPeriods(trainingPeriod, activationPeriod);
    Duration window = dedupPeriod;
    EngineConfigurer engine = window == null ? EngineConfigurer.defaults() : b -> b.dedupWindow(window);
    SigilDetector.Builder builder = SigilDetector.builder()
        .signatures(SignatureSet.builtIn(options))
        .engine(engine)
        .nodeKey(key)
        .format(format)
        .maxEnginesPerSubtask(maxEngines);
    if (eventAt != null) {
      builder.eventAt(eventAt);
    }
    return builder.build();
  }

  private void sink(DataStream<DetectedFinding> findings) {
    if (output.equals("discard")) {
      findings.sinkTo(new DiscardingSink<>()).name("discard").uid("sigil-sink");
    } else if (KafkaEndpoint.isKafka(output)) {
      KafkaEndpoint endpoint = KafkaEndpoint.parse(output);
      var builder = KafkaSink.<DetectedFinding>builder()
          .setBootstrapServers(endpoint.bootstrap())
          .setRecordSerializer(new KafkaEndpoint.Findings(endpoint.topic()))
          .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE
              : DeliveryGuarantee.AT_LEAST_ONCE);
      if (exactlyOnce) {
        // The connector asks for an hour; brokers refuse more than transaction.max.timeout.ms
        // (15 minutes by default). A transaction spans one checkpoint interval, plus a restart.
        builder.setTransactionalIdPrefix("sigil-" + endpoint.topic())
            .setProperty("transaction.timeout.ms", Long.toString(Duration.ofMinutes(15).toMillis()));
      }
      findings.sinkTo(builder.build()).name("Kafka: " + output).uid("sigil-sink");
    } else {
      Path file = Path.of(output);
      findings.sinkTo(new FileLinesSink(file)).name("File: " + output).uid("sigil-sink")
          .setParallelism(1);
    }
  }

  private void summary(JobExecutionResult result, long nanos) {
    if (!result.isJobExecutionResult()) {
      err.println("sigil-flink: job " + result.getJobID() + " submitted");
      return;
    }
    long events = counter(result, SigilDetector.EVENTS);
    double seconds = nanos / 1e9;
    err.printf(Locale.ROOT, "sigil-flink: %s read to the end in %.2f s (job %.2f s)%n", input,
        seconds, result.getNetRuntime() / 1e3);
    err.printf(Locale.ROOT, "  %-18s %12d   %.0f/s in the job%n", "events", events,
        events / Math.max(1e-3, result.getNetRuntime() / 1e3));
    err.printf(Locale.ROOT, "  %-18s %12d%n", "skipped lines", counter(result, SigilDetector.SKIPPED));
    err.printf(Locale.ROOT, "  %-18s %12d%n", "rejected lines",
        counter(result, SigilDetector.REJECTED_LINES) + counter(result, SigilDetector.UNROUTED));
    err.printf(Locale.ROOT, "  %-18s %12d%n", "findings", counter(result, SigilDetector.FINDINGS));
    err.printf(Locale.ROOT, "  %-18s %12d%n", "suppressed", counter(result, SigilDetector.SUPPRESSED));
    err.printf(Locale.ROOT, "  %-18s %12d%n", "signature errors",
        counter(result, SigilDetector.SIGNATURE_ERRORS));
  }

  private static long counter(JobExecutionResult result, String name) {
    Object value = result.getAccumulatorResult(name);
    return value instanceof Long ? (Long) value : 0L;
  }
}
