package dev.sigil.examples.cli;

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

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
