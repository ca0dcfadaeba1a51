package dev.sigil.core.testing;

import java.lang.management.ManagementFactory;
import java.util.Optional;
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
 *
 * <p>The meter reads HotSpot's {@code com.sun.management} extension, in the
 * {@code jdk.management} module. Sigil does not make every user require that module (its
 * module only {@code requires static jdk.management}): on the class path it is always there;
 * a test that runs on the module path adds {@code requires jdk.management;} to its test module
 * (or {@code --add-modules jdk.management}), and the meter says so when it is missing.
 */
public final class AllocationMeter {
  private AllocationMeter() {}

  /** Loaded on first use, so that the rest of the testing package works without the module. */
  private static final class Threads {
    static final com.sun.management.ThreadMXBean BEAN = bean();

    private static com.sun.management.ThreadMXBean bean() {
      Optional<Module> management = ModuleLayer.boot().findModule("jdk.management");
      if (management.isEmpty()) {
        throw new UnsupportedOperationException("AllocationMeter needs the jdk.management module,"
            + " which is not in this run: add 'requires jdk.management;' to the test's module-info"
            + " or run with --add-modules jdk.management");
      }
      // A static requirement is read only when the module was resolved; make sure it is read.
      AllocationMeter.class.getModule().addReads(management.get());
      return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }
  }

  /**
   * Runs an operation {@code count} times and returns the bytes the current thread allocated
   * meanwhile (the meter's own cost subtracted).
   *
   * @param count how many times
   * @param operation receives the iteration number, from 0
   * @return bytes allocated
   * @throws UnsupportedOperationException when the JVM cannot measure thread allocation, or the
   *     {@code jdk.management} module is missing (saying how to add it)
   */
  public static long allocatedBytes(long count, LongConsumer operation) {
    com.sun.management.ThreadMXBean threads = threads();
    if (!threads.isThreadAllocatedMemorySupported()) {
      throw new UnsupportedOperationException("this JVM cannot measure thread allocation");
    }
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    long calibrationStart = threads.getThreadAllocatedBytes(id);
    long calibrationEnd = threads.getThreadAllocatedBytes(id);
    long overhead = calibrationEnd - calibrationStart;
    long start = threads.getThreadAllocatedBytes(id);
    for (long i = 0; i < count; i++) {
      operation.accept(i);
    }
    long end = threads.getThreadAllocatedBytes(id);
    return Math.max(0, end - start - overhead);
  }

  private static com.sun.management.ThreadMXBean threads() {
    try {
      return Threads.BEAN;
    } catch (ExceptionInInitializerError e) {
      if (e.getCause() instanceof UnsupportedOperationException) {
        throw (UnsupportedOperationException) e.getCause();
      }
      throw e;
    } catch (NoClassDefFoundError e) {
      // The holder failed before (its first error was thrown above), or the module is missing.
      throw new UnsupportedOperationException("AllocationMeter needs the jdk.management module:"
          + " add 'requires jdk.management;' to the test's module-info or run with"
          + " --add-modules jdk.management", e);
    }
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
   * @throws UnsupportedOperationException as {@link #allocatedBytes(long, LongConsumer)}
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
