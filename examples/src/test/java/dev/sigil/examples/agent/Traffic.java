package dev.sigil.examples.agent;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A stream of Tracee lines from one sender and the findings it must produce, as "id host detail" keys. */
final class Traffic {
  private static final String ELF_BASE64 = "f0VMRgIBAQAAAAAAAAAAAA==";
  private static final long CHR = 0020000;
  private static long time = 1_763_900_000_000_000_000L;

  final StringBuilder lines = new StringBuilder();
  final Map<String, Integer> expected = new HashMap<>();

  /** Traffic whose first line names its node. */
  static Traffic fromNode(String node) {
    Traffic traffic = new Traffic();
    traffic.lines.append(Sender.NODE_LINE).append(' ').append(node).append('\n');
    return traffic;
  }

  /** Rounds of ELF drops, text writes and shells, each node on a connection of its own. */
  static Traffic[] severalNodes(int nodes, int rounds) {
    Traffic[] traffic = new Traffic[nodes];
    for (int n = 0; n < nodes; n++) {
      traffic[n] = fromNode("node-" + n).rounds("node-" + n, rounds);
    }
    return traffic;
  }

  /** Rounds of ELF drops, text writes and shells on one host. */
  Traffic rounds(String host, int rounds) {
    for (int round = 0; round < rounds; round++) {
      droppedElf(host, "/usr/bin/payload-" + round)
          .textWrite(host, "/etc/motd")
          .interactiveShell(host, "/bin/bash", true)
          .interactiveShell(host, "/bin/bash", false);
    }
    return this;
  }

  private static synchronized long nextTime() {
    time += 1_000;
    return time;
  }

  private String context(String host, String event, boolean inContainer) {
    return "{\"timestamp\":" + nextTime() + ",\"processorId\":1,\"processId\":7,\"threadId\":7,"
        + "\"parentProcessId\":1,\"hostProcessId\":4107,\"hostThreadId\":4107,"
        + "\"hostParentProcessId\":4100,\"userId\":0,\"processName\":\"sh\",\"hostName\":\""
        + host + "\"," + (inContainer ? "\"containerId\":\"c0ffee\",\"container\":{\"id\":"
        + "\"c0ffee\",\"name\":\"web\",\"image\":\"nginx:1\"}," : "")
        + "\"eventId\":\"1\",\"eventName\":\"" + event + "\",\"contextFlags\":"
        + "{\"containerStarted\":" + inContainer + ",\"isCompat\":false},";
  }

  Traffic droppedElf(String host, String path) {
    lines.append(context(host, "magic_write", true))
        .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"").append(path)
        .append("\"},{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"").append(ELF_BASE64)
        .append("\"},{\"name\":\"dev\",\"type\":\"uint32\",\"value\":1},{\"name\":\"inode\","
            + "\"type\":\"uint64\",\"value\":2}]}\n");
    expected.merge("TRC-1022 " + host + " " + path, 1, Integer::sum);
    return this;
  }

  Traffic textWrite(String host, String path) {
    lines.append(context(host, "magic_write", true))
        .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"").append(path)
        .append("\"},{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"aGVsbG8=\"}]}\n");
    return this;
  }

  Traffic interactiveShell(String host, String shell, boolean inContainer) {
    lines.append(context(host, "sched_process_exec", inContainer))
        .append("\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"")
        .append(shell).append("\"},{\"name\":\"stdin_type\",\"type\":\"uint16\",\"value\":")
        .append(CHR).append("}]}\n");
    if (inContainer) {
      expected.merge("EX-0001 " + host + " " + shell, 1, Integer::sum);
    }
    return this;
  }

  Traffic raw(String text) {
    lines.append(text);
    return this;
  }

  byte[] bytes() {
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  int expectedFindings() {
    return expected.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The findings all of these senders must produce together. */
  static Map<String, Integer> expected(Traffic... senders) {
    Map<String, Integer> all = new HashMap<>();
    for (Traffic traffic : senders) {
      traffic.expected.forEach((key, count) -> all.merge(key, count, Integer::sum));
    }
    return all;
  }

  static int expectedFindings(Traffic... senders) {
    int sum = 0;
    for (Traffic traffic : senders) {
      sum += traffic.expectedFindings();
    }
    return sum;
  }

  static long bytes(Traffic... senders) {
    long sum = 0;
    for (Traffic traffic : senders) {
      sum += traffic.bytes().length;
    }
    return sum;
  }
}
