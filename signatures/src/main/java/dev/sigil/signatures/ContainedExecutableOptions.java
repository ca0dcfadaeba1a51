package dev.sigil.signatures;

import dev.sigil.signatures.contained.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Options of the contained-executable signatures (SGL-1001, SGL-1002).
 *
 * <p>Learning applies to SGL-1001 only: SGL-1002 (a kernel thread running a contained file) is
 * never normal and fires from the first event whatever these options say.
 *
 * @param extraStorageRoots further storage-root patterns, in addition to the built-in ones
 *     (for k3s or custom data roots): {@code [name=]/absolute/dir/}, where a {@code *} segment
 *     matches any one segment, e.g.
 *     {@code k3s-snapshot=/var/lib/rancher/k3s/agent/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/*}{@code /fs/};
 *     the name (default {@code extra-root}) is the finding's {@code evidence}, and the rest of the
 *     path after the root is reported as {@code containerPath}
 * @param extraRuntimeAllowlist further executing-process names SGL-1001 treats as a container
 *     runtime doing its job (a trailing {@code *} matches a prefix)
 * @param learning whether SGL-1001 learns a profile before alerting (off by default)
 * @param trainingPeriod how long, per host, keys are learned (event time)
 * @param activationPeriod how long, per host, SGL-1001 stays silent (event time)
 * @param dedupPeriod the default deduplication window of both signatures; zero turns it off
 * @param elfCapacity the most ELF files written in containers remembered, by (dev, inode) and by
 *     path (each): a budget of their own, which no flood of other writes can evict from
 * @param scriptCapacity the most {@code #!} scripts written in containers remembered, alike
 * @param headerPrefixCapacity the most files whose first write was only a proper prefix of a
 *     header ({@code #}, or the first one to three bytes of the ELF magic) remembered, alike
 * @param profileCapacity the most learned profile keys remembered
 * @param hostCapacity the most hosts whose first-seen time is remembered (learning only)
 */
public record ContainedExecutableOptions(
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
   * Validates and freezes the options.
   *
   * @param extraStorageRoots see the record component
   * @param extraRuntimeAllowlist see the record component
   * @param learning see the record component
   * @param trainingPeriod see the record component
   * @param activationPeriod see the record component
   * @param dedupPeriod see the record component
   * @param elfCapacity see the record component
   * @param scriptCapacity see the record component
   * @param headerPrefixCapacity see the record component
   * @param profileCapacity see the record component
   * @param hostCapacity see the record component
   * @throws IllegalArgumentException when a period is negative, a capacity below 1 (or a
   *     written-file capacity above 100,000,000), a storage root malformed or a runtime name
   *     blank, naming the culprit
   */
  public ContainedExecutableOptions {
    extraStorageRoots = List.copyOf(extraStorageRoots);
    extraRuntimeAllowlist = List.copyOf(extraRuntimeAllowlist);
    // The implementation's settings validate: one set of rules for both.
    new Settings(extraStorageRoots, extraRuntimeAllowlist, learning, trainingPeriod,
        activationPeriod, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity).validate();
  }

  /** The same values as the implementation reads them. */
  Settings settings() {
    return new Settings(extraStorageRoots, extraRuntimeAllowlist, learning, trainingPeriod,
        activationPeriod, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns the defaults: no extra roots or runtimes, learning off, training 30 days,
   * activation 14 days, deduplication 1 day; written files remembered: 100,000 ELF files,
   * 50,000 scripts, 10,000 header prefixes; 100,000 profile keys, 10,000 hosts.
   *
   * @return the defaults
   */
  public static ContainedExecutableOptions defaults() {
    Settings d = Settings.DEFAULTS;
    return new ContainedExecutableOptions(d.extraStorageRoots(), d.extraRuntimeAllowlist(),
        d.learning(), d.trainingPeriod(), d.activationPeriod(), d.dedupPeriod(), d.elfCapacity(),
        d.scriptCapacity(), d.headerPrefixCapacity(), d.profileCapacity(), d.hostCapacity());
  }

  /**
   * Returns these options with learning switched on or off.
   *
   * @param enabled whether to learn
   * @return the options
   */
  public ContainedExecutableOptions withLearning(boolean enabled) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, enabled,
        trainingPeriod, activationPeriod, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with other learning periods.
   *
   * @param training the training period
   * @param activation the activation period
   * @return the options
   * @throws IllegalArgumentException when a period is negative
   */
  public ContainedExecutableOptions withPeriods(Duration training, Duration activation) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        training, activation, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with another default deduplication window.
   *
   * @param period the window; zero turns deduplication off
   * @return the options
   * @throws IllegalArgumentException when the period is negative
   */
  public ContainedExecutableOptions withDedupPeriod(Duration period) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        trainingPeriod, activationPeriod, period, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with further storage roots.
   *
   * @param roots the patterns (see {@link #extraStorageRoots()})
   * @return the options
   * @throws IllegalArgumentException when a pattern is malformed, naming it
   */
  public ContainedExecutableOptions withExtraStorageRoots(List<String> roots) {
    return new ContainedExecutableOptions(roots, extraRuntimeAllowlist, learning,
        trainingPeriod, activationPeriod, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with further runtime names SGL-1001 ignores.
   *
   * @param runtimes process names, a trailing {@code *} matching a prefix
   * @return the options
   * @throws IllegalArgumentException when a name is blank
   */
  public ContainedExecutableOptions withExtraRuntimeAllowlist(List<String> runtimes) {
    return new ContainedExecutableOptions(extraStorageRoots, runtimes, learning,
        trainingPeriod, activationPeriod, dedupPeriod, elfCapacity, scriptCapacity, headerPrefixCapacity,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with other budgets for the files written in containers, each applying
   * to the index by inode and to the index by path. Within a budget, each container has a fair
   * share (see the README's "Contained-executable options").
   *
   * @param elf the most ELF files remembered
   * @param scripts the most {@code #!} scripts remembered
   * @param headerPrefixes the most header prefixes remembered
   * @return the options
   * @throws IllegalArgumentException when a capacity is below 1 or above 100,000,000
   */
  public ContainedExecutableOptions withWrittenFileCapacities(int elf, int scripts,
      int headerPrefixes) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        trainingPeriod, activationPeriod, dedupPeriod, elf, scripts, headerPrefixes,
        profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with other memory bounds for learning.
   *
   * @param profileKeys the most learned profile keys remembered
   * @param hosts the most hosts remembered
   * @return the options
   * @throws IllegalArgumentException when a capacity is below 1
   */
  public ContainedExecutableOptions withLearningCapacities(int profileKeys, int hosts) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        trainingPeriod, activationPeriod, dedupPeriod, elfCapacity, scriptCapacity,
        headerPrefixCapacity, profileKeys, hosts);
  }
}
