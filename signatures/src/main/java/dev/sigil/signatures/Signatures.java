package dev.sigil.signatures;

import dev.sigil.core.Signature;
import dev.sigil.signatures.internal.ContainedExecutable;
import dev.sigil.signatures.tracee.AntiDebugging;
import dev.sigil.signatures.tracee.AslrInspection;
import dev.sigil.signatures.tracee.CgroupNotifyOnReleaseModification;
import dev.sigil.signatures.tracee.CgroupReleaseAgentModification;
import dev.sigil.signatures.tracee.CorePatternModification;
import dev.sigil.signatures.tracee.DefaultLoaderModification;
import dev.sigil.signatures.tracee.DiskMount;
import dev.sigil.signatures.tracee.DockerAbuse;
import dev.sigil.signatures.tracee.DroppedExecutable;
import dev.sigil.signatures.tracee.DynamicCodeLoading;
import dev.sigil.signatures.tracee.FilelessExecution;
import dev.sigil.signatures.tracee.HiddenFileCreated;
import dev.sigil.signatures.tracee.IllegitimateShell;
import dev.sigil.signatures.tracee.K8sApiConnection;
import dev.sigil.signatures.tracee.K8sServiceAccountToken;
import dev.sigil.signatures.tracee.KernelModuleLoading;
import dev.sigil.signatures.tracee.KubernetesCertificateTheftAttempt;
import dev.sigil.signatures.tracee.LdPreload;
import dev.sigil.signatures.tracee.ProcFopsHooking;
import dev.sigil.signatures.tracee.ProcKcoreRead;
import dev.sigil.signatures.tracee.ProcMemAccess;
import dev.sigil.signatures.tracee.ProcMemCodeInjection;
import dev.sigil.signatures.tracee.ProcessVmWriteCodeInjection;
import dev.sigil.signatures.tracee.PtraceCodeInjection;
import dev.sigil.signatures.tracee.RcdModification;
import dev.sigil.signatures.tracee.SchedDebugRecon;
import dev.sigil.signatures.tracee.ScheduledTaskModification;
import dev.sigil.signatures.tracee.StdioOverSocket;
import dev.sigil.signatures.tracee.SudoersModification;
import dev.sigil.signatures.tracee.SyscallTableHooking;
import dev.sigil.signatures.tracee.SystemRequestKeyConfigModification;
import java.util.List;

/**
 * The entry point to Sigil's built-in signatures:
 *
 * <ul>
 *   <li>Every signature of Tracee v0.24.1 ({@code TRC-101} to {@code TRC-1031}, 31 in all, TRC-108
 *       included), with Tracee's ids, metadata and semantics, in the order of Tracee's
 *       {@code export.go} (which also orders their event ids), TRC-108 last. Where Sigil differs
 *       on purpose, the README's signature table says so.</li>
 *   <li>{@code SGL-1001} A contained executable was executed by an unusual process, and its
 *       variant {@code SGL-1002} A contained executable was executed by the Linux kernel thread
 *       daemon: one signature object (listed and counted as SGL-1001) whose findings carry
 *       either id. See {@link ContainedExecutableOptions}.</li>
 * </ul>
 *
 * <p>Each call returns new instances: a signature instance belongs to one engine. The same
 * signatures, with default options, are registered for {@link java.util.ServiceLoader} as
 * providers of {@link Signature}.
 */
public final class Signatures {
  private Signatures() {}

  /**
   * Returns new instances of every built-in signature with default options.
   *
   * @return the signatures, in a stable order
   */
  public static List<Signature> builtIn() {
    return builtIn(ContainedExecutableOptions.defaults());
  }

  /**
   * Returns new instances of every built-in signature.
   *
   * @param containedExecutable options of the contained-executable signatures
   * @return the signatures, in a stable order
   */
  public static List<Signature> builtIn(ContainedExecutableOptions containedExecutable) {
    return List.of(
        new StdioOverSocket(),
        new K8sApiConnection(),
        new AslrInspection(),
        new ProcMemCodeInjection(),
        new DockerAbuse(),
        new ScheduledTaskModification(),
        new LdPreload(),
        new CgroupNotifyOnReleaseModification(),
        new DefaultLoaderModification(),
        new SudoersModification(),
        new SchedDebugRecon(),
        new SystemRequestKeyConfigModification(),
        new CgroupReleaseAgentModification(),
        new RcdModification(),
        new CorePatternModification(),
        new ProcKcoreRead(),
        new ProcMemAccess(),
        new HiddenFileCreated(),
        new AntiDebugging(),
        new PtraceCodeInjection(),
        new ProcessVmWriteCodeInjection(),
        new DiskMount(),
        new DynamicCodeLoading(),
        new FilelessExecution(),
        new IllegitimateShell(),
        new KernelModuleLoading(),
        new KubernetesCertificateTheftAttempt(),
        new ProcFopsHooking(),
        new SyscallTableHooking(),
        new DroppedExecutable(),
        new K8sServiceAccountToken(),
        new ContainedExecutable(containedExecutable));
  }
}
