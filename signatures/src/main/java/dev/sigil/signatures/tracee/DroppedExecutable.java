package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.List;
import java.util.Map;

/**
 * TRC-1022, "New executable dropped", with exactly Tracee v0.24's semantics and metadata: a
 * {@code magic_write} in a started container whose first written bytes are the ELF magic
 * {@code 7F 45 4C 46}, to a path outside {@code memfd:}, {@code /dev/shm/} and
 * {@code /run/shm/}. The finding's data is {@code {"path": pathname}}.
 *
 * <p>Like Tracee, it looks at the raw {@code pathname} prefix (no normalisation) and at ELF only:
 * {@code #!} scripts and an ELF header split across writes do not fire. It has no default
 * deduplication, as in Tracee. An event whose {@code bytes} or {@code pathname} is absent or
 * could not be decoded is counted as a data problem and never fires. It allocates nothing
 * unless it fires.
 *
 * <p>Public with a no-argument constructor so that {@link java.util.ServiceLoader} can create it.
 */
public final class DroppedExecutable implements Signature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1022")
      .version("1")
      .name("New executable dropped")
      .eventName("dropped_executable")
      .traceeEventId(6029)
      .description("An Executable file was dropped in the system during runtime. Container images"
          + " are usually built with all binaries needed inside. A dropped binary may indicate"
          + " that an adversary infiltrated your container.")
      .severity(Severity.MEDIUM)
      .category("defense-evasion")
      .technique("Masquerading")
      .mitre("T1036", "attack-pattern--42e8de7b-37b2-4258-905a-6897815e58e0")
      .build();

  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final List<String> ALLOWED_PREFIXES = List.of("memfd:", "/dev/shm/", "/run/shm/");
  private static final List<Selector> SELECTORS =
      List.of(Selector.of("magic_write", Origin.CONTAINER));

  /** Creates the signature. */
  public DroppedExecutable() {}

  @Override
  public SignatureMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    ByteView bytes = event.bytes(BYTES);
    if (bytes == null) {
      ctx.dataProblem("magic_write without decodable bytes");
      return;
    }
    CharSequence pathname = event.string(PATHNAME);
    if (pathname == null) {
      ctx.dataProblem("magic_write without a text pathname");
      return;
    }
    if (!bytes.startsWith(ELF_MAGIC) || isAlwaysAllowed(pathname)) {
      return;
    }
    ctx.report(event, Map.of("path", pathname.toString()));
  }

  private static boolean isAlwaysAllowed(CharSequence pathname) {
    for (int i = 0; i < ALLOWED_PREFIXES.size(); i++) {
      if (Text.startsWith(pathname, ALLOWED_PREFIXES.get(i))) {
        return true;
      }
    }
    return false;
  }
}
