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
 * @param elfCapacity the most ELF files written in containers remembered, by inode and by path
 *     (each)
 * @param scriptCapacity the most {@code #!} scripts written in containers remembered, alike
 * @param headerPrefixCapacity the most files whose first write was only a prefix of a header
 *     remembered, alike
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
    int elfCapacity,
    int scriptCapacity,
    int headerPrefixCapacity,
    int profileCapacity,
    int hostCapacity) {

  /**
   * No extra roots or runtimes, learning off for 30 and 14 days, 1-day deduplication, budgets of
   * 100,000 ELF files, 50,000 scripts and 10,000 header prefixes, 100,000 profile keys and 10,000
   * hosts.
   */
  public static final Settings DEFAULTS = new Settings(List.of(), List.of(), false,
      Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(1), 100_000, 50_000, 10_000,
      100_000, 10_000);

  /** The most entries of one kind: beyond, an index's arrays would near Java's array limit. */
  public static final int MAX_WRITTEN_FILE_CAPACITY = 100_000_000;

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
    if (elfCapacity < 1 || scriptCapacity < 1 || headerPrefixCapacity < 1 || profileCapacity < 1
        || hostCapacity < 1) {
      throw new IllegalArgumentException("capacities must be at least 1");
    }
    if (elfCapacity > MAX_WRITTEN_FILE_CAPACITY || scriptCapacity > MAX_WRITTEN_FILE_CAPACITY
        || headerPrefixCapacity > MAX_WRITTEN_FILE_CAPACITY) {
      throw new IllegalArgumentException("written-file capacities must be at most "
          + MAX_WRITTEN_FILE_CAPACITY);
    }
    for (String root : extraStorageRoots) {
      StorageRoots.parse(root);
    }
    for (String runtime : extraRuntimeAllowlist) {
      RuntimeAllowlist.check(runtime);
    }
    return this;
  }

  /** The written-file budgets by {@link HeaderKind#ordinal()}. */
  int[] writtenFileCapacities() {
    int[] capacities = new int[HeaderKind.count()];
    capacities[HeaderKind.ELF.ordinal()] = elfCapacity;
    capacities[HeaderKind.SCRIPT.ordinal()] = scriptCapacity;
    capacities[HeaderKind.HEADER_PREFIX.ordinal()] = headerPrefixCapacity;
    return capacities;
  }
}
