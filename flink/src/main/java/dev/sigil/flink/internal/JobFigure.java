package dev.sigil.flink.internal;

import dev.sigil.flink.SigilDetector;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

/**
 * One figure of an operator, counted twice: as a metric of the subtask (live, per subtask) and
 * as an accumulator, which Flink sums over the job and hands back in its result under a name of
 * {@link SigilDetector}'s.
 */
final class JobFigure {
  private final Counter metric;
  private final LongCounter total = new LongCounter();

  /**
   * Registers the figure with an operator that is being opened.
   *
   * @param operator the operator, in its {@code open()}
   * @param metricName the name of the subtask's metric
   * @param accumulatorName the name of the job's accumulator
   */
  JobFigure(AbstractStreamOperator<?> operator, String metricName, String accumulatorName) {
    metric = operator.getMetricGroup().counter(metricName);
    operator.getRuntimeContext().addAccumulator(accumulatorName, total);
  }

  /**
   * Adds to both counts; a count that is not positive changes neither (a difference of two
   * readings of an engine's statistics is often zero).
   *
   * @param n how many to add
   */
  void add(long n) {
    if (n > 0) {
      metric.inc(n);
      total.add(n);
    }
  }
}
