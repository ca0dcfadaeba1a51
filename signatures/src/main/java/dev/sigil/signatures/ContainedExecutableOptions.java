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
 * @param inodeCapacity the most files written in containers remembered, by (dev, inode) and by
 *     path (each)
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
    int inodeCapacity,
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
   * @param inodeCapacity see the record component
   * @param profileCapacity see the record component
   * @param hostCapacity see the record component
   * @throws IllegalArgumentException when a period is negative, a capacity below 1, a storage
   *     root malformed or a runtime name blank, naming the culprit
   */
  public ContainedExecutableOptions {
    extraStorageRoots = List.copyOf(extraStorageRoots);
    extraRuntimeAllowlist = List.copyOf(extraRuntimeAllowlist);
    // The implementation's settings validate: one set of rules for both.
    new Settings(extraStorageRoots, extraRuntimeAllowlist, learning, trainingPeriod,
        activationPeriod, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity).validate();
  }

  /** The same values as the implementation reads them. */
  Settings settings() {
    return new Settings(extraStorageRoots, extraRuntimeAllowlist, learning, trainingPeriod,
        activationPeriod, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity);
  }

  /**
   * Returns the defaults: no extra roots or runtimes, learning off, training 30 days,
   * activation 14 days, deduplication 1 day, 100,000 inodes and profile keys, 10,000 hosts.
   *
   * @return the defaults
   */
  public static ContainedExecutableOptions defaults() {
    Settings d = Settings.DEFAULTS;
    return new ContainedExecutableOptions(d.extraStorageRoots(), d.extraRuntimeAllowlist(),
        d.learning(), d.trainingPeriod(), d.activationPeriod(), d.dedupPeriod(), d.inodeCapacity(),
        d.profileCapacity(), d.hostCapacity());
  }

  /**
   * Returns these options with learning switched on or off.
   *
   * @param enabled whether to learn
   * @return the options
   */
  public ContainedExecutableOptions withLearning(boolean enabled) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, enabled,
        trainingPeriod, activationPeriod, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity);
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
        training, activation, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity);
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
        trainingPeriod, activationPeriod, period, inodeCapacity, profileCapacity, hostCapacity);
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
        trainingPeriod, activationPeriod, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity);
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
        trainingPeriod, activationPeriod, dedupPeriod, inodeCapacity, profileCapacity, hostCapacity);
  }

  /**
   * Returns these options with other memory bounds.
   *
   * @param inodes the most files written in containers remembered (by inode and by path, each)
   * @param profileKeys the most learned profile keys remembered
   * @param hosts the most hosts remembered
   * @return the options
   * @throws IllegalArgumentException when a capacity is below 1
   */
  public ContainedExecutableOptions withCapacities(int inodes, int profileKeys, int hosts) {
    return new ContainedExecutableOptions(extraStorageRoots, extraRuntimeAllowlist, learning,
        trainingPeriod, activationPeriod, dedupPeriod, inodes, profileKeys, hosts);
  }
}
