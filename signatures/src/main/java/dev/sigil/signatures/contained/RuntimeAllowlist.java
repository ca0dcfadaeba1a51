package dev.sigil.signatures.contained;

import dev.sigil.core.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The executing-process names SGL-1001 treats as a container runtime doing its job: the built-in
 * ones and the user's. An exact name also matches itself followed by {@code :} (runc re-executes
 * itself as {@code runc:[1:CHILD]} and {@code runc:[2:INIT]}); a name ending with {@code *}
 * matches a prefix.
 */
final class RuntimeAllowlist {
  // crio and kubelet run CNI plugins and FlexVolume drivers that DaemonSets install.
  static final List<String> BUILT_IN = List.of(
      "runc", "crun", "conmon", "dockerd", "containerd", "containerd-shim*", "crio", "kubelet");

  private final String[] names;
  private final String[] prefixes;

  RuntimeAllowlist(List<String> extra) {
    List<String> exact = new ArrayList<>();
    List<String> starts = new ArrayList<>();
    List<String> all = new ArrayList<>(BUILT_IN);
    all.addAll(extra);
    for (String runtime : all) {
      if (runtime.endsWith("*")) {
        starts.add(runtime.substring(0, runtime.length() - 1));
      } else {
        exact.add(runtime);
      }
    }
    this.names = exact.toArray(new String[0]);
    this.prefixes = starts.toArray(new String[0]);
  }

  /**
   * Checks a user-added entry.
   *
   * @throws IllegalArgumentException when it is blank or has a {@code *} other than a last one
   */
  static void check(String runtime) {
    String name = runtime.endsWith("*") ? runtime.substring(0, runtime.length() - 1) : runtime;
    if (name.isBlank() || name.contains("*")) {
      throw new IllegalArgumentException("runtime allowlist entry '" + runtime
          + "' must be a process name, optionally ending with '*'");
    }
  }

  /** Whether the executing process is a runtime. Allocates nothing. */
  boolean contains(CharSequence process) {
    for (String name : names) {
      if (Text.contentEquals(process, name)
          || (Text.startsWith(process, name) && process.length() > name.length()
              && process.charAt(name.length()) == ':')) {
        return true;
      }
    }
    for (String prefix : prefixes) {
      if (Text.startsWith(process, prefix)) {
        return true;
      }
    }
    return false;
  }
}
