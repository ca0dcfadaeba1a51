package dev.sigil.signatures;

import java.time.Duration;
import java.util.List;

/**
 * Options of the contained-executable signatures (SGL-1001, SGL-1002).
 *
 * @param extraStorageRoots further storage-root patterns, in addition to the built-in ones
 *     (for k3s or custom data roots)
 * @param extraRuntimeAllowlist further executing-process names SGL-1001 treats as a container
 *     runtime doing its job (a trailing {@code *} matches a prefix)
 * @param learning whether SGL-1001 learns a profile before alerting (off by default)
 * @param trainingPeriod how long, per host, keys are learned (event time)
 * @param activationPeriod how long, per host, SGL-1001 stays silent (event time)
 * @param dedupPeriod the default deduplication window of both signatures; zero turns it off
 * @param inodeCapacity the most (dev, inode) pairs remembered
 * @param profileCapacity the most learned profile keys remembered
 */
public record ContainedExecutableOptions(
    List<String> extraStorageRoots,
    List<String> extraRuntimeAllowlist,
    boolean learning,
    Duration trainingPeriod,
    Duration activationPeriod,
    Duration dedupPeriod,
    int inodeCapacity,
    int profileCapacity) {

  /**
   * Validates and freezes the options.
   *
   * @param extraStorageRoots see the record component
   * @param extraRuntimeAllowlist see the record component
   * @param learning see the record component
   * @param trainingPeriod see the record component
   * @param activationPeriod see the record component
   * @param dedupPeriod see the record component
   * @param inodeCapacity see the record component
   * @param profileCapacity see the record component
   * @throws IllegalArgumentException when a period is negative or a capacity below 1
   */
  public ContainedExecutableOptions {
    extraStorageRoots = List.copyOf(extraStorageRoots);
    extraRuntimeAllowlist = List.copyOf(extraRuntimeAllowlist);
    if (trainingPeriod.isNegative() || activationPeriod.isNegative() || dedupPeriod.isNegative()) {
      throw new IllegalArgumentException("periods must not be negative");
    }
    if (inodeCapacity < 1 || profileCapacity < 1) {
      throw new IllegalArgumentException("capacities must be at least 1");
    }
  }

  /**
   * Returns the defaults: no extra roots or runtimes, learning off, training 30 days,
   * activation 14 days, deduplication 1 day, 100,000 inodes and profile keys.
   *
   * @return the defaults
   */
  public static ContainedExecutableOptions defaults() {
    return new ContainedExecutableOptions(List.of(), List.of(), false, Duration.ofDays(30),
        Duration.ofDays(14), Duration.ofDays(1), 100_000, 100_000);
  }

  /**
   * Returns these options with learning switched on or off.
   *
   * @param enabled whether to learn
   * @return the options
   */
  public ContainedExecutableOptions withLearning(boolean enabled) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, enabled,
        trainingPeriod, activationPeriod, dedupPeriod, inodeCapacity, profileCapacity);
  }

  /**
   * Returns these options with other learning periods.
   *
   * @param training the training period
   * @param activation the activation period
   * @return the options
   */
  public ContainedExecutableOptions withPeriods(Duration training, Duration activation) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        training, activation, dedupPeriod, inodeCapacity, profileCapacity);
  }
}
