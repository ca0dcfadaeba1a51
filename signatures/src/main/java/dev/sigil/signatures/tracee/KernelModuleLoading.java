package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.Map;

/**
 * TRC-1017, "Kernel module loading detected", after Tracee v0.24.1
 * ({@code kernel_module_loading.go}): from any origin, every {@code init_module} event, and every
 * {@code security_kernel_read_file} event whose {@code type} is {@code "kernel-module"}. The
 * finding carries no data.
 *
 * <p>Where Sigil differs from Tracee: Tracee's signature reads {@code type} only as the text
 * Tracee parses it to ({@code trace.KernelReadType}'s {@code String()}); Sigil also reads the
 * number Tracee prints without argument parsing, where the kernel's {@code READING_MODULE} is 2.
 * A {@code security_kernel_read_file} without a text or integer {@code type} is counted as a
 * data problem and never fires. It allocates nothing unless it fires; it has no default
 * deduplication, as in Tracee.
 */
public final class KernelModuleLoading extends TraceeSignature {
  /** The signature's metadata, as Tracee prints it. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1017")
      .version("1")
      .name("Kernel module loading detected")
      .eventName("kernel_module_loading")
      .traceeEventId(6025)
      .description("Loading of a kernel module was detected. Kernel modules are binaries meant to"
          + " run in the kernel. Adversaries may try and load kernel modules to extend their"
          + " capabilities and avoid detection by running in the kernel and not user space.")
      .severity(Severity.fromTraceeValue(2))
      .category("persistence")
      .technique("Kernel Modules and Extensions")
      .mitre("T1547.006", "attack-pattern--a1b52199-c8c5-438a-9ded-656f1d0888c6")
      .build();

  private static final ArgKey TYPE = ArgKey.of("type");
  private static final String KERNEL_MODULE = "kernel-module";
  private static final long READING_MODULE = 2;
  private static final long UNREADABLE = Long.MIN_VALUE;
  private static final EventType INIT_MODULE = EventType.of("init_module");

  /** Creates the signature. */
  public KernelModuleLoading() {
    super(METADATA, "init_module", "security_kernel_read_file");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    if (event.type() == INIT_MODULE) {
      context.report(event, Map.of());
      return;
    }
    CharSequence type = event.string(TYPE);
    if (type != null) {
      if (Text.contentEquals(type, KERNEL_MODULE)) {
        context.report(event, Map.of());
      }
      return;
    }
    long readType = event.longValue(TYPE, UNREADABLE);
    if (readType == UNREADABLE) {
      context.dataProblem("security_kernel_read_file without a text or integer type");
      return;
    }
    if (readType == READING_MODULE) {
      context.report(event, Map.of());
    }
  }
}
