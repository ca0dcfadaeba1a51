package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.Map;

/**
 * TRC-1014, "Container device mount detected", with Tracee v0.24.1's semantics and metadata: a
 * {@code security_sb_mount} in a started container whose {@code dev_name} starts with
 * {@code /dev/}. The finding has no data.
 *
 * <p>Like Tracee, it looks at the raw {@code dev_name} prefix: {@code /dev} alone, relative
 * names and pseudo file systems such as {@code proc} or {@code overlay} do not fire; nor does a
 * mount while the container is still starting (Tracee checks {@code containerStarted} itself;
 * here the container selector already excludes it).
 *
 * <p>Sigil differs from Tracee in one respect: Tracee silently ignores a mount without a text
 * {@code dev_name}; Sigil also never fires on it but counts it as a data problem. It allocates
 * nothing unless it fires.
 */
public final class DiskMount extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1014")
      .version("1")
      .name("Container device mount detected")
      .eventName("disk_mount")
      .traceeEventId(6021)
      .description("Container device filesystem mount detected. A mount of a host device"
          + " filesystem can be exploited by adversaries to perform container escape.")
      .severity(Severity.fromTraceeValue(3))
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  private static final ArgKey DEV_NAME = ArgKey.of("dev_name");
  private static final String DEV_DIR = "/dev/";

  /** Creates the signature. */
  public DiskMount() {
    super(METADATA, Origin.CONTAINER, "security_sb_mount");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    if (!event.containerStarted()) {
      return;
    }
    CharSequence deviceName =
        Required.text(event.string(DEV_NAME), "security_sb_mount without a text dev_name", context);
    if (deviceName != null && Text.startsWith(deviceName, DEV_DIR)) {
      context.report(event, Map.of());
    }
  }
}
