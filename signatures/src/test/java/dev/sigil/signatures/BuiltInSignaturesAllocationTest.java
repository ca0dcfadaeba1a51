package dev.sigil.signatures;

import static dev.sigil.signatures.NonFiringEvents.assertAllocateNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the built-in signatures allocate nothing on events they do not fire on, through a
 * real engine running all of them. Runs in a JVM of its own (see the surefire configuration).
 */
class BuiltInSignaturesAllocationTest {
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

  private static Event containerWrite(String pathname, byte[] bytes) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER)
        .arg("pathname", pathname).arg("bytes", bytes).arg("dev", 0x800001L).arg("inode", 7L).build();
  }

  /** An engine running the signatures that fails a test on any finding, as it happens. */
  private static Engine failingOnAnyFinding(List<Signature> signatures) {
    return Engine.builder()
        .addAll(signatures)
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
  }

  @Test
  void droppedExecutableAllocatesNothingWhenItDoesNotFire() {
    Engine engine = failingOnAnyFinding(Signatures.builtIn());
    Event[] events = {
        containerWrite("/etc/passwd", "root:x:0:0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        containerWrite("/dev/shm/jit", ELF),
        containerWrite("memfd:jit", ELF),
        containerWrite("/run/shm/x", ELF),
        containerWrite("/bin/x", new byte[] {0x7f, 'E', 'L'}),
        containerWrite("/app/a.zip", new byte[] {0x50, 0x4b, 0x03, 0x04}),
        EventBuilder.event("magic_write").origin(Origin.HOST).arg("pathname", "/usr/bin/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER_INIT).arg("pathname", "/usr/bin/x")
            .arg("bytes", ELF).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).arg("pathname", "/usr/bin/x").build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).invalidArg("pathname", "string")
            .arg("bytes", ELF).build(),
        EventBuilder.event("openat").origin(Origin.CONTAINER).arg("pathname", "/etc/hosts").build(),
    };

    assertAllocateNothing("built-in signatures on non-firing events", engine, events);
  }

  private static Event exec(Origin origin, String host, String containerId, String path, long inode,
      List<String> argv) {
    return exec(origin, host, containerId, path, path, path, inode, argv, "bash", "/root");
  }

  private static Event hostExec(String path, List<String> argv, String prevComm, String pwd) {
    return exec(Origin.HOST, "node-1", "", path, path, path, 20, argv, prevComm, pwd);
  }

  private static Event exec(Origin origin, String host, String containerId, String cmdpath,
      String pathname, String interp, long inode, List<String> argv, String prevComm, String pwd) {
    EventBuilder b = EventBuilder.event("sched_process_exec").origin(origin).hostName(host)
        .hostPids(300, 300, 1);
    if (!containerId.isEmpty()) {
      b.containerId(containerId);
    }
    return b.arg("cmdpath", cmdpath).arg("pathname", pathname).arg("dev", 2049L).arg("inode", inode)
        .arg("argv", argv).arg("interp", interp).arg("invoked_from_kernel", false)
        .arg("prev_comm", prevComm).arg("pwd", pwd).build();
  }

  @Test
  void containedExecutableAllocatesNothingOnHostExecsItDoesNotReportAndOnContainerExecs() {
    Engine engine = failingOnAnyFinding(Signatures.builtIn(ContainedExecutableOptions.defaults()
        .withLearning(true).withPeriods(Duration.ofDays(30), Duration.ofDays(14))));
    String a = "aaaa000000000000000000000000000000000000000000000000000000000001";
    String b = "bbbb000000000000000000000000000000000000000000000000000000000002";
    String root = "/var/lib/docker/overlay2/3f2a9c/diff";
    Event[] events = {
        exec(Origin.HOST, "node-1", "", "/usr/bin/ls", 11, List.of("ls", "-l")),
        exec(Origin.HOST, "node-2", "", "/usr//bin/./ls", 11, List.of("ls")),
        exec(Origin.HOST, "node-1", "", "/bin/sh", 12, List.of("/bin/sh", "-c", "echo hi")),
        exec(Origin.HOST, "node-1", "", "/usr/bin/python3", 13, List.of("python3", "/opt/app/../app/main.py")),
        exec(Origin.HOST, "node-2", "", "/bin/cat", 14,
            List.of("cat", "/var/lib/docker/overlay2/3f2a9c/diff/etc/passwd")),
        exec(Origin.HOST, "node-1", "", "/var/lib/docker/overlay2/3f2a9c/work/x", 15, List.of("x")),
        hostExec("/bin/sh", List.of("sh", "-c", "du -sh"), "kubelet", root),
        hostExec("/bin/sh", List.of("sh", "-c", "./configure --prefix=/usr"), "make", "/opt/src"),
        hostExec("/usr/bin/python3.12", List.of("python3", "-m", "http.server"), "bash", root),
        hostExec("/bin/bash", List.of("bash", "-o", "posix", "+e", "/opt/x.sh"), "cron", "/"),
        hostExec("/bin/busybox", List.of("busybox", "sh", "/etc/rc.local"), "init", "/"),
        hostExec("/usr/bin/node", List.of("node", "--some-flag", "value", "/srv/app.js"), "bash", "/srv"),
        hostExec("/lib64/ld-linux-x86-64.so.2",
            List.of("/lib64/ld-linux-x86-64.so.2", "--list", root + "/bin/x"), "ldd", "/"),
        hostExec("/proc/1/root/usr/bin/x", List.of("x"), "bash", "/"),
        hostExec("/proc/4242/cwd/x", List.of("x"), "bash", "/"),
        hostExec(root + "/bin/x", List.of("x"), "kubelet", "/"),
        hostExec(root + "/bin/x", List.of("x"), "runc:[2:INIT]", "/"),
        exec(Origin.HOST, "node-1", "", "/etc/cron.daily/logrotate", "/usr/bin/dash", "/bin/sh", 16,
            List.of("/bin/sh", "/etc/cron.daily/logrotate"), "run-parts", "/"),
        exec(Origin.CONTAINER, "node-1", a, "/usr/bin/curl", 101, List.of("curl", "-s")),
        exec(Origin.CONTAINER, "node-1", b, "/bin/sh", 102, List.of("sh")),
        exec(Origin.CONTAINER, "node-2", a, "/var/lib/docker/overlay2/3f2a9c/diff/x", 103, List.of("x")),
        exec(Origin.CONTAINER_INIT, "node-1", b, "/pause", 104, List.of("/pause")),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("node-1").containerId(a)
            .arg("pathname", "/dev/shm/jit").arg("bytes", ELF).arg("dev", 2049L).arg("inode", 105L).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("node-1").containerId(b)
            .arg("pathname", "/dev/shm/jit").arg("bytes", ELF).arg("dev", 2050L).arg("inode", 105L).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("pod-7").containerId(b)
            .arg("pathname", "/app//bin/tool").arg("bytes", new byte[] {0x7f}).arg("dev", 2049L)
            .arg("inode", 107L).build(),
        EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("node-2").containerId(b)
            .arg("pathname", "/tmp/notes").arg("bytes", new byte[] {'n', 'o'}).arg("dev", 2049L)
            .arg("inode", 106L).build(),
        EventBuilder.event("openat").origin(Origin.HOST).arg("pathname", "/etc/hosts").build(),
    };

    assertAllocateNothing("contained-executable signatures on non-firing events", engine, events);
    assertEquals(3L, engine.stats().signatures().get("SGL-1001").counters().get("inodes"),
        "two containers' ELF writes to one path, and a split header, were recorded");
    assertTrue(engine.stats().signatures().get("SGL-1001").counters().get("allowlisted") > 0,
        "kubelet and runc ran a contained file, allowlisted");
  }

  private static EventBuilder in(Origin origin, String eventName, String processName) {
    EventBuilder b = EventBuilder.event(eventName).origin(origin).processName(processName)
        .hostName(origin == Origin.HOST ? "node-1" : "web-7f9c-xk2p").pids(42, 42, 1)
        .hostPids(4200, 4200, 1);
    return origin == Origin.HOST ? b : b.containerId("cccc000000000000000000000000000000000000000000000000000000000003");
  }

  private static Event open(Origin origin, String comm, String path, Object flags) {
    return in(origin, "security_file_open", comm).arg("pathname", path).arg("flags", flags)
        .arg("dev", 2049L).arg("inode", 501L).arg("syscall_pathname", path).build();
  }

  /**
   * Every event kind the built-in signatures select, shaped as a busy node prints it, with
   * numeric and parsed argument forms, none of which fires: the whole built-in set allocates
   * nothing on it.
   */
  @Test
  void everyBuiltInSignatureAllocatesNothingOnARealisticMixThatDoesNotFire() {
    Engine engine = failingOnAnyFinding(Signatures.builtIn());
    // The container learns the API server's address (10.96.0.1) from its environment and talks
    // to the cluster's DNS service instead: TRC-1013 remembers, and stays silent.
    Map<String, String> dnsService = new LinkedHashMap<>();
    dnsService.put("sa_family", "AF_INET");
    dnsService.put("sin_addr", "10.96.0.10");
    dnsService.put("sin_port", "53");
    Map<String, String> database = new LinkedHashMap<>();
    database.put("sa_family", "AF_INET6");
    database.put("sin6_addr", "fd00::12");
    database.put("sin6_port", "5432");
    database.put("sin6_flowinfo", "0");
    database.put("sin6_scopeid", "0");
    Map<String, String> journal = Map.of("sa_family", "AF_UNIX", "sun_path", "/run/systemd/journal/socket");
    Event[] events = {
        open(Origin.CONTAINER, "nginx", "/etc/nginx/nginx.conf", 0L),
        open(Origin.CONTAINER, "nginx", "/var/log/nginx/access.log", "O_WRONLY|O_CREAT|O_APPEND"),
        open(Origin.HOST, "kubelet", "/etc/kubernetes/pki/ca.crt", "O_RDONLY|O_CLOEXEC"),
        open(Origin.HOST, "systemd", "/proc/self/status", 524288L),
        open(Origin.CONTAINER, "java", "/proc/self/maps", "O_RDONLY"),
        open(Origin.CONTAINER, "python3", "/etc/ld.so.cache", 524288L),
        open(Origin.HOST, "dpkg", "/etc/cron.daily.bak/x", "O_WRONLY|O_CREAT|O_TRUNC"),
        open(Origin.CONTAINER, "coredns", "/var/run/secrets/kubernetes.io/serviceaccount/token", 0L),
        open(Origin.HOST, "sshd", "/etc/sudoers.bak", 0L),
        in(Origin.CONTAINER, "sched_process_exec", "sh").arg("cmdpath", "/bin/sh")
            .arg("pathname", "/bin/sh").arg("dev", 2049L).arg("inode", 601L)
            .arg("argv", List.of("sh", "-c", "date")).arg("env", List.of("PATH=/usr/bin", "HOME=/root",
                "KUBERNETES_SERVICE_HOST=10.96.0.1", "KUBERNETES_SERVICE_PORT=443"))
            .arg("invoked_from_kernel", false).arg("prev_comm", "runc:[2:INIT]").build(),
        in(Origin.HOST, "sched_process_exec", "ls").arg("cmdpath", "/usr/bin/ls")
            .arg("pathname", "/usr/bin/ls").arg("dev", 2049L).arg("inode", 602L)
            .arg("argv", List.of("ls", "-la")).arg("env", List.of("PATH=/usr/bin", "LANG=C.UTF-8"))
            .arg("invoked_from_kernel", false).arg("prev_comm", "bash").build(),
        in(Origin.CONTAINER, "security_socket_connect", "java").arg("sockfd", 23L)
            .arg("remote_addr", dnsService).build(),
        in(Origin.CONTAINER, "security_socket_connect", "node").arg("sockfd", 2L)
            .arg("remote_addr", Map.of("sa_family", "AF_INET", "sin_addr", "10.0.0.9", "sin_port", "0"))
            .build(),
        in(Origin.HOST, "security_socket_connect", "systemd").arg("sockfd", 1L).arg("remote_addr", journal).build(),
        in(Origin.CONTAINER, "security_socket_connect", "postgres").arg("sockfd", 9L)
            .arg("remote_addr", database).build(),
        in(Origin.CONTAINER, "socket_dup", "nginx").arg("oldfd", 7L).arg("newfd", 9L)
            .arg("remote_addr", dnsService).build(),
        in(Origin.HOST, "ptrace", "gdb").arg("request", 16L).arg("pid", 77L).build(),
        in(Origin.HOST, "ptrace", "strace").arg("request", "PTRACE_PEEKDATA").arg("pid", 78L).build(),
        in(Origin.CONTAINER, "mem_prot_alert", "java").arg("alert", 1L).build(),
        in(Origin.CONTAINER, "mem_prot_alert", "node").arg("alert", "Protection changed to Executable!").build(),
        in(Origin.CONTAINER, "security_sb_mount", "mount").arg("dev_name", "tmpfs").arg("path", "/run")
            .arg("type", "tmpfs").arg("flags", 0L).build(),
        in(Origin.HOST, "security_kernel_read_file", "kworker").arg("pathname", "/lib/firmware/i915.bin")
            .arg("type", "firmware").build(),
        in(Origin.CONTAINER, "process_vm_writev", "node").arg("pid", 42L).build(),
        in(Origin.HOST, "hooked_proc_fops", "tracee").arg("hooked_fops_pointers", List.of()).build(),
        in(Origin.CONTAINER, "security_bprm_check", "bash").arg("pathname", "/usr/bin/curl")
            .arg("argv", List.of("curl")).build(),
        in(Origin.CONTAINER, "security_inode_rename", "mv").arg("old_path", "/tmp/a.json")
            .arg("new_path", "/app/data/a.json").build(),
        containerWrite("/var/log/app.log", "2025-11-19T10:12:00Z info".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        EventBuilder.event("net_packet_dns").origin(Origin.CONTAINER).arg("src", "10.42.0.17").build(),
    };

    assertAllocateNothing("every built-in signature on a realistic non-firing mix", engine, events);
    long selected = engine.stats().signatures().values().stream().filter(st -> st.events() > 0).count();
    assertEquals(31, selected, "every signature object but TRC-1030 (every hooked_syscall fires)"
        + " saw events: " + engine.stats().signatures());
  }
}
