package dev.sigil.signatures.contained;

import java.time.Duration;
import java.util.List;

/**
 * The contained-executable signatures' settings as plain data. The exported
 * {@code ContainedExecutableOptions} is the public face of this record: it builds one, so that
 * the public package depends on this one and never the reverse.
 *
 * @param extraStorageRoots user-added storage-root patterns ({@link StorageRoots#parse(String)})
 * @param extraRuntimeAllowlist user-added runtime names, a trailing {@code *} matching a prefix
 * @param learning whether SGL-1001 learns a profile before alerting
 * @param trainingPeriod how long, per host, keys are learned
 * @param activationPeriod how long, per host, SGL-1001 stays silent
 * @param dedupPeriod the default deduplication window; zero turns it off
 * @param inodeCapacity the most entries of the written-file indexes
 * @param profileCapacity the most learned profile keys
 * @param hostCapacity the most hosts whose first-seen time is remembered
 */
public record Settings(
    List<String> extraStorageRoots,
    List<String> extraRuntimeAllowlist,
    boolean learning,
    Duration trainingPeriod,
    Duration activationPeriod,
    Duration dedupPeriod,
    int inodeCapacity,
    int profileCapacity,
    int hostCapacity) {

  /** No extra roots or runtimes, learning off for 30 and 14 days, 1-day deduplication. */
  public static final Settings DEFAULTS = new Settings(List.of(), List.of(), false,
      Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(1), 100_000, 100_000, 10_000);

  /**
   * Checks the settings: the exported options call this when they are made, and the signature
   * when it is.
   *
   * @return these settings
   * @throws IllegalArgumentException when a period is negative, a capacity below 1, a storage
   *     root malformed or a runtime name blank, naming the culprit
   */
  public Settings validate() {
    if (trainingPeriod.isNegative() || activationPeriod.isNegative() || dedupPeriod.isNegative()) {
      throw new IllegalArgumentException("periods must not be negative");
    }
    if (inodeCapacity < 1 || profileCapacity < 1 || hostCapacity < 1) {
      throw new IllegalArgumentException("capacities must be at least 1");
    }
    for (String root : extraStorageRoots) {
      StorageRoots.parse(root);
    }
    for (String runtime : extraRuntimeAllowlist) {
      RuntimeAllowlist.check(runtime);
    }
    return this;
  }
}
