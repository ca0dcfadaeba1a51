package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.SignatureNotice;
import dev.sigil.core.sensor.SensorEvent;
import dev.sigil.core.testing.EventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an attacker in a container cannot do to SGL-1001's record of written files: flush an ELF
 * file with a flood of scripts, or flush another container's files with a flood of its own.
 */
class WrittenFileBudgetsTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
  private static final byte[] SCRIPT = "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HALF_ELF = {0x7f, 'E'};
  private static final String ATTACKER = "a11ce0000000a11ce0000000a11ce0000000a11ce0000000a11ce000000000a1";
  private static final String VICTIM = "b0b000000000b0b000000000b0b000000000b0b000000000b0b00000000000b0";
  private static final long PAYLOAD_INODE = 424_242;

  private final List<Finding> findings = new ArrayList<>();
  private final List<SignatureNotice> notices = new ArrayList<>();

  /** ELF, script and header-prefix budgets of 100, 100 and 10, by inode and by path each. */
  private Engine engine(int elf, int scripts, int headerPrefixes) {
    return engine(new ContainedExecutable(new Settings(List.of(), List.of(), false,
        Duration.ofDays(30), Duration.ZERO, Duration.ZERO, elf, scripts, headerPrefixes, 100, 100)));
  }

  private Engine engine(ContainedExecutable signature) {
    return Engine.builder().add(signature).onFinding(findings::add).onNotice(notices::add).build();
  }

  private static Event write(String container, String path, byte[] bytes, long inode) {
    return EventBuilder.event("magic_write").origin(Origin.CONTAINER).containerId(container)
        .hostName("pod-1").timestamp(T0).arg("pathname", path).arg("bytes", bytes)
        .arg("dev", 2049L).arg("inode", inode).build();
  }

  private static Event hostExec(String path, long inode) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostName("node-1")
        .timestamp(T0 + 1).hostPids(5000, 5000, 1000).arg("pathname", path).arg("cmdpath", path)
        .arg("dev", 2049L).arg("inode", inode).arg("prev_comm", "bash").arg("argv", List.of(path))
        .build();
  }

  private static Event hostRunsScript(String path) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostName("node-1")
        .timestamp(T0 + 1).hostPids(5000, 5000, 1000).arg("pathname", "/bin/sh")
        .arg("cmdpath", "/bin/sh").arg("dev", 2049L).arg("inode", 1L).arg("prev_comm", "bash")
        .arg("argv", List.of("sh", path)).build();
  }

  /**
   * Writes {@code files} files of one kind in a container, through one re-used sensor event (a
   * hundred thousand built events would make the test slow, not more telling).
   */
  private static void flood(Engine engine, String container, byte[] bytes, int files) {
    SensorEvent event = new SensorEvent();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < files; i++) {
      path.setLength(0);
      path.append("/tmp/flood/f").append(i);
      engine.accept(event.clear().eventName("magic_write").timestamp(T0).hostName("pod-1")
          .containerId(container).containerStarted(true)
          .addString("pathname", path).addBytes("bytes", bytes, 0, bytes.length)
          .addLong("dev", 2049L).addLong("inode", 1_000_000 + i));
    }
  }

  /**
   * In an engine of budgets 100, 100 and 10, the events before, then the attacker's flood of
   * a thousand files of one kind, then the events after: what the flood made SGL-1001 forget.
   */
  private Engine floodBetween(List<Event> before, byte[] floodKind, List<Event> after) {
    Engine engine = engine(100, 100, 10);
    before.forEach(engine::accept);
    flood(engine, ATTACKER, floodKind, 1_000);
    after.forEach(engine::accept);
    return engine;
  }

  private Map<String, Long> counters(Engine engine) {
    return engine.stats().signatures().get("SGL-1001").counters();
  }

  @Test
  void aFloodOfScriptsDoesNotEvictAnElfFileWrittenBeforeIt() {
    Engine engine = floodBetween(List.of(write(ATTACKER, "/tmp/payload", ELF, PAYLOAD_INODE)),
        SCRIPT, List.of(hostExec("/var/tmp/renamed-payload", PAYLOAD_INODE)));

    assertEquals(1, findings.size(), "the host exec of the payload fires");
    assertEquals("written-in-container", findings.get(0).data().get("evidence"));
    assertEquals(900L, counters(engine).get("scriptInodeEvictions"));
    assertEquals(0L, counters(engine).get("elfInodeEvictions"));
    assertEquals(1L, counters(engine).get("elfInodes"));
  }

  @Test
  void atTheDefaultBudgets150000ScriptsDoNotEvictThePayload() {
    Engine engine = engine(new ContainedExecutable());
    engine.accept(write(ATTACKER, "/tmp/payload", ELF, PAYLOAD_INODE));

    flood(engine, ATTACKER, SCRIPT, 150_000);
    engine.accept(hostExec("/var/tmp/renamed-payload", PAYLOAD_INODE));

    assertEquals(1, findings.size(), "the host exec of the payload fires");
    assertEquals(100_000L, counters(engine).get("scriptInodeEvictions"),
        "150,000 scripts in a budget of 50,000");
  }

  @Test
  void aFloodOfHeaderPrefixesEvictsNeitherElfFilesNorScripts() {
    Engine engine = floodBetween(List.of(write(ATTACKER, "/tmp/payload", ELF, PAYLOAD_INODE),
            write(ATTACKER, "/host/etc/cron.hourly/job", SCRIPT, PAYLOAD_INODE + 1)),
        HALF_ELF, List.of(hostExec("/var/tmp/renamed-payload", PAYLOAD_INODE),
            hostRunsScript("/etc/cron.hourly/job")));

    assertEquals(List.of("written-in-container", "written-in-container-path"),
        findings.stream().map(f -> f.data().get("evidence")).toList());
    assertEquals(990L, counters(engine).get("headerPrefixInodeEvictions"));
  }

  @Test
  void oneContainersFloodOfElfFilesDoesNotEvictAnotherContainersElfFile() {
    Engine engine = floodBetween(List.of(write(VICTIM, "/usr/local/bin/agent", ELF, PAYLOAD_INODE)),
        ELF, List.of(hostExec("/usr/local/bin/agent", PAYLOAD_INODE),
            hostExec("/tmp/flood/f0", 1_000_000)));

    assertEquals(1, findings.size(), "the victim's file fires; the attacker's oldest is gone");
    assertEquals(VICTIM, findings.get(0).data().get("containerId"));
    assertEquals(901L, counters(engine).get("elfInodeEvictions"),
        "the attacker holds 99 of the 100 and evicts its own");
  }

  @Test
  void aContainerBelowItsShareTakesRoomFromTheContainerHoldingTheMost() {
    Engine engine = engine(100, 100, 10);
    flood(engine, ATTACKER, ELF, 100);

    engine.accept(write(VICTIM, "/usr/local/bin/agent", ELF, PAYLOAD_INODE));
    flood(engine, ATTACKER, ELF, 1_000);
    engine.accept(hostExec("/usr/local/bin/agent", PAYLOAD_INODE));

    assertEquals(List.of(VICTIM), findings.stream().map(f -> f.data().get("containerId")).toList());
    assertEquals(100L, counters(engine).get("elfInodes"));
  }

  @Test
  void saysOnceForEachKindThatItsBudgetIsEvicting() {
    Engine engine = engine(100, 100, 10);

    flood(engine, ATTACKER, SCRIPT, 1_000);
    flood(engine, VICTIM, SCRIPT, 1_000);
    flood(engine, ATTACKER, ELF, 50);

    assertEquals(1, notices.size(), "scripts only, once: " + notices);
    SignatureNotice notice = notices.get(0);
    assertEquals("SGL-1001", notice.signatureId());
    assertTrue(notice.message().contains("100 #! scripts is full"), notice.message());
    assertTrue(notice.message().contains("--written-file-capacity script=N"), notice.message());
  }

  @Test
  void saysNothingWhileEveryBudgetHasRoom() {
    Engine engine = engine(100, 100, 10);

    flood(engine, ATTACKER, SCRIPT, 50);
    flood(engine, ATTACKER, ELF, 50);

    assertEquals(List.of(), notices);
    assertEquals(0L, counters(engine).get("inodeEvictions"));
  }

  @Test
  void aFileRewrittenAsAnotherKindMovesToThatKindsBudget() {
    Engine engine = floodBetween(List.of(write(ATTACKER, "/tmp/payload", SCRIPT, PAYLOAD_INODE),
            write(ATTACKER, "/tmp/payload", ELF, PAYLOAD_INODE)),
        SCRIPT, List.of(hostExec("/tmp/payload", PAYLOAD_INODE)));

    assertEquals(1, findings.size());
    assertEquals(1L, counters(engine).get("elfInodes"));
    assertEquals(100L, counters(engine).get("scriptInodes"));
  }
}
