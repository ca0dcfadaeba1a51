package dev.sigil.benchmarks;

import dev.sigil.benchmarks.events.EventMix;
import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's hot path over in-memory events (no JSON): the cost of one {@code accept} per
 * event, with all built-in signatures, against the hand-written floor.
 *
 * <ul>
 *   <li>{@code nonMatching}: a node's ordinary activity (30% exec, 20% magic_write with harmless
 *       ELF writes among them); every built-in signature evaluates, none fires.
 *   <li>{@code nonMatchingTrc1022Only}: the same events, an engine holding only TRC-1022: the
 *       engine's own overhead over {@code handWrittenFloor}.
 *   <li>{@code mixed}: the same activity with about 1% of events dropping an ELF in a container.
 *   <li>{@code trc1022Firing}: every event drops an ELF in a container.
 *   <li>{@code handWrittenFloor}: TRC-1022's condition as a plain {@code if} over the
 *       {@code nonMatching} events.
 * </ul>
 *
 * <p>Every figure is per event ({@code @OperationsPerInvocation} over a batch).
 */
@State(Scope.Thread)
public class EngineBenchmark extends BenchmarkSettings {
  private Event[] quiet;
  private Event[] realistic;
  private Event[] everyEventDropsElf;
  private Engine builtIns;
  private Engine droppedExecutableOnly;
  private Engine droppedAndContained;
  private final Workloads.KeepingListener findings = new Workloads.KeepingListener();

  /** Generates the batches and builds the engines. */
  @Setup(Level.Trial)
  public void setUp() {
    quiet = Workloads.events(EventMix.quiet());
    realistic = Workloads.events(EventMix.realistic());
    everyEventDropsElf = Workloads.events(EventMix.everyEventDropsElf());
    builtIns = Workloads.engine(Workloads.builtIns(), findings);
    droppedExecutableOnly = Workloads.engine(List.of(Workloads.droppedExecutable()), findings);
    droppedAndContained = Workloads.engine(Workloads.droppedAndContained(), findings);
    System.out.printf("%n[setup] %d events per batch; TRC-1022 fires on %d (nonMatching), %d (mixed),"
            + " %d (trc1022Firing); signatures: %s%n",
        Workloads.BATCH, Workloads.handWrittenFindings(quiet),
        Workloads.handWrittenFindings(realistic), Workloads.handWrittenFindings(everyEventDropsElf),
        builtIns.signatures().stream().map(m -> m.id()).toList());
  }

  /** Reports what the engines found, so a run shows findings were made where expected. */
  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.printf("%n[teardown] findings delivered: %d; stats: %s%n", findings.findings,
        builtIns.stats());
  }

  /** All built-ins over ordinary activity: nothing fires. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void nonMatching() {
    Workloads.acceptAll(builtIns, quiet);
  }

  /** Only TRC-1022 over ordinary activity: the engine's overhead over the hand-written floor. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void nonMatchingTrc1022Only() {
    Workloads.acceptAll(droppedExecutableOnly, quiet);
  }

  /**
   * TRC-1022 and SGL-1001 over ordinary activity: the set that {@code nonMatching} measured until
   * the Tracee signatures were ported, kept so that changes to SGL-1001/1002 compare with it.
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void nonMatchingDroppedAndContained() {
    Workloads.acceptAll(droppedAndContained, quiet);
  }

  /** All built-ins over ordinary activity with about 1% of events firing TRC-1022. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void mixed() {
    Workloads.acceptAll(builtIns, realistic);
  }

  /** All built-ins over ELF drops in containers: TRC-1022 fires on every event. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void trc1022Firing() {
    Workloads.acceptAll(builtIns, everyEventDropsElf);
  }

  /**
   * TRC-1022 as a plain {@code if}, no engine, over the {@code nonMatching} events.
   *
   * @return how many events it fired on (zero), so the work cannot be optimised away
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public int handWrittenFloor() {
    int fired = 0;
    for (Event event : quiet) {
      if (HandWrittenDroppedExecutable.fires(event)) {
        fired++;
      }
    }
    return fired;
  }
}
