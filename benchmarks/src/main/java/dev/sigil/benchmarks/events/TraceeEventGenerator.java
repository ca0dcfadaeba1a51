package dev.sigil.benchmarks.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of realistic Tracee v0.24 events from one Kubernetes node: a few dozen
 * containers and host daemons executing programs, writing and opening files, and sending
 * packets. The same seed and mix always give the same events, in the same order.
 *
 * <p>Each call to {@link #next()} first decides whether the event is one of the
 * {@link EventMix#droppedElf() firing ELF drops} or {@link EventMix#harmlessElf() harmless ELF
 * writes}; every other event follows the kinds' shares. Container executables come from a fixed
 * pool per container, so the (dev, inode) pairs of a long stream repeat as they do on a real node.
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class TraceeEventGenerator {
  /** A Go-style {@code []byte} ELF header: the first 32 bytes of an x86-64 executable. */
  private static final byte[] ELF_HEADER = {
      0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      2, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0x40, 0, 0, 0, 0, 0};

  private static final String[] IMAGES = {
      "docker.io/library/nginx:1.27.2", "docker.io/library/redis:7.4.1",
      "docker.io/library/postgres:16.4", "ghcr.io/acme/checkout-api:2.14.0",
      "ghcr.io/acme/web-frontend:5.3.1", "docker.io/envoyproxy/envoy:v1.31.2",
      "cr.fluentbit.io/fluent/fluent-bit:3.1.9", "registry.k8s.io/coredns/coredns:v1.11.3",
      "ghcr.io/acme/billing-worker:0.9.7", "docker.io/bitnami/kafka:3.8.0"};
  private static final String[][] IMAGE_PROGRAMS = {
      {"nginx", "/usr/sbin/nginx"}, {"redis-server", "/usr/local/bin/redis-server"},
      {"postgres", "/usr/lib/postgresql/16/bin/postgres"}, {"java", "/opt/java/openjdk/bin/java"},
      {"node", "/usr/local/bin/node"}, {"envoy", "/usr/local/bin/envoy"},
      {"fluent-bit", "/fluent-bit/bin/fluent-bit"}, {"coredns", "/coredns"},
      {"python3", "/usr/local/bin/python3.12"}, {"java", "/opt/bitnami/java/bin/java"}};
  private static final String[] CONTAINER_TOOLS = {
      "/bin/sh", "/bin/bash", "/usr/bin/curl", "/bin/cat", "/bin/ls", "/usr/bin/env",
      "/bin/sleep", "/usr/bin/id", "/bin/ps", "/usr/bin/find", "/bin/grep", "/usr/bin/tail"};
  private static final String[] HOST_BINARIES = {
      "/usr/bin/ls", "/usr/bin/cat", "/usr/bin/grep", "/usr/sbin/iptables", "/usr/bin/kubectl",
      "/usr/bin/runc", "/usr/bin/containerd-shim-runc-v2", "/usr/bin/find", "/usr/bin/awk",
      "/usr/bin/sed", "/usr/bin/curl", "/usr/local/bin/node_exporter", "/usr/bin/journalctl",
      "/usr/sbin/ip", "/usr/bin/systemctl", "/usr/bin/mount", "/usr/bin/du", "/usr/bin/date"};
  private static final String[] HOST_SCRIPTS = {
      "/usr/local/sbin/rotate-logs.sh", "/opt/node-tools/health-check.py",
      "/etc/cron.daily/logrotate", "/usr/lib/ops/backup-etcd.sh"};
  private static final String[] HOST_PARENTS = {"bash", "systemd", "kubelet", "cron", "sshd",
      "containerd", "node-problem-de"};
  private static final String[] HOST_DAEMONS = {"kubelet", "containerd", "systemd-journal",
      "sshd", "node_exporter", "systemd", "chronyd", "rsyslogd"};
  private static final String[] OPEN_PATHS = {
      "/etc/ld.so.cache", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/proc/self/status",
      "/etc/passwd", "/etc/nsswitch.conf", "/sys/fs/cgroup/memory.max", "/proc/meminfo",
      "/etc/ssl/certs/ca-certificates.crt", "/usr/share/zoneinfo/UTC", "/etc/hosts",
      "/proc/sys/kernel/ngroups_max",
      "/usr/lib/x86_64-linux-gnu/libssl.so.3", "/dev/urandom", "/etc/resolv.conf"};
  private static final String[] OPEN_FLAGS = {"O_RDONLY|O_CLOEXEC", "O_RDONLY|O_LARGEFILE",
      "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC", "O_RDWR|O_CLOEXEC", "O_RDONLY|O_NONBLOCK|O_DIRECTORY"};
  private static final String[] WRITTEN_PATHS = {
      "/var/log/nginx/access.log", "/tmp/tmp.k3J9aQ", "/app/cache/session-%d.json",
      "/var/lib/postgresql/data/base/16384/%d", "/data/dump.rdb", "/tmp/hsperfdata_app/%d",
      "/var/lib/redis/temp-%d.rdb", "/fluent-bit/buffer/tail.%d.flb", "/home/app/.npm/_logs/%d.log",
      "/var/cache/nginx/proxy_temp/%d"};
  private static final String[] DROP_PATHS = {
      "/tmp/x/kworkerd", "/usr/local/bin/xmrig", "/var/tmp/cache/payload", "/dev/udevd/sshd",
      "/usr/bin/wget;654951e1", "/usr/bin/strace.dpkg-new", "/app/node_modules/bin/ld-%d.so"};
  private static final String[] HARMLESS_ELF_PATHS_IN_CONTAINER = {
      "/dev/shm/jit-%d.so", "memfd:libffi", "/run/shm/pulse-shm-%d", "memfd:jit-code-cache"};
  private static final byte[][] NON_ELF_PREFIXES = {
      "{\"level\":\"info\",\"ts\":\"2025-11-19T".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
      "10.42.0.17 - - [19/Nov/2025:10:12:".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
      "SQLite format 3\0\u0010\0\u0002\u0002\0@  \0\0\0\u0007\0\0\0\u0005".getBytes(
          java.nio.charset.StandardCharsets.ISO_8859_1),
      {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3},
      {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
      {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0},
      new byte[32],
      {'R', 'E', 'D', 'I', 'S', '0', '0', '1', '1', (byte) 0xfa, 9, 'r', 'e', 'd', 'i', 's'}};
  private static final String[] DNS_NAMES = {"checkout-api.default.svc.cluster.local",
      "api.stripe.com", "registry-1.docker.io", "kafka-0.kafka-headless.data.svc.cluster.local",
      "sts.amazonaws.com", "postgres.data.svc.cluster.local"};

  private static final long HOST_DEV = 271581185L;
  private static final int CONTAINERS = 24;
  private static final int MAGIC_WRITE_ID = 6034;
  private static final int EXEC_ID = 710;
  private static final int FILE_OPEN_ID = 730;
  private static final int OPENAT_ID = 257;
  private static final int TCP_ID = 2002;
  private static final int DNS_ID = 2006;

  private final SplittableRandom random;
  private final EventMix mix;
  private final double[] kindThresholds;
  private final String hostName;
  private final List<GeneratedContainer> containers = new ArrayList<>();
  private final List<String> containerPrograms = new ArrayList<>();
  private long clock = 1_763_546_400_000_000_000L;

  /**
   * Creates a generator.
   *
   * @param seed the seed: the same seed and mix give the same stream
   * @param mix what the stream is made of
   */
  public TraceeEventGenerator(long seed, EventMix mix) {
    this.random = new SplittableRandom(seed);
    this.mix = mix;
    double total = mix.exec() + mix.magicWrite() + mix.fileOpen() + mix.openat() + mix.netPacket()
        + mix.security();
    this.kindThresholds = new double[] {
        mix.exec() / total,
        (mix.exec() + mix.magicWrite()) / total,
        (mix.exec() + mix.magicWrite() + mix.fileOpen()) / total,
        (mix.exec() + mix.magicWrite() + mix.fileOpen() + mix.openat()) / total,
        (mix.exec() + mix.magicWrite() + mix.fileOpen() + mix.openat() + mix.netPacket()) / total};
    this.hostName = "worker-" + hex(5);
    for (int i = 0; i < CONTAINERS; i++) {
      int image = i % IMAGES.length;
      String id = hex(64);
      String app = IMAGES[image].substring(IMAGES[image].lastIndexOf('/') + 1,
          IMAGES[image].indexOf(':', IMAGES[image].lastIndexOf('/')));
      String pod = app + "-" + hex(10) + "-" + hex(5);
      containers.add(new GeneratedContainer(id, app, IMAGES[image], i % 4 == 0 ? "sha256:" + hex(64) : "", pod,
          i % 3 == 0 ? "kube-system" : "default", uuid(), 44 + i));
      containerPrograms.add(IMAGE_PROGRAMS[image][0] + '\u0000' + IMAGE_PROGRAMS[image][1]);
    }
  }

  /**
   * Generates the next event.
   *
   * @return the event
   */
  public GeneratedEvent next() {
    clock += 1_000 + random.nextInt(200_000);
    double draw = random.nextDouble();
    if (draw < mix.droppedElf()) {
      return droppedElf();
    }
    if (draw < mix.droppedElf() + mix.harmlessElf()) {
      return harmlessElf();
    }
    double kind = random.nextDouble();
    if (kind < kindThresholds[0]) {
      return exec();
    }
    if (kind < kindThresholds[1]) {
      return ordinaryWrite();
    }
    if (kind < kindThresholds[2]) {
      return fileOpen();
    }
    if (kind < kindThresholds[3]) {
      return openat();
    }
    if (kind < kindThresholds[4]) {
      return packet();
    }
    return securityActivity();
  }

  private GeneratedEvent exec() {
    boolean onHost = random.nextBoolean();
    GeneratedContainer container = onHost ? null : pickContainer();
    String path;
    String comm;
    List<String> argv = new ArrayList<>();
    String prevComm;
    if (onHost) {
      if (random.nextInt(8) == 0) {
        String script = HOST_SCRIPTS[random.nextInt(HOST_SCRIPTS.length)];
        path = script.endsWith(".py") ? "/usr/bin/python3.12" : "/usr/bin/bash";
        argv.add(basename(path));
        argv.add(script);
      } else {
        path = HOST_BINARIES[random.nextInt(HOST_BINARIES.length)];
        argv.add(basename(path));
        hostArguments(argv);
      }
      comm = basename(path);
      prevComm = HOST_PARENTS[random.nextInt(HOST_PARENTS.length)];
    } else {
      int index = containers.indexOf(container);
      if (random.nextInt(3) == 0) {
        String[] program = containerPrograms.get(index).split("\u0000");
        path = program[1];
        argv.add(program[0]);
        argv.add(random.nextBoolean() ? "--config=/etc/app/config.yaml" : "-g");
      } else {
        path = CONTAINER_TOOLS[random.nextInt(CONTAINER_TOOLS.length)];
        argv.add(basename(path));
        if (path.endsWith("sh")) {
          argv.add("-c");
          argv.add("test -f /tmp/ready && curl -fsS http://127.0.0.1:8080/healthz");
        } else {
          argv.add("/proc/1/status");
        }
      }
      comm = basename(path);
      prevComm = random.nextBoolean() ? "runc:[2:INIT]" : "sh";
    }
    long dev = container == null ? HOST_DEV : container.dev();
    GeneratedProcess process = process(comm, path, container, onHost ? 1 + random.nextInt(4) : 0);
    List<GeneratedArg> args = new ArrayList<>();
    args.add(new GeneratedArg("cmdpath", "string", path));
    args.add(new GeneratedArg("pathname", "string", path));
    args.add(new GeneratedArg("dev", "uint32", dev));
    args.add(new GeneratedArg("inode", "uint64", inodeOf(path)));
    args.add(new GeneratedArg("ctime", "uint64", clock - 86_400_000_000_000L * (1 + (path.length() % 90))));
    args.add(new GeneratedArg("inode_mode", "uint16", 33261L));
    args.add(new GeneratedArg("interpreter_pathname", "string", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
    args.add(new GeneratedArg("interpreter_dev", "uint32", dev));
    args.add(new GeneratedArg("interpreter_inode", "uint64", inodeOf("ld-linux")));
    args.add(new GeneratedArg("interpreter_ctime", "uint64", clock - 86_400_000_000_000L * 40));
    args.add(new GeneratedArg("argv", "[]string", List.copyOf(argv)));
    args.add(new GeneratedArg("interp", "string", path));
    args.add(new GeneratedArg("stdin_type", "string", onHost ? "S_IFCHR" : "S_IFIFO"));
    args.add(new GeneratedArg("stdin_path", "string", onHost ? "/dev/null" : "pipe:[" + (10_000 + random.nextInt(90_000)) + "]"));
    args.add(new GeneratedArg("invoked_from_kernel", "bool", false));
    args.add(new GeneratedArg("prev_comm", "string", prevComm));
    if (random.nextBoolean()) {
      // As with tracee --output option:exec-env: what TRC-107 and TRC-1013 read.
      args.add(new GeneratedArg("env", "[]string", onHost
          ? List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", "LANG=C.UTF-8", "HOME=/root")
          : List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOSTNAME=" + container.podName(),
              "KUBERNETES_SERVICE_HOST=10.96.0.1", "KUBERNETES_SERVICE_PORT=443", "HOME=/app")));
    }
    args.add(new GeneratedArg("pwd", "string", onHost ? "/root" : "/app"));
    return event(process, container, true, EXEC_ID, "sched_process_exec", "execve", 0, args, false);
  }

  private void hostArguments(List<String> argv) {
    switch (random.nextInt(4)) {
      case 0 -> argv.add("-la");
      case 1 -> {
        argv.add("--no-pager");
        argv.add("-u");
        argv.add("kubelet.service");
      }
      case 2 -> argv.add("/var/log/syslog");
      default -> { }
    }
  }

  private GeneratedEvent ordinaryWrite() {
    boolean onHost = random.nextInt(10) == 0;
    GeneratedContainer container = onHost ? null : pickContainer();
    byte[] prefix = NON_ELF_PREFIXES[random.nextInt(NON_ELF_PREFIXES.length)];
    int length = random.nextInt(20) == 0 ? 1 + random.nextInt(3) : Math.min(32, prefix.length + 16);
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = i < prefix.length ? prefix[i] : (byte) ('0' + random.nextInt(10));
    }
    String path = String.format(Locale.ROOT,
        WRITTEN_PATHS[random.nextInt(WRITTEN_PATHS.length)], 1000 + random.nextInt(9000));
    return magicWrite(container, true, path, bytes, false);
  }

  private GeneratedEvent droppedElf() {
    String path = String.format(Locale.ROOT,
        DROP_PATHS[random.nextInt(DROP_PATHS.length)], random.nextInt(100));
    return magicWrite(pickContainer(), true, path, elfHeader(), true);
  }

  private GeneratedEvent harmlessElf() {
    return switch (random.nextInt(3)) {
      case 0 -> magicWrite(pickContainer(), true, String.format(Locale.ROOT,
          HARMLESS_ELF_PATHS_IN_CONTAINER[random.nextInt(HARMLESS_ELF_PATHS_IN_CONTAINER.length)],
          random.nextInt(1000)), elfHeader(), false);
      case 1 -> magicWrite(null, false, "/usr/bin/containerd.dpkg-new", elfHeader(), false);
      default -> magicWrite(pickContainer(), false, "/usr/local/bin/entrypoint", elfHeader(), false);
    };
  }

  private byte[] elfHeader() {
    byte[] header = ELF_HEADER.clone();
    header[24] = (byte) random.nextInt(256);
    return header;
  }

  private GeneratedEvent magicWrite(GeneratedContainer container, boolean started, String path,
      byte[] bytes, boolean fires) {
    String comm = container == null ? "dpkg" : random.nextBoolean() ? "curl" : "sh";
    GeneratedProcess process = process(comm, "/usr/bin/" + comm, container, 0);
    List<GeneratedArg> args = List.of(
        new GeneratedArg("pathname", "string", path),
        new GeneratedArg("bytes", "[]byte", bytes),
        new GeneratedArg("dev", "uint32", container == null ? HOST_DEV : container.dev()),
        new GeneratedArg("inode", "uint64", inodeOf(path)));
    return event(process, container, started, MAGIC_WRITE_ID, "magic_write", "write",
        bytes.length, args, fires);
  }

  private GeneratedEvent fileOpen() {
    boolean onHost = random.nextBoolean();
    GeneratedContainer container = onHost ? null : pickContainer();
    String path = OPEN_PATHS[random.nextInt(OPEN_PATHS.length)];
    String comm = onHost ? HOST_DAEMONS[random.nextInt(HOST_DAEMONS.length)] : containerComm(container);
    List<GeneratedArg> args = List.of(
        new GeneratedArg("pathname", "string", path),
        new GeneratedArg("flags", "string", OPEN_FLAGS[random.nextInt(OPEN_FLAGS.length)]),
        new GeneratedArg("dev", "uint32", container == null ? HOST_DEV : container.dev()),
        new GeneratedArg("inode", "uint64", inodeOf(path)),
        new GeneratedArg("ctime", "uint64", clock - 3_600_000_000_000L * (1 + path.length())),
        new GeneratedArg("syscall_pathname", "string", path));
    return event(process(comm, "/usr/bin/" + comm, container, 0), container, true, FILE_OPEN_ID,
        "security_file_open", "openat", 0, args, false);
  }

  private GeneratedEvent openat() {
    boolean onHost = random.nextBoolean();
    GeneratedContainer container = onHost ? null : pickContainer();
    String path = OPEN_PATHS[random.nextInt(OPEN_PATHS.length)];
    String comm = onHost ? HOST_DAEMONS[random.nextInt(HOST_DAEMONS.length)] : containerComm(container);
    List<GeneratedArg> args = List.of(
        new GeneratedArg("dirfd", "int32", -100L),
        new GeneratedArg("pathname", "string", path),
        new GeneratedArg("flags", "int32", 524288L),
        new GeneratedArg("mode", "uint32", 0L));
    return event(process(comm, "/usr/bin/" + comm, container, 0), container, true, OPENAT_ID,
        "openat", "openat", 3 + random.nextInt(60), args, false);
  }

  private GeneratedEvent packet() {
    boolean onHost = random.nextInt(4) == 0;
    GeneratedContainer container = onHost ? null : pickContainer();
    String comm = onHost ? "kubelet" : containerComm(container);
    String src = "10.42." + random.nextInt(8) + "." + (2 + random.nextInt(250));
    String dst = "10.43." + random.nextInt(8) + "." + (2 + random.nextInt(250));
    long srcPort = 30_000 + random.nextInt(30_000);
    boolean dns = random.nextInt(3) == 0;
    long dstPort = dns ? 53 : random.nextBoolean() ? 443 : 8080;
    List<GeneratedArg> args = new ArrayList<>();
    args.add(new GeneratedArg("src", "string", src));
    args.add(new GeneratedArg("dst", "string", dst));
    args.add(new GeneratedArg("src_port", "uint16", srcPort));
    args.add(new GeneratedArg("dst_port", "uint16", dstPort));
    if (dns) {
      Map<String, Object> question = new LinkedHashMap<>();
      question.put("name", DNS_NAMES[random.nextInt(DNS_NAMES.length)]);
      question.put("type", "A");
      question.put("class", "IN");
      Map<String, Object> proto = new LinkedHashMap<>();
      proto.put("ID", (long) random.nextInt(65_536));
      proto.put("QR", 0L);
      proto.put("opCode", "query");
      proto.put("AA", 0L);
      proto.put("TC", 0L);
      proto.put("RD", 1L);
      proto.put("RA", 0L);
      proto.put("Z", 0L);
      proto.put("responseCode", "no error");
      proto.put("QDCount", 1L);
      proto.put("ANCount", 0L);
      proto.put("NSCount", 0L);
      proto.put("ARCount", 0L);
      proto.put("questions", List.of(question));
      proto.put("answers", List.of());
      // Tracee prints every section of trace.ProtoDNS, empty or not; its own decoder rejects a
      // net_packet_dns without them.
      proto.put("authorities", List.of());
      proto.put("additionals", List.of());
      args.add(new GeneratedArg("proto_dns", "trace.ProtoDNS", proto));
    } else {
      Map<String, Object> proto = new LinkedHashMap<>();
      proto.put("srcPort", srcPort);
      proto.put("dstPort", dstPort);
      proto.put("seq", (long) random.nextInt(Integer.MAX_VALUE));
      proto.put("ack", (long) random.nextInt(Integer.MAX_VALUE));
      proto.put("dataOffset", 8L);
      for (String flag : new String[] {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "NS"}) {
        proto.put(flag, flag.equals("ACK") ? 1L : 0L);
      }
      proto.put("window", (long) random.nextInt(65_536));
      proto.put("checksum", (long) random.nextInt(65_536));
      proto.put("urgent", 0L);
      args.add(new GeneratedArg("proto_tcp", "trace.ProtoTCP", proto));
    }
    return event(process(comm, "/usr/bin/" + comm, container, 0), container, true,
        dns ? DNS_ID : TCP_ID, dns ? "net_packet_dns" : "net_packet_tcp", dns ? "sendmsg" : "recvmsg",
        0, args, false);
  }

  /**
   * One of the other events Tracee's signatures select, shaped as Tracee v0.24 prints it and
   * chosen so that none of them fires: what a node does all day that the signatures must look
   * at and let pass.
   */
  private GeneratedEvent securityActivity() {
    boolean onHost = random.nextInt(3) == 0;
    GeneratedContainer container = onHost ? null : pickContainer();
    String comm = onHost ? HOST_DAEMONS[random.nextInt(HOST_DAEMONS.length)] : containerComm(container);
    GeneratedProcess process = process(comm, "/usr/bin/" + comm, container, 0);
    List<GeneratedArg> args = new ArrayList<>();
    String name;
    String syscall;
    int id;
    switch (random.nextInt(11)) {
      case 0 -> {
        name = "security_socket_connect";
        syscall = "connect";
        id = 2015;
        args.add(new GeneratedArg("sockfd", "int32", 3L + random.nextInt(60)));
        args.add(new GeneratedArg("type", "int32", 1L));
        args.add(new GeneratedArg("remote_addr", "SockAddr", inet("10.43." + random.nextInt(8) + "."
            + (2 + random.nextInt(250)), random.nextBoolean() ? "443" : "8080")));
      }
      case 1 -> {
        name = "socket_dup";
        syscall = "dup2";
        id = 1012;
        args.add(new GeneratedArg("oldfd", "int32", 3L + random.nextInt(20)));
        args.add(new GeneratedArg("newfd", "int32", 30L + random.nextInt(20)));
        args.add(new GeneratedArg("remote_addr", "SockAddr", inet("10.43.0.10", "53")));
      }
      case 2 -> {
        name = "ptrace";
        syscall = "ptrace";
        id = 101;
        // PTRACE_PEEKDATA, PTRACE_GETREGS, PTRACE_ATTACH, PTRACE_CONT: a debugger or a profiler.
        long[] requests = {2, 12, 16, 7};
        String[] parsed = {"PTRACE_PEEKDATA", "PTRACE_GETREGS", "PTRACE_ATTACH", "PTRACE_CONT"};
        int r = random.nextInt(requests.length);
        boolean text = random.nextBoolean();
        args.add(new GeneratedArg("request", text ? "string" : "int64", text ? parsed[r] : (Object) requests[r]));
        args.add(new GeneratedArg("pid", "int32", 1_000L + random.nextInt(40_000)));
        args.add(new GeneratedArg("addr", "trace.Pointer", "0x7ffd4b2c1000"));
        args.add(new GeneratedArg("data", "trace.Pointer", "0x0"));
      }
      case 3 -> {
        name = "mem_prot_alert";
        syscall = "mprotect";
        id = 6020;
        boolean text = random.nextBoolean();
        args.add(new GeneratedArg("alert", text ? "string" : "uint32",
            text ? "Mmaped region with W+E permissions!" : (Object) 1L));
        args.add(new GeneratedArg("addr", "trace.Pointer", "0x7f3a1c000000"));
        args.add(new GeneratedArg("len", "uint64", 4096L * (1 + random.nextInt(64))));
        args.add(new GeneratedArg("prot", "int32", 7L));
        args.add(new GeneratedArg("prev_prot", "int32", 0L));
      }
      case 4 -> {
        name = "security_sb_mount";
        syscall = "mount";
        id = 731;
        String[] types = {"tmpfs", "proc", "overlay", "mqueue"};
        String type = types[random.nextInt(types.length)];
        args.add(new GeneratedArg("dev_name", "string", type));
        args.add(new GeneratedArg("path", "string", "/run/containerd/io.containerd.runtime.v2.task/k8s.io/"
            + hex(12) + "/rootfs/" + (type.equals("proc") ? "proc" : "dev/shm")));
        args.add(new GeneratedArg("type", "string", type));
        args.add(new GeneratedArg("flags", "uint64", 0L));
      }
      case 5 -> {
        name = "security_kernel_read_file";
        syscall = "finit_module";
        id = 742;
        args.add(new GeneratedArg("pathname", "string", "/lib/firmware/i915/tgl_dmc_ver2_12.bin"));
        args.add(new GeneratedArg("dev", "uint32", HOST_DEV));
        args.add(new GeneratedArg("inode", "uint64", 4_400_000L + random.nextInt(1000)));
        args.add(new GeneratedArg("type", "string", "firmware"));
        args.add(new GeneratedArg("ctime", "uint64", clock - 86_400_000_000_000L * 200));
      }
      case 6 -> {
        name = "process_vm_writev";
        syscall = "process_vm_writev";
        id = 311;
        // A process writing its own memory (a JIT's helper thread): the pid is its own.
        args.add(new GeneratedArg("pid", "int32", (long) process.processId()));
        args.add(new GeneratedArg("local_iov", "trace.Pointer", "0x7ffd4b2c2000"));
        args.add(new GeneratedArg("liovcnt", "uint64", 1L));
        args.add(new GeneratedArg("remote_iov", "trace.Pointer", "0x7ffd4b2c3000"));
        args.add(new GeneratedArg("riovcnt", "uint64", 1L));
        args.add(new GeneratedArg("flags", "uint64", 0L));
      }
      case 7 -> {
        name = "security_bprm_check";
        syscall = "execve";
        id = 733;
        String path = CONTAINER_TOOLS[random.nextInt(CONTAINER_TOOLS.length)];
        args.add(new GeneratedArg("pathname", "string", path.endsWith("sh") ? "/usr/bin/curl" : path));
        args.add(new GeneratedArg("dev", "uint32", container == null ? HOST_DEV : container.dev()));
        args.add(new GeneratedArg("inode", "uint64", inodeOf(path)));
        args.add(new GeneratedArg("argv", "[]string", List.of(basename(path))));
      }
      case 8 -> {
        name = "security_inode_rename";
        syscall = "rename";
        id = 738;
        String from = "/tmp/tmp." + hex(6);
        args.add(new GeneratedArg("old_path", "string", from));
        args.add(new GeneratedArg("new_path", "string", "/var/lib/app/cache/" + hex(8) + ".json"));
      }
      case 9 -> {
        name = "hooked_proc_fops";
        syscall = "";
        id = 2009;
        args.add(new GeneratedArg("hooked_fops_pointers", "[]trace.HookedSymbolData", List.of()));
      }
      default -> {
        // The cluster's own agents read their service-account token; TRC-108 allows them.
        name = "security_file_open";
        syscall = "openat";
        id = FILE_OPEN_ID;
        comm = "kube-proxy";
        process = process(comm, "/usr/local/bin/kube-proxy", container, 0);
        String token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
        args.add(new GeneratedArg("pathname", "string", token));
        args.add(new GeneratedArg("flags", "string", "O_RDONLY|O_CLOEXEC"));
        args.add(new GeneratedArg("dev", "uint32", container == null ? HOST_DEV : container.dev()));
        args.add(new GeneratedArg("inode", "uint64", inodeOf(token)));
        args.add(new GeneratedArg("ctime", "uint64", clock - 3_600_000_000_000L));
        args.add(new GeneratedArg("syscall_pathname", "string", token));
      }
    }
    return event(process, container, true, id, name, syscall, 0, args, false);
  }

  private static Map<String, Object> inet(String address, String port) {
    Map<String, Object> addr = new LinkedHashMap<>();
    addr.put("sa_family", "AF_INET");
    addr.put("sin_port", port);
    addr.put("sin_addr", address);
    return addr;
  }

  private GeneratedEvent event(GeneratedProcess process, GeneratedContainer container,
      boolean started, int eventId, String eventName, String syscall, long returnValue,
      List<GeneratedArg> args, boolean fires) {
    return new GeneratedEvent(clock, random.nextInt(2), hostName, process, container,
        container != null && started, eventId, eventName, syscall, returnValue, args, fires);
  }

  private GeneratedProcess process(String comm, String path, GeneratedContainer container,
      int hostParentKind) {
    int hostPid = 1_000 + random.nextInt(4_000_000);
    int hostPpid = hostParentKind == 0 ? 900 + random.nextInt(4_000_000) : 1 + hostParentKind * 1_000;
    int pid = container == null ? hostPid : 1 + random.nextInt(400);
    int ppid = container == null ? hostPpid : random.nextInt(pid + 1);
    String shortComm = comm.length() > 15 ? comm.substring(0, 15) : comm;
    return new GeneratedProcess(pid, pid, ppid, hostPid, hostPid, hostPpid,
        container == null ? 0 : 1000 + random.nextInt(3), shortComm, path,
        container == null ? 5_000 + random.nextInt(500) : 1_300_000 + container.dev() * 17,
        container == null ? 4026531841L : 4026532800L + container.dev(),
        container == null ? 4026531836L : 4026532900L + container.dev(),
        clock - random.nextInt(2_000_000_000),
        random.nextLong() & 0xffff_ffffL, random.nextLong() & 0xffff_ffffL,
        random.nextLong() & 0xffff_ffffL);
  }

  private GeneratedContainer pickContainer() {
    return containers.get(random.nextInt(containers.size()));
  }

  private String containerComm(GeneratedContainer container) {
    String program = containerPrograms.get(containers.indexOf(container));
    return program.substring(0, program.indexOf('\u0000'));
  }

  private static long inodeOf(String path) {
    return 1_000_000L + (path.hashCode() & 0x7fff_ffffL) % 50_000_000L;
  }

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private String hex(int digits) {
    StringBuilder text = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }

  private String uuid() {
    return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
  }
}
