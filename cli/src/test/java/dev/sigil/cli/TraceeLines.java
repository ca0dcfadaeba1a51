package dev.sigil.cli;

/** Tracee v0.24-shaped JSON lines for tests. */
final class TraceeLines {
  static final long SECOND = 1_000_000_000L;
  static final long T0 = 1_763_900_000L * SECOND;

  private TraceeLines() {}

  /** A {@code magic_write} of an ELF header in a started container. */
  static String magicWrite(long timestamp, String host, String path) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":12,\"hostProcessId\":4012,"
        + "\"hostParentProcessId\":4000,\"processName\":\"sh\",\"hostName\":\"" + host + "\","
        + "\"containerId\":\"c0ffee\",\"container\":{\"id\":\"c0ffee\",\"name\":\"web\"},"
        + "\"kubernetes\":{},\"eventId\":\"6029\",\"eventName\":\"magic_write\",\"argsNum\":2,"
        + "\"returnValue\":0,\"syscall\":\"write\",\"contextFlags\":{\"containerStarted\":true,"
        + "\"isCompat\":false},\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\""
        + path + "\"},{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"f0VMRgIBAQAAAAAAAAAAAA==\"}]}";
  }

  /** A {@code sched_process_exec} on the host, run by {@code prevComm}. */
  static String hostExec(long timestamp, String host, String path, String prevComm) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":5100,\"hostProcessId\":5100,"
        + "\"hostParentProcessId\":2218,\"processName\":\"payload\",\"hostName\":\"" + host + "\","
        + "\"containerId\":\"\",\"container\":{},\"kubernetes\":{},\"eventId\":\"715\","
        + "\"eventName\":\"sched_process_exec\",\"argsNum\":5,\"returnValue\":0,"
        + "\"syscall\":\"execve\",\"contextFlags\":{\"containerStarted\":false,\"isCompat\":false},"
        + "\"args\":[{\"name\":\"cmdpath\",\"type\":\"string\",\"value\":\"" + path + "\"},"
        + "{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"" + path + "\"},"
        + "{\"name\":\"argv\",\"type\":\"[]string\",\"value\":[\"" + path + "\"]},"
        + "{\"name\":\"invoked_from_kernel\",\"type\":\"bool\",\"value\":false},"
        + "{\"name\":\"prev_comm\",\"type\":\"string\",\"value\":\"" + prevComm + "\"}]}";
  }

  /**
   * A {@code sched_process_exec} of {@code path} in a started container whose standard input
   * is of {@code stdinType} ({@code S_IFMT} bits: 8192 is a character device, a terminal).
   */
  static String containerExec(long timestamp, String host, String path, long stdinType) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":31,\"hostProcessId\":6031,"
        + "\"hostParentProcessId\":6000,\"processName\":\"bash\",\"hostName\":\"" + host + "\","
        + "\"containerId\":\"c0ffee\",\"container\":{\"id\":\"c0ffee\",\"name\":\"web\"},"
        + "\"kubernetes\":{},\"eventId\":\"715\",\"eventName\":\"sched_process_exec\","
        + "\"argsNum\":4,\"returnValue\":0,\"syscall\":\"execve\","
        + "\"contextFlags\":{\"containerStarted\":true,\"isCompat\":false},"
        + "\"args\":[{\"name\":\"cmdpath\",\"type\":\"string\",\"value\":\"" + path + "\"},"
        + "{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"" + path + "\"},"
        + "{\"name\":\"argv\",\"type\":\"[]string\",\"value\":[\"" + path + "\"]},"
        + "{\"name\":\"stdin_type\",\"type\":\"uint16\",\"value\":" + stdinType + "}]}";
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
