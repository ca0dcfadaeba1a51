package dev.sigil.signatures.tracee;

import dev.sigil.core.Severity;
import dev.sigil.core.SignatureMetadata;
import java.util.regex.Pattern;

/**
 * TRC-1012, "Default dynamic loader modification detected", with Tracee v0.24.1's semantics and
 * metadata: from any origin, a {@code security_file_open} for writing ({@code O_WRONLY} or
 * {@code O_RDWR}) or a {@code security_inode_rename} ({@code new_path}) of a path that Tracee's
 * pattern {@code ^\/(lib|usr\/lib).*\/ld.*\.so[^\/]*} finds, such as
 * {@code /lib/x86_64-linux-gnu/ld-2.31.so}. Replacing the dynamic loader hijacks every process
 * started afterwards. The finding carries no data, as in Tracee.
 *
 * <p>Same as Tracee, including what a reader might take for a bug and Sigil deliberately keeps:
 * the pattern's {@code lib} is followed by {@code .*}, so the 64-bit loaders under {@code /lib64}
 * and {@code /usr/lib64} ({@code /lib64/ld-linux-x86-64.so.2}) fire, as they do in v0.24.1. The
 * pattern is matched with RE2's meaning of {@code .} (any character but a newline) on the raw
 * path, unanchored at the end as Go's {@code MatchString} is. The arguments are read as
 * {@link PathSource#WRITTEN_FLAGS_FIRST} reads them ({@code flags} as a number or as
 * {@code O_WRONLY|O_CREAT}, before {@code pathname}, which is read only for a write): an
 * argument that is needed but bad is counted as a data problem and never fires. One matcher per
 * instance is reset for every path, so matching allocates nothing.
 */
public final class DefaultLoaderModification extends PathSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1012")
      .version("1")
      .name("Default dynamic loader modification detected")
      .eventName("default_loader_mod")
      .traceeEventId(6008)
      .description("The default dynamic loader has been modified. The dynamic loader is an"
          + " executable file loaded to process memory and run before the executable to load"
          + " dynamic libraries to the process. An attacker might use this technique to hijack"
          + " the execution context of each new process and bypass defenses.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Hijack Execution Flow")
      .mitre("T1574", "attack-pattern--aedfca76-3b30-4866-b2aa-0f1d7fd1e4b6")
      .build();

  // Tracee's pattern as written. UNIX_LINES makes '.' exclude only '\n', as in RE2; without it
  // Java's '.' would also refuse '\r', U+0085, U+2028 and U+2029.
  private static final Pattern DYNAMIC_LOADER =
      Pattern.compile("^\\/(lib|usr\\/lib).*\\/ld.*\\.so[^\\/]*", Pattern.UNIX_LINES);

  private final ReusableMatcher dynamicLoader = new ReusableMatcher(DYNAMIC_LOADER);

  /** Creates the signature. */
  public DefaultLoaderModification() {
    super(METADATA, PathSource.WRITTEN_FLAGS_FIRST);
  }

  @Override
  boolean matches(CharSequence path) {
    // The pattern starts with '^', so lookingAt() decides exactly what Go's MatchString does.
    return dynamicLoader.lookingAt(path);
  }
}
