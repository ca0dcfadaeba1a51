/**
 * Sigil's ready-made signatures: every detection of Tracee v0.24.1 (TRC-*, with Tracee's ids,
 * metadata and semantics) and the contained-executable family (SGL-1001, SGL-1002). {@link dev.sigil.signatures.Signatures}
 * lists them; they are also registered for {@link java.util.ServiceLoader}.
 */
module dev.sigil.signatures {
  requires transitive dev.sigil.core;

  exports dev.sigil.signatures;

  provides dev.sigil.core.Signature with
      dev.sigil.signatures.tracee.StdioOverSocket,
      dev.sigil.signatures.tracee.K8sApiConnection,
      dev.sigil.signatures.tracee.AslrInspection,
      dev.sigil.signatures.tracee.ProcMemCodeInjection,
      dev.sigil.signatures.tracee.DockerAbuse,
      dev.sigil.signatures.tracee.ScheduledTaskModification,
      dev.sigil.signatures.tracee.LdPreload,
      dev.sigil.signatures.tracee.CgroupNotifyOnReleaseModification,
      dev.sigil.signatures.tracee.DefaultLoaderModification,
      dev.sigil.signatures.tracee.SudoersModification,
      dev.sigil.signatures.tracee.SchedDebugRecon,
      dev.sigil.signatures.tracee.SystemRequestKeyConfigModification,
      dev.sigil.signatures.tracee.CgroupReleaseAgentModification,
      dev.sigil.signatures.tracee.RcdModification,
      dev.sigil.signatures.tracee.CorePatternModification,
      dev.sigil.signatures.tracee.ProcKcoreRead,
      dev.sigil.signatures.tracee.ProcMemAccess,
      dev.sigil.signatures.tracee.HiddenFileCreated,
      dev.sigil.signatures.tracee.AntiDebugging,
      dev.sigil.signatures.tracee.PtraceCodeInjection,
      dev.sigil.signatures.tracee.ProcessVmWriteCodeInjection,
      dev.sigil.signatures.tracee.DiskMount,
      dev.sigil.signatures.tracee.DynamicCodeLoading,
      dev.sigil.signatures.tracee.FilelessExecution,
      dev.sigil.signatures.tracee.IllegitimateShell,
      dev.sigil.signatures.tracee.KernelModuleLoading,
      dev.sigil.signatures.tracee.KubernetesCertificateTheftAttempt,
      dev.sigil.signatures.tracee.ProcFopsHooking,
      dev.sigil.signatures.tracee.SyscallTableHooking,
      dev.sigil.signatures.tracee.DroppedExecutable,
      dev.sigil.signatures.tracee.K8sServiceAccountToken,
      dev.sigil.signatures.internal.ContainedExecutable;
}
