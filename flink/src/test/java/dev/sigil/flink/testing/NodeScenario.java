package dev.sigil.flink.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * One node's events in two batches, built so that every kind of state the engine keeps decides
 * a finding in the second batch: the inode index (a file written in a container in batch 1 and
 * executed by the host in batch 2), deduplication (a kernel-thread execution of a contained file
 * alerted in batch 1 and repeated in batch 2, within the window), and learning (with training
 * and activation periods of an hour each: a contained execution learned in batch 1 and repeated
 * three hours later, and the node's first-seen time set in batch 1). Each batch ends with a
 * TRC-1022 drop: a sentinel finding that says the node's batch was processed.
 *
 * <p>Container events carry the pod's host name, host events the node's, as Tracee prints them:
 * keying by {@code hostName} would split the node.
 */
public final class NodeScenario {
  /** Nanoseconds in an hour. */
  public static final long HOUR = 3_600_000_000_000L;
  private static final long T0 = 1_763_629_200_000_000_000L;
  private static final long DEV = 64;
  private static final String ROOT = "/var/lib/docker/overlay2/4f1c2b/merged";

  private final String node;
  private final int index;

  /**
   * Creates the scenario of one node.
   *
   * @param node the node's name (its host events' hostName)
   * @param index a small number distinct per node
   */
  public NodeScenario(String node, int index) {
    this.node = node;
    this.index = index;
  }

  /**
   * Returns the node's name.
   *
   * @return the name
   */
  public String node() {
    return node;
  }

  private String pod() {
    return "pod-" + node;
  }

  private String container() {
    return String.format("%064x", 0xC0FFEE00L + index);
  }

  private long inode() {
    return 900_000L + index;
  }

  private long entity(int n) {
    return 10_000_000L * (index + 1) + n;
  }

  /**
   * Returns the first batch.
   *
   * @return its lines, in order
   */
  public List<String> batch1() {
    List<String> lines = new ArrayList<>();
    long t = T0 + index * 1_000_000L;
    lines.add(TraceeLines.hostExec(t, node, "/usr/bin/ls", 2049, 1300715, "bash", 1000, entity(1)));
    lines.add(TraceeLines.containerWrite(t + 1_000_000_000L, pod(), container(), "/tmp/payload",
        TraceeLines.ELF, DEV, inode(), entity(2)));
    lines.add(TraceeLines.hostExec(t + 2_000_000_000L, node, ROOT + "/usr/bin/learned-tool", DEV,
        700_000, "bash", 1000, entity(3)));
    lines.add(TraceeLines.hostExec(t + 3_000_000_000L, node, ROOT + "/tmp/core-handler", DEV,
        700_001, "kworker", 2, entity(4)));
    lines.add(TraceeLines.containerWrite(t + 4_000_000_000L, pod(), container(), "/tmp/sentinel-1",
        TraceeLines.ELF, DEV, 800_000, entity(5)));
    return lines;
  }

  /**
   * Returns the second batch, three hours after the first.
   *
   * @return its lines, in order
   */
  public List<String> batch2() {
    List<String> lines = new ArrayList<>();
    long t = T0 + 3 * HOUR + index * 1_000_000L;
    lines.add(TraceeLines.hostExec(t, node, ROOT + "/usr/bin/learned-tool", DEV, 700_000, "bash",
        1000, entity(6)));
    lines.add(TraceeLines.hostExec(t + 1_000_000_000L, node, "/home/admin/payload", DEV, inode(),
        "bash", 1000, entity(7)));
    lines.add(TraceeLines.hostExec(t + 2_000_000_000L, node, ROOT + "/tmp/core-handler", DEV,
        700_001, "kworker", 2, entity(8)));
    lines.add(TraceeLines.containerWrite(t + 3_000_000_000L, pod(), container(), "/tmp/sentinel-2",
        TraceeLines.ELF, DEV, 800_001, entity(9)));
    return lines;
  }

  /**
   * Returns a longer stream for failure tests: benign host executions with, every 25 events, an
   * ELF dropped in a container (TRC-1022) that the host executes ten events later (SGL-1001,
   * written-in-container), so findings depend on state across any checkpoint.
   *
   * @param events how many events
   * @return the lines
   */
  public List<String> stream(int events) {
    List<String> lines = new ArrayList<>();
    long t = T0 + index * 1_000_000L;
    for (int i = 0; i < events; i++) {
      long ts = t + i * 1_000_000_000L;
      if (i % 25 == 5) {
        lines.add(TraceeLines.containerWrite(ts, pod(), container(), "/tmp/drop-" + i,
            TraceeLines.ELF, DEV, 1_000_000L + i, entity(100 + i)));
      } else if (i % 25 == 15) {
        lines.add(TraceeLines.hostExec(ts, node, "/opt/copied/drop-" + (i - 10), DEV,
            1_000_000L + i - 10, "bash", 1000, entity(100 + i)));
      } else {
        lines.add(TraceeLines.hostExec(ts, node, "/usr/bin/ls", 2049, 1300715, "bash", 1000,
            entity(100 + i)));
      }
    }
    return lines;
  }
}
