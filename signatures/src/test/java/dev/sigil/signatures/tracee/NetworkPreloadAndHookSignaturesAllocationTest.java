package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.NonFiringEvents.assertAllocateNothing;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that TRC-101, TRC-107, TRC-1013, TRC-1019 and TRC-1020 allocate nothing on events they
 * do not fire on, through a real engine, in both printed forms of open flags and with TRC-1013's
 * state in its steady state (a known container re-confirming its address). Runs in a JVM of its
 * own (see the surefire configuration).
 */
class NetworkPreloadAndHookSignaturesAllocationTest {
  private static final String A = "aaaa000000000000000000000000000000000000000000000000000000000001";
  private static final String B = "bbbb000000000000000000000000000000000000000000000000000000000002";

  private static Event connect(String container, long fd, Map<String, String> address) {
    return EventBuilder.event("security_socket_connect").containerId(container)
        .origin(Origin.CONTAINER).arg("sockfd", "int32", fd)
        .arg("remote_addr", "SockAddr", address).build();
  }

  private static Event inet(String container, long fd, String ip, String port) {
    return connect(container, fd, Map.of("sa_family", "AF_INET", "sin_port", port, "sin_addr", ip));
  }

  private static Event open(Object flags, String pathname) {
    return EventBuilder.event("security_file_open").containerId(A).origin(Origin.CONTAINER)
        .arg("flags", flags).arg("pathname", pathname).build();
  }

  private static Event exec(String container, List<String> env) {
    return EventBuilder.event("sched_process_exec").containerId(container).origin(Origin.CONTAINER)
        .arg("argv", List.of("curl", "-k", "https://10.96.0.1")).arg("env", env).build();
  }

  @Test
  void nonFiringEventsAllocateNothing() {
    Engine engine = Engine.builder()
        .add(new StdioOverSocket())
        .add(new LdPreload())
        .add(new K8sApiConnection())
        .add(new DockerAbuse())
        .add(new ProcFopsHooking())
        .onFinding(f -> {
          throw new AssertionError("no finding expected: " + f);
        })
        .build();
    List<String> kubernetesEnv =
        List.of("HOME=/root", "KUBERNETES_SERVICE_HOST= 10.96.0.1 ", "KUBERNETES_SERVICE_PORT=443");
    Event[] events = {
        inet(A, 5, "198.51.100.7", "4444"),
        inet(A, 1, "", "0"),
        inet(B, 2, "198.51.100.7", ""),
        connect(A, 0, Map.of("sa_family", "AF_UNIX", "sun_path", "/run/containerd/containerd.sock")),
        connect(A, 0, Map.of("sa_family", "AF_INET6", "sin6_port", "0", "sin6_addr", "::1")),
        EventBuilder.event("socket_dup").arg("oldfd", 3L).arg("newfd", 9L)
            .arg("remote_addr", Map.of("sa_family", "AF_INET", "sin_port", "53", "sin_addr", "1.1.1.1"))
            .build(),
        EventBuilder.event("socket_dup").arg("oldfd", 3L).arg("newfd", 0L).build(),
        open(0L, "/var/run/docker.sock"),
        open("O_RDONLY|O_CLOEXEC", "/var/run/docker.sock"),
        open(01101L, "/tmp/out"),
        open("O_WRONLY|O_CREAT|O_TRUNC", "/etc/ld.so.preload.bak"),
        EventBuilder.event("security_inode_rename").arg("old_path", "/tmp/a").arg("new_path", "/tmp/b")
            .build(),
        exec(A, kubernetesEnv),
        exec(A, List.of("PATH=/bin", "LD_LOAD=/x")),
        EventBuilder.event("sched_process_exec").containerId(A).origin(Origin.CONTAINER)
            .arg("argv", List.of("ls")).build(),
        inet(A, 3, "10.96.0.2", "443"),
        inet(B, 3, "10.96.0.1", "443"),
        EventBuilder.event("hooked_proc_fops").origin(Origin.HOST)
            .arg("hooked_fops_pointers", "[]trace.HookedSymbolData", List.of()).build(),
    };

    assertAllocateNothing("TRC-101/107/1013/1019/1020 on non-firing events", engine, events);
  }
}
