package dev.sigil.flink;

import dev.sigil.core.Signature;
import dev.sigil.signatures.ContainedExecutableOptions;
import dev.sigil.signatures.Signatures;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Makes a fresh set of signature instances; the detector calls it once per node engine, on the
 * task manager, so it must be serializable (a lambda or method reference assigned to this type
 * is).
 */
@FunctionalInterface
public interface SignatureSet extends Serializable {
  /**
   * Returns new signature instances, never shared with another engine.
   *
   * @return the signatures
   */
  List<Signature> create();

  /**
   * Every built-in signature with its defaults, as {@code sigil scan} runs them.
   *
   * @return a signature set
   */
  static SignatureSet builtIn() {
    return Signatures::builtIn;
  }

  /**
   * Every built-in signature, the contained-executable pair configured (learning, storage roots,
   * periods) as {@code sigil scan}'s options do.
   *
   * @param options the options; serializable
   * @return a signature set
   */
  static SignatureSet builtIn(ContainedExecutableOptions options) {
    // The options record is not serializable; its components are (immutable lists, durations).
    List<String> roots = options.extraStorageRoots();
    List<String> runtimes = options.extraRuntimeAllowlist();
    boolean learning = options.learning();
    Duration training = options.trainingPeriod();
    Duration activation = options.activationPeriod();
    Duration dedup = options.dedupPeriod();
    int elf = options.elfCapacity();
    int scripts = options.scriptCapacity();
    int headerPrefixes = options.headerPrefixCapacity();
    int profiles = options.profileCapacity();
    int hosts = options.hostCapacity();
    return () -> Signatures.builtIn(new ContainedExecutableOptions(roots, runtimes, learning,
        training, activation, dedup, elf, scripts, headerPrefixes, profiles, hosts));
  }
}
