package dev.sigil.signatures;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.SignatureStats;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The built-in signatures in a {@link SignatureHarness}, with the SGL findings apart, and makers
 * of the events the contained-executable tests feed.
 */
final class Scenario {
  static final long T0 = 1_700_000_000_000_000_000L;
  static final long DAY = Duration.ofDays(1).toNanos();
  static final String CONTAINER_ID = "c0ffee000000c0ffee000000c0ffee000000c0ffee000000c0ffee000000abcd";
  static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

  final SignatureHarness harness;
  final Engine engine;

  Scenario() {
    this(ContainedExecutableOptions.defaults(), UnaryOperator.identity());
  }

  Scenario(ContainedExecutableOptions options) {
    this(options, UnaryOperator.identity());
  }

  Scenario(ContainedExecutableOptions options, UnaryOperator<Engine.Builder> tweak) {
    harness = SignatureHarness.of(Signatures.builtIn(options), tweak);
    engine = harness.engine();
  }

  /** The SGL findings so far (TRC-1022 runs too, on container writes; see {@link #all}). */
  List<Finding> findings() {
    return harness.findings().stream().filter(f -> f.metadata().id().startsWith("SGL-")).toList();
  }

  /** Every finding so far. */
  List<Finding> all() {
    return harness.findings();
  }

  Scenario feed(Event... events) {
    harness.feed(events);
    return this;
  }

  SignatureStats stats() {
    return harness.stats("SGL-1001");
  }

  List<String> ids() {
    return findings().stream().map(f -> f.metadata().id()).toList();
  }

  Finding only() {
    List<Finding> findings = findings();
    if (findings.size() != 1) {
      throw new AssertionError("expected exactly one finding, got " + findings);
    }
    return findings.get(0);
  }

  /** A host exec by {@code bash} (parent pid 1000) of a file at a path, with argv = [path]. */
  static Exec hostExec(String path) {
    return new Exec(path);
  }

  static Event containerWrite(String pathname, byte[] bytes, long dev, long inode) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER).containerId(CONTAINER_ID)
        .hostName("node-1").timestamp(T0)
        .arg("pathname", pathname).arg("bytes", bytes).arg("dev", dev).arg("inode", inode).build();
  }

  /** Builds a {@code sched_process_exec} with Tracee v0.24's arguments. */
  static final class Exec {
    String pathname;
    String cmdpath;
    long dev = 2049;
    long inode = 100;
    List<String> argv;
    Object invokedFromKernel = Boolean.FALSE;
    String prevComm = "bash";
    int hostParentPid = 1000;
    Origin origin = Origin.HOST;
    String hostName = "node-1";
    String containerId = "";
    long time = T0;
    String interp;
    String pwd = "/root";
    List<String> env;

    Exec(String path) {
      pathname = path;
      cmdpath = path;
      argv = List.of(path);
      interp = path;
    }

    /** As the kernel reports a script run by its path: pathname and interp are the interpreter. */
    Exec scriptRunAs(String givenPath, String interpreter) {
      cmdpath = givenPath;
      pathname = interpreter;
      interp = interpreter;
      return this;
    }

    Exec interp(String value) {
      interp = value;
      return this;
    }

    /** Adds the {@code env} argument ({@code --output option:exec-env}). */
    Exec env(String... values) {
      env = List.of(values);
      return this;
    }

    Exec pwd(String value) {
      pwd = value;
      return this;
    }

    Exec argv(String... values) {
      argv = List.of(values);
      return this;
    }

    Exec inode(long newDev, long newInode) {
      dev = newDev;
      inode = newInode;
      return this;
    }

    Exec fromKernel(Object flag) {
      invokedFromKernel = flag;
      return this;
    }

    Exec by(String comm) {
      prevComm = comm;
      return this;
    }

    Exec parent(int pid) {
      hostParentPid = pid;
      return this;
    }

    Exec in(Origin value) {
      origin = value;
      containerId = value == Origin.HOST ? "" : CONTAINER_ID;
      return this;
    }

    Exec on(String host) {
      hostName = host;
      return this;
    }

    Exec at(long nanos) {
      time = nanos;
      return this;
    }

    Exec withoutPathname() {
      pathname = null;
      return this;
    }

    Event build() {
      EventBuilder b = EventBuilder.event("sched_process_exec").origin(origin).hostName(hostName)
          .timestamp(time).hostPids(5000, 5000, hostParentPid).processName("x");
      if (!containerId.isEmpty()) {
        b.containerId(containerId);
      }
      b.arg("cmdpath", cmdpath);
      if (pathname != null) {
        b.arg("pathname", pathname);
      }
      b.arg("dev", dev).arg("inode", inode).arg("ctime", 1L).arg("inode_mode", 33261L)
          .arg("interpreter_pathname", "/lib64/ld-linux-x86-64.so.2").arg("argv", argv)
          .arg("interp", interp).arg("stdin_type", "S_IFCHR")
          .arg("stdin_path", "/dev/pts/0").arg("invoked_from_kernel", invokedFromKernel)
          .arg("prev_comm", prevComm);
      if (env != null) {
        b.arg("env", env);
      }
      return b.arg("pwd", pwd).build();
    }
  }
}
