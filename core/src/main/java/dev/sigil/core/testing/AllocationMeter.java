package dev.sigil.core.testing;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;

/**
 * Measures the bytes the current thread allocates, with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, so that "zero allocation" is
 * a tested figure rather than a promise.
 *
 * <pre>{@code
 * AllocationMeter.assertZeroAllocation("engine.accept", 1_000_000,
 *     i -> engine.accept(events[(int) (i % events.length)]));
 * }</pre>
 *
 * <p>Run allocation tests in a JVM of their own (Sigil's build runs {@code *AllocationTest}
 * classes in a separate surefire fork): other tests' JIT activity or a fuzzer's
 * instrumentation would skew the figures.
 */
public final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationMeter() {}

  /**
   * Runs an operation {@code count} times and returns the bytes the current thread allocated
   * meanwhile (the meter's own cost subtracted).
   *
   * @param count how many times
   * @param operation receives the iteration number, from 0
   * @return bytes allocated
   * @throws UnsupportedOperationException when the JVM cannot measure thread allocation
   */
  public static long allocatedBytes(long count, LongConsumer operation) {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      throw new UnsupportedOperationException("this JVM cannot measure thread allocation");
    }
    THREADS.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    long calibrationStart = THREADS.getThreadAllocatedBytes(id);
    long calibrationEnd = THREADS.getThreadAllocatedBytes(id);
    long overhead = calibrationEnd - calibrationStart;
    long start = THREADS.getThreadAllocatedBytes(id);
    for (long i = 0; i < count; i++) {
      operation.accept(i);
    }
    long end = THREADS.getThreadAllocatedBytes(id);
    return Math.max(0, end - start - overhead);
  }

  /**
   * Warms an operation up (so the JIT has compiled it), then measures it over {@code count}
   * iterations, up to three times, and passes when one measurement allocated exactly 0 bytes.
   * (A retry absorbs one-off allocations outside the code under test, such as a JIT
   * deoptimisation that materialises an object once.)
   *
   * @param what names the operation in the failure message
   * @param count iterations per measurement; at least 1,000,000 is a convincing figure
   * @param operation receives the iteration number, from 0
   * @return the bytes per operation of the best measurement (0.0 when passing)
   * @throws AssertionError naming the operation and the bytes per operation when every
   *     measurement allocated
   */
  public static double assertZeroAllocation(String what, long count, LongConsumer operation) {
    long warmup = Math.max(200_000, count / 2);
    for (long i = 0; i < warmup; i++) {
      operation.accept(i);
    }
    long best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best > 0; attempt++) {
      best = Math.min(best, allocatedBytes(count, operation));
    }
    double perOperation = (double) best / count;
    if (best > 0) {
      throw new AssertionError(String.format(
          "%s allocated %d bytes over %d operations (%.4f B/op); expected 0",
          what, best, count, perOperation));
    }
    return perOperation;
  }
}
