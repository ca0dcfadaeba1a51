package dev.sigil.cli;

/** Tracee v0.24-shaped JSON lines for tests. */
final class TraceeLines {
  static final long SECOND = 1_000_000_000L;
  static final long T0 = 1_763_900_000L * SECOND;

  private TraceeLines() {}

  /** A {@code magic_write} of an ELF header in a started container. */
  static String magicWrite(long timestamp, String host, String path) {
    return event(timestamp, host, 12, 4012, 4000, "sh", true, "6029", "magic_write", "write",
        arg("pathname", "string", "\"" + path + "\""),
        arg("bytes", "[]byte", "\"f0VMRgIBAQAAAAAAAAAAAA==\""));
  }

  /** A {@code sched_process_exec} on the host, run by {@code prevComm}. */
  static String hostExec(long timestamp, String host, String path, String prevComm) {
    return event(timestamp, host, 5100, 5100, 2218, "payload", false, "715", "sched_process_exec",
        "execve", arg("cmdpath", "string", "\"" + path + "\""),
        arg("pathname", "string", "\"" + path + "\""),
        arg("argv", "[]string", "[\"" + path + "\"]"),
        arg("invoked_from_kernel", "bool", "false"),
        arg("prev_comm", "string", "\"" + prevComm + "\""));
  }

  /**
   * A {@code sched_process_exec} of {@code path} in a started container whose standard input
   * is of {@code stdinType} ({@code S_IFMT} bits: 8192 is a character device, a terminal).
   */
  static String containerExec(long timestamp, String host, String path, long stdinType) {
    return event(timestamp, host, 31, 6031, 6000, "bash", true, "715", "sched_process_exec",
        "execve", arg("cmdpath", "string", "\"" + path + "\""),
        arg("pathname", "string", "\"" + path + "\""),
        arg("argv", "[]string", "[\"" + path + "\"]"),
        arg("stdin_type", "uint16", Long.toString(stdinType)));
  }

  /**
   * One line: a process on the host, or in the started container {@code c0ffee} named web, and
   * its event. The strings go in as they are: a test may pass JSON escapes through them.
   */
  private static String event(long timestamp, String host, int processId, int hostProcessId,
      int hostParentProcessId, String processName, boolean inContainer, String eventId,
      String eventName, String syscall, String... args) {
    String container = inContainer
        ? "\"containerId\":\"c0ffee\",\"container\":{\"id\":\"c0ffee\",\"name\":\"web\"},"
        : "\"containerId\":\"\",\"container\":{},";
    return "{\"timestamp\":" + timestamp + ",\"processId\":" + processId + ",\"hostProcessId\":"
        + hostProcessId + ",\"hostParentProcessId\":" + hostParentProcessId + ",\"processName\":\""
        + processName + "\",\"hostName\":\"" + host + "\"," + container + "\"kubernetes\":{},"
        + "\"eventId\":\"" + eventId + "\",\"eventName\":\"" + eventName + "\",\"argsNum\":"
        + args.length + ",\"returnValue\":0,\"syscall\":\"" + syscall + "\",\"contextFlags\":"
        + "{\"containerStarted\":" + inContainer + ",\"isCompat\":false},\"args\":["
        + String.join(",", args) + "]}";
  }

  /** One argument; {@code value} is JSON. */
  private static String arg(String name, String type, String value) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"value\":" + value + "}";
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
