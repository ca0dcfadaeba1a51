package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.NonFiringEvents.assertAllocateNothing;
import static dev.sigil.signatures.tracee.OpenFlagsForm.fileOpen;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that TRC-1010, TRC-1011, TRC-1012, TRC-1015, TRC-1018, TRC-1021, TRC-1026 and TRC-1027
 * allocate nothing on events they do not fire on (including those they count as data problems),
 * with open flags printed either as numbers or as Tracee's parsed text. Runs in a JVM of its own
 * (see the surefire configuration).
 */
class FileWatchSignaturesAllocationTest {
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

  private static Event rename(Origin origin, String oldPath, String newPath) {
    return EventBuilder.event("security_inode_rename").origin(origin).arg("old_path", oldPath)
        .arg("new_path", newPath).build();
  }

  private static Event exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).arg("cmdpath", pathname)
        .arg("pathname", pathname).arg("argv", List.of(pathname)).build();
  }

  private static Event write(String pathname, byte[] bytes) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", pathname)
        .arg("bytes", bytes).arg("dev", 2049L).arg("inode", 78L).build();
  }

  @Test
  void allocateNothingWhenTheyDoNotFire() {
    SignatureHarness harness = SignatureHarness.of(new CgroupReleaseAgentModification(),
        new CorePatternModification(), new DefaultLoaderModification(), new HiddenFileCreated(),
        new KubernetesCertificateTheftAttempt(), new ProcKcoreRead(), new RcdModification(),
        new ScheduledTaskModification());
    Engine engine = harness.engine();
    Event[] events = {
        // Ordinary reads and writes, in a container and on the host, both flag forms.
        fileOpen(Origin.CONTAINER, "cat", "/etc/hosts", 0L),
        fileOpen(Origin.CONTAINER, "cat", "/etc/hosts", "O_RDONLY|O_LARGEFILE"),
        fileOpen(Origin.HOST, "vi", "/etc/passwd", 01101L),
        fileOpen(Origin.HOST, "vi", "/etc/passwd", "O_WRONLY|O_CREAT|O_TRUNC"),
        // The watched files opened the way each signature does not mind.
        fileOpen(Origin.CONTAINER, "cat", "/sys/fs/cgroup/x/release_agent", "O_RDONLY"),
        fileOpen(Origin.CONTAINER, "sh", "/sys/fs/cgroup/x/release_agent.bak", 1L),
        fileOpen(Origin.HOST, "sh", "/sys/fs/cgroup/x/release_agent", "O_WRONLY"),
        fileOpen(Origin.CONTAINER, "cat", "/proc/sys/kernel/core_pattern", 0L),
        fileOpen(Origin.CONTAINER_INIT, "sh", "/proc/sys/kernel/core_pattern", "O_WRONLY"),
        fileOpen(Origin.CONTAINER, "sh", "/proc/kcore", "O_WRONLY"),
        fileOpen(Origin.HOST, "cat", "/proc/kcore", 0L),
        fileOpen(Origin.CONTAINER, "ld", "/lib64/ld-linux-x86-64.so.2", "O_RDONLY|O_CLOEXEC"),
        fileOpen(Origin.HOST, "cp", "/usr/lib/x86_64-linux-gnu/libc.so.6", 01101L),
        fileOpen(Origin.HOST, "cp", "/lib/ldconfig", "O_WRONLY|O_CREAT|O_TRUNC"),
        fileOpen(Origin.HOST, "kubelet", "/etc/kubernetes/pki/ca.crt", "O_RDONLY"),
        fileOpen(Origin.HOST, "etcd", "/etc/kubernetes/pki/etcd/server.key", 0L),
        fileOpen(Origin.HOST, "cat", "/etc/kubernetes/pki/ca.crt", "O_WRONLY"),
        fileOpen(Origin.HOST, "cat", "/etc/kubernetes/pkix", 0L),
        fileOpen(Origin.HOST, "vi", "/etc/rc.d.old/x", 1L),
        fileOpen(Origin.HOST, "vi", "/etc/rc.local.bak", "O_RDWR"),
        fileOpen(Origin.HOST, "cat", "/etc/init.d/ssh", 0L),
        fileOpen(Origin.HOST, "vi", "/etc/cron.deny.bak", "O_WRONLY|O_APPEND"),
        fileOpen(Origin.HOST, "cat", "/etc/crontab", "O_RDONLY"),
        fileOpen(Origin.HOST, "vi", "/var/spool/anacron.old/x", 1L),
        rename(Origin.CONTAINER, "/tmp/a", "/tmp/b"),
        rename(Origin.HOST, "/etc/rc.local", "/tmp/rc.local"),
        rename(Origin.HOST, "/tmp/x", "/etc/cron.d.old/x"),
        rename(Origin.HOST, "/tmp/x", "/usr/local/lib/ld.so"),
        exec("/bin/ls"),
        exec("/usr/sbin/invoke-rc.d"),
        exec("/usr/bin/atq"),
        write("/bin/visible", ELF),
        write("/tmp/.x", new byte[] {'#', '!', '/', 'b'}),
        // Data problems.
        EventBuilder.event("security_file_open").origin(Origin.CONTAINER).arg("pathname", "/x").build(),
        EventBuilder.event("security_file_open").origin(Origin.CONTAINER).arg("flags", 1L).build(),
        EventBuilder.event("security_file_open").origin(Origin.CONTAINER).arg("pathname", "/x")
            .arg("flags", "O_BOGUS").build(),
        EventBuilder.event("security_inode_rename").origin(Origin.CONTAINER).build(),
        EventBuilder.event("sched_process_exec").origin(Origin.HOST).arg("argv", List.of("x")).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", "/tmp/.x").build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("bytes", ELF).build(),
    };

    assertAllocateNothing("file-watch signatures on non-firing events", engine, events);
  }
}
