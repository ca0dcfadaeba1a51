package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.NonFiringEvents.assertAllocateNothing;
import static dev.sigil.signatures.tracee.OpenFlagsForm.fileOpen;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import org.junit.jupiter.api.Test;

/**
 * Proves that TRC-1028, TRC-1029, TRC-1031, TRC-106, TRC-108, TRC-109, TRC-1023 and TRC-1014
 * allocate nothing on events they do not fire on (including those they count as data problems),
 * with their flags printed either as numbers or as Tracee's parsed text. Runs in a JVM of its
 * own (see the surefire configuration).
 */
class FileAndMountSignaturesAllocationTest {
  private static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  @Test
  void allocateNothingWhenTheyDoNotFire() {
    SignatureHarness harness = SignatureHarness.of(new SudoersModification(), new SchedDebugRecon(),
        new SystemRequestKeyConfigModification(), new CgroupNotifyOnReleaseModification(),
        new K8sServiceAccountToken(), new AslrInspection(), new ProcMemAccess(), new DiskMount());
    Engine engine = harness.engine();
    Event[] events = {
        // Reads and writes of ordinary files, in a container and on the host, both flag forms.
        fileOpen(Origin.CONTAINER, "cat", "/etc/hosts", 0L),
        fileOpen(Origin.CONTAINER, "cat", "/etc/hosts", "O_RDONLY|O_LARGEFILE"),
        fileOpen(Origin.HOST, "vi", "/etc/passwd", 01101L),
        fileOpen(Origin.HOST, "vi", "/etc/passwd", "O_WRONLY|O_CREAT|O_TRUNC"),
        fileOpen(Origin.CONTAINER, "sh", "/proc/self/status", "O_RDONLY"),
        // The watched files opened the way each signature does not mind.
        fileOpen(Origin.CONTAINER, "cat", "/etc/sudoers", "O_RDONLY"),
        fileOpen(Origin.CONTAINER, "sh", "/proc/sched_debug", "O_WRONLY"),
        fileOpen(Origin.CONTAINER, "cat", "/proc/sysrq-trigger", 0L),
        fileOpen(Origin.CONTAINER, "cat", "/sys/fs/cgroup/x/notify_on_release", "O_RDONLY"),
        fileOpen(Origin.CONTAINER, "kubectl", TOKEN, 0L),
        fileOpen(Origin.CONTAINER, "kube-proxy", TOKEN, "O_RDONLY"),
        fileOpen(Origin.CONTAINER, "sh", TOKEN, "O_WRONLY"),
        fileOpen(Origin.CONTAINER, "sh", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", 0L),
        fileOpen(Origin.HOST, "sh", "/proc/sys/kernel/randomize_va_space", 1L),
        fileOpen(Origin.HOST, "gdb", "/proc/42/mem", "O_WRONLY"),
        fileOpen(Origin.HOST, "cat", "/proc/42/maps", "O_RDONLY"),
        fileOpen(Origin.HOST, "cat", "/proc/self/task/1/mem", 0L),
        EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/a").arg("new_path", "/tmp/b")
            .build(),
        EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER).arg("dev_name", "overlay")
            .arg("path", "/merged").build(),
        EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER_INIT)
            .arg("dev_name", "/dev/sda1").build(),
        // Data problems.
        EventBuilder.event("security_file_open").origin(Origin.CONTAINER).arg("pathname", "/x").build(),
        fileOpen(Origin.CONTAINER, "sh", "/etc/sudoers", "O_BOGUS"),
        EventBuilder.event("security_file_open").origin(Origin.CONTAINER).arg("flags", 1L).build(),
        EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/a").build(),
        EventBuilder.event("security_sb_mount").origin(Origin.CONTAINER).arg("path", "/mnt").build(),
    };

    assertAllocateNothing("file and mount signatures on non-firing events", engine, events);
  }
}
