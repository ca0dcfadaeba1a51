package dev.sigil.flink.testing;

import java.util.Base64;
import java.util.Locale;

/**
 * Tracee v0.24 JSON lines for tests, in the shape {@code tracee --output json} prints: host and
 * container execs and magic writes, enough for TRC-1022 and SGL-1001/1002 to fire or stay
 * silent.
 */
public final class TraceeLines {
  /** The first bytes of an ELF executable. */
  public static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  /** A log line's first bytes. */
  public static final byte[] TEXT = "{\"level\":\"info\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private TraceeLines() {}

  /**
   * A host {@code sched_process_exec}.
   *
   * @param timestamp event time, ns
   * @param host the node's host name
   * @param path the executed file
   * @param dev its device
   * @param inode its inode
   * @param prevComm the process that executed it
   * @param hostParentPid the parent's pid (2 for a kernel thread)
   * @param entity the process entity id (distinct per event)
   * @return the line
   */
  public static String hostExec(long timestamp, String host, String path, long dev, long inode,
      String prevComm, int hostParentPid, long entity) {
    return context(timestamp, host, "", false, prevComm, hostParentPid, entity, "sched_process_exec", "execve")
        + ",\"args\":["
        + arg("cmdpath", "string", quote(path)) + ","
        + arg("pathname", "string", quote(path)) + ","
        + arg("dev", "uint32", Long.toString(dev)) + ","
        + arg("inode", "uint64", Long.toString(inode)) + ","
        + arg("argv", "[]string", "[" + quote(path) + "]") + ","
        + arg("interp", "string", "\"\"") + ","
        + arg("invoked_from_kernel", "bool", "false") + ","
        + arg("prev_comm", "string", quote(prevComm)) + ","
        + arg("pwd", "string", "\"/\"")
        + "]}";
  }

  /**
   * A {@code magic_write} in a started container.
   *
   * @param timestamp event time, ns
   * @param pod the pod's host name (what hostName is inside a container)
   * @param containerId the container
   * @param path the written file
   * @param bytes its first bytes
   * @param dev its device
   * @param inode its inode
   * @param entity the process entity id
   * @return the line
   */
  public static String containerWrite(long timestamp, String pod, String containerId, String path,
      byte[] bytes, long dev, long inode, long entity) {
    return context(timestamp, pod, containerId, true, "sh", 41, entity, "magic_write", "write")
        + ",\"args\":["
        + arg("pathname", "string", quote(path)) + ","
        + arg("bytes", "[]byte", quote(Base64.getEncoder().encodeToString(bytes))) + ","
        + arg("dev", "uint32", Long.toString(dev)) + ","
        + arg("inode", "uint64", Long.toString(inode))
        + "]}";
  }

  private static String context(long timestamp, String host, String containerId, boolean started,
      String processName, int hostParentPid, long entity, String eventName, String syscall) {
    String container = containerId.isEmpty() ? "{}"
        : "{\"id\":\"" + containerId + "\",\"name\":\"app\",\"image\":\"docker.io/library/alpine:3.20\"}";
    return String.format(Locale.ROOT, "{\"timestamp\":%d,\"threadStartTime\":%d,\"processorId\":1,"
        + "\"processId\":%d,\"cgroupId\":1,\"threadId\":%d,\"parentProcessId\":1,"
        + "\"hostProcessId\":%d,\"hostThreadId\":%d,\"hostParentProcessId\":%d,\"userId\":0,"
        + "\"mountNamespace\":4026531841,\"pidNamespace\":4026531836,\"processName\":%s,"
        + "\"executable\":{\"path\":\"/usr/bin/%s\"},\"hostName\":%s,\"containerId\":%s,"
        + "\"container\":%s,\"kubernetes\":{},\"eventId\":\"715\",\"eventName\":\"%s\","
        + "\"matchedPolicies\":[\"default\"],\"argsNum\":9,\"returnValue\":0,\"syscall\":\"%s\","
        + "\"stackAddresses\":null,\"contextFlags\":{\"containerStarted\":%b,\"isCompat\":false},"
        + "\"threadEntityId\":%d,\"processEntityId\":%d,\"parentEntityId\":17269246",
        timestamp, timestamp - 1_000_000, 1000 + entity % 30000, 1000 + entity % 30000,
        1000 + entity % 30000, 1000 + entity % 30000, hostParentPid, quote(processName),
        processName, quote(host), quote(containerId), container, eventName, syscall, started,
        entity, entity);
  }

  private static String arg(String name, String type, String value) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"value\":" + value + "}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
