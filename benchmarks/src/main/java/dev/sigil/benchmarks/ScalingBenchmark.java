package dev.sigil.benchmarks;

import dev.sigil.benchmarks.events.EventMix;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Signature;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the n-th signature costs, with 2, 16 and 128 non-firing signatures over a node's ordinary
 * activity (the {@code EngineBenchmark.nonMatching} events):
 *
 * <ul>
 *   <li>{@code absent}: two signatures select event types of the stream ({@code magic_write},
 *       {@code sched_process_exec}); all others select event types the stream never carries.
 *       Dispatch by type should make this flat.
 *   <li>{@code present}: every signature selects one of the stream's six event types
 *       (round-robin) and evaluates without firing: linear, with the slope of one argument
 *       lookup and comparison per selected signature.
 * </ul>
 */
@State(Scope.Thread)
public class ScalingBenchmark extends BenchmarkSettings {
  private static final String[][] STREAM_TYPES = {
      {"magic_write", "pathname"}, {"sched_process_exec", "pathname"},
      {"security_file_open", "pathname"}, {"openat", "pathname"}, {"net_packet_tcp", "dst"},
      {"net_packet_dns", "dst"}};

  /** How many signatures the engine holds. */
  @Param({"2", "16", "128"})
  public int signatures;

  /** Whether the signatures beyond two select event types {@code absent} from the stream. */
  @Param({"absent", "present"})
  public String scenario;

  private Event[] events;
  private Engine engine;
  private final Workloads.KeepingListener findings = new Workloads.KeepingListener();

  /** Builds the engine and the batch. */
  @Setup(Level.Trial)
  public void setUp() {
    events = Workloads.events(EventMix.quiet());
    engine = Workloads.engine(signatures(signatures, scenario.equals("present")), findings);
  }

  /**
   * Checks that no probe fired: a firing probe would measure findings, not dispatch.
   *
   * @throws IllegalStateException when a probe fired
   */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (findings.findings != 0) {
      throw new IllegalStateException("probes fired " + findings.findings + " times");
    }
  }

  static List<Signature> signatures(int count, boolean allPresent) {
    List<Signature> probes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String prefix = "/never/" + i + "/";
      if (i < 2 || allPresent) {
        String[] type = STREAM_TYPES[i % STREAM_TYPES.length];
        probes.add(new ProbeSignature(i, type[0], type[1], prefix));
      } else {
        probes.add(new ProbeSignature(i, "absent_event_" + i, "pathname", prefix));
      }
    }
    return probes;
  }

  /** Every event of the batch through the engine. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void accept() {
    Workloads.acceptAll(engine, events);
  }
}
