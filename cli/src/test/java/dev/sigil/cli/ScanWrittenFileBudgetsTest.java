package dev.sigil.cli;

import static dev.sigil.cli.TraceeLines.SECOND;
import static dev.sigil.cli.TraceeLines.T0;
import static dev.sigil.cli.UsageError.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --written-file-capacity}, the one-time notice of a budget that evicts, and the
 * signatures' counters in the summaries.
 */
class ScanWrittenFileBudgetsTest {
  private static final String ELF = "f0VMRgIBAQAAAAAAAAAAAA==";
  private static final String SCRIPT = "IyEvYmluL3NoCg=="; // "#!/bin/sh\n"
  private static final long PAYLOAD_INODE = 777;

  /** A {@code magic_write} in container c0ffee of a file with its dev and inode. */
  private static String write(long timestamp, String path, String base64, long inode) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":12,\"hostProcessId\":4012,"
        + "\"hostParentProcessId\":4000,\"processName\":\"sh\",\"hostName\":\"pod-1\","
        + "\"containerId\":\"c0ffee\",\"container\":{\"id\":\"c0ffee\"},\"kubernetes\":{},"
        + "\"eventId\":\"6029\",\"eventName\":\"magic_write\",\"argsNum\":4,\"returnValue\":0,"
        + "\"syscall\":\"write\",\"contextFlags\":{\"containerStarted\":true,\"isCompat\":false},"
        + "\"args\":[{\"name\":\"pathname\",\"type\":\"const char*\","
        + "\"value\":\"" + path + "\"},{\"name\":\"bytes\",\"type\":\"bytes\",\"value\":\""
        + base64 + "\"},{\"name\":\"dev\",\"type\":\"dev_t\",\"value\":2049},"
        + "{\"name\":\"inode\",\"type\":\"unsigned long\",\"value\":" + inode + "}]}";
  }

  /** A host exec by bash of the file with the payload's inode, under another name. */
  private static String payloadExec(long timestamp) {
    return "{\"timestamp\":" + timestamp + ",\"processId\":5100,\"hostProcessId\":5100,"
        + "\"hostParentProcessId\":2218,\"processName\":\"x\",\"hostName\":\"node-1\","
        + "\"containerId\":\"\",\"container\":{},\"kubernetes\":{},\"eventId\":\"715\","
        + "\"eventName\":\"sched_process_exec\",\"argsNum\":5,\"returnValue\":0,"
        + "\"syscall\":\"execve\",\"args\":["
        + "{\"name\":\"cmdpath\",\"type\":\"const char*\",\"value\":\"/var/tmp/x\"},"
        + "{\"name\":\"pathname\",\"type\":\"const char*\",\"value\":\"/var/tmp/x\"},"
        + "{\"name\":\"dev\",\"type\":\"dev_t\",\"value\":2049},"
        + "{\"name\":\"inode\",\"type\":\"unsigned long\",\"value\":" + PAYLOAD_INODE + "},"
        + "{\"name\":\"prev_comm\",\"type\":\"const char*\",\"value\":\"bash\"}]}";
  }

  /** The payload ELF, then {@code scripts} scripts, then the host runs the payload. */
  private static String flood(int scripts) {
    StringBuilder input = new StringBuilder(write(T0, "/tmp/payload", ELF, PAYLOAD_INODE))
        .append('\n');
    for (int i = 0; i < scripts; i++) {
      input.append(write(T0 + i, "/tmp/s" + i + ".sh", SCRIPT, 10_000 + i)).append('\n');
    }
    return input.append(payloadExec(T0 + SECOND)).append('\n').toString();
  }

  private static List<String> notices(CliRun run) {
    return run.stderrLines().stream().filter(l -> l.startsWith("sigil scan: SGL-1001:")).toList();
  }

  @Test
  void aScriptBudgetThatEvictsSaysSoOnceAndThePayloadStillFires() {
    CliRun run = CliRun.run(flood(30), "scan", "--written-file-capacity", "script=10",
        "--summary", "json", "--format", "tracee");

    assertEquals(0, run.status(), run.stderr());
    assertEquals(List.of("sigil scan: SGL-1001: files written in containers: the budget of 10 #!"
        + " scripts is full, so the least recently used are forgotten (a container over its fair"
        + " share loses its own first) and a host exec of one of them goes unseen; raise it"
        + " (sigil scan --written-file-capacity script=N, or"
        + " ContainedExecutableOptions.withWrittenFileCapacities) or see the README's"
        + " contained-executable options"), notices(run));
    Map<String, Object> summary = Json.object(run.lastStderrLine());
    assertEquals(Map.of("SGL-1001", 1L, "TRC-1022", 1L), summary.get("findingsBySignature"));
    Map<?, ?> counters = (Map<?, ?>) ((Map<?, ?>) summary.get("countersBySignature")).get("SGL-1001");
    assertEquals(20L, counters.get("scriptInodeEvictions"));
    assertEquals(20L, counters.get("scriptPathEvictions"));
    assertEquals(0L, counters.get("elfInodeEvictions"));
    assertEquals(1L, counters.get("elfInodes"));
  }

  @Test
  void theTextSummaryListsTheEvictionCountersByKind() {
    CliRun run = CliRun.run(flood(30), "scan", "--written-file-capacity", "script=10,elf=5",
        "--format", "tracee");

    assertEquals(0, run.status(), run.stderr());
    assertTrue(run.stderr().matches("(?s).*SGL-1001 counters .*scriptInodeEvictions 20.*"), run.stderr());
    assertTrue(run.stderr().contains("elfInodeEvictions 0"), run.stderr());
    assertTrue(run.stderr().contains("headerPrefixInodeEvictions 0"), run.stderr());
    assertTrue(run.stderr().matches("(?s).*TRC-1013 counters\\s+evictions 0.*"), run.stderr());
  }

  @Test
  void budgetsWithRoomSayNothing() {
    CliRun run = CliRun.run(flood(30), "scan", "--format", "tracee");

    assertEquals(0, run.status(), run.stderr());
    assertEquals(List.of(), notices(run));
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CliRun run = CliRun.run(flood(1), "scan", "--written-file-capacity", "elves=10");

    assertUsageError(run, "unknown kind 'elves' (the kinds are elf, script and"
        + " header-prefix)");
  }

  @Test
  void aCapacityBelowOneIsAUsageError() {
    CliRun run = CliRun.run(flood(1), "scan", "--written-file-capacity", "elf=0");

    assertUsageError(run, "invalid --written-file-capacity: capacities must be at"
        + " least 1");
  }
}
