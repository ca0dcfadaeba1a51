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
 * TRC-1022 in Sigil's engine and in Drools (executable model), over the same in-memory events
 * (a node's activity with about 1% of events dropping an ELF in a container), in the same run.
 * Setup checks both fire exactly as often as the hand-written rule, or the run fails.
 */
@State(Scope.Thread)
public class PeerBenchmark extends BenchmarkSettings {
  private Event[] events;
  private Engine sigil;
  private DroolsDroppedExecutable drools;
  private final Workloads.KeepingListener sigilFindings = new Workloads.KeepingListener();

  /**
   * Builds both engines and checks they agree.
   *
   * @throws IllegalStateException when an engine fires a different number of times than the
   *     hand-written rule
   */
  @Setup(Level.Trial)
  public void setUp() {
    events = Workloads.events(EventMix.realistic());
    sigil = Workloads.engine(List.of(Workloads.droppedExecutable()), sigilFindings);
    drools = new DroolsDroppedExecutable();
    int expected = Workloads.handWrittenFindings(events);
    for (Event event : events) {
      sigil.accept(event);
      drools.accept(event);
    }
    if (sigilFindings.findings != expected || drools.findings() != expected || expected == 0) {
      throw new IllegalStateException("engines disagree over " + events.length + " events: "
          + "hand-written " + expected + ", Sigil " + sigilFindings.findings + ", Drools "
          + drools.findings());
    }
    System.out.printf("%n[setup] Sigil, Drools and the hand-written rule each fire %d times in %d"
        + " events%n", expected, events.length);
  }

  /** Closes the Drools session. */
  @TearDown(Level.Trial)
  public void tearDown() {
    drools.close();
  }

  /** Sigil's engine holding TRC-1022. */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public void sigil() {
    Workloads.acceptAll(sigil, events);
  }

  /**
   * Drools holding the same rule: insert, fire, delete per event.
   *
   * @return the last finding, so the consequence's work is consumed
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.BATCH)
  public Object drools() {
    DroolsDroppedExecutable engine = drools;
    for (Event event : events) {
      engine.accept(event);
    }
    return engine.last();
  }
}
