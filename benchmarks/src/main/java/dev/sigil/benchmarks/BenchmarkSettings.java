package dev.sigil.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every Sigil benchmark shares, so that their figures compare: average time in
 * nanoseconds per operation, three warm-up and five measured iterations of two seconds, one fork
 * with a fixed 1 GiB heap. JMH's run annotations are inherited; a benchmark extends this and
 * says only what differs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class BenchmarkSettings {
  /** For subclasses. */
  protected BenchmarkSettings() {}
}
