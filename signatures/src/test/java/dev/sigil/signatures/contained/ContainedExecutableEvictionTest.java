package dev.sigil.signatures.contained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.SignatureNotice;
import dev.sigil.core.SignatureStats;
import dev.sigil.core.testing.EventBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Floods each bounded structure with ten times its capacity of distinct keys. */
class ContainedExecutableEvictionTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

  private final ContainedExecutable signature = new ContainedExecutable(new Settings(List.of(),
      List.of(), true, Duration.ofDays(30), Duration.ZERO, Duration.ZERO, 100, 100, 100, 50, 20));
  private final List<Finding> findings = new ArrayList<>();
  private final List<SignatureNotice> notices = new ArrayList<>();
  private final Engine engine = Engine.builder().add(signature).onFinding(findings::add)
      .onNotice(notices::add).build();

  private Map<String, Long> counters() {
    SignatureStats stats = engine.stats().signatures().get("SGL-1001");
    return stats.counters();
  }

  private static EventBuilder hostExec(String path, long inode) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostName("node-1").timestamp(T0)
        .arg("pathname", path).arg("dev", 1L).arg("inode", inode).arg("prev_comm", "bash");
  }

  @Test
  void keepsTheInodeIndexAtItsCapacityEvictingTheLeastRecentlyUsed() {
    for (long inode = 0; inode < 1_000; inode++) {
      engine.accept(EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("node-1")
          .timestamp(T0).arg("pathname", "/bin/f" + inode).arg("bytes", ELF)
          .arg("dev", 1L).arg("inode", inode).build());
    }

    assertEquals(100, signature.sizes()[0]);
    assertEquals(100L, counters().get("inodes"));
    assertEquals(900L, counters().get("inodeEvictions"));
    assertEquals(100, signature.sizes()[3], "the paths written are bounded alike");
    assertEquals(900L, counters().get("pathEvictions"));
    engine.accept(hostExec("/srv/old", 899).build());
    engine.accept(hostExec("/srv/new", 900).build());
    assertEquals(List.of("/srv/new"), findings.stream().map(f -> f.data().get("path")).toList());
  }

  @Test
  void keepsTheLearnedProfileAtItsCapacity() {
    for (int i = 0; i < 500; i++) {
      engine.accept(hostExec("/proc/4242/root/bin/f" + i, 5_000_000 + i).build());
    }

    assertEquals(50, signature.sizes()[1]);
    assertEquals(50L, counters().get("profileKeys"));
    assertEquals(450L, counters().get("profileEvictions"));
    engine.accept(hostExec("/proc/4242/root/bin/f0", 1).build());
    engine.accept(hostExec("/proc/4242/root/bin/f499", 1).build());
    assertEquals(501, findings.size(), "f0 was evicted and fires again; f499 is still learned");
    assertEquals(1, notices.size(), "said once: " + notices);
    assertTrue(notices.get(0).message().contains("learned profile of 50 keys is full"),
        notices.get(0).message());
  }

  @Test
  void keepsThePerHostTimesAtTheirCapacity() {
    for (int i = 0; i < 200; i++) {
      engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostName("node-" + i)
          .timestamp(T0).arg("pathname", "/usr/bin/true").build());
    }

    assertArrayEquals(new int[] {0, 0, 20, 0}, signature.sizes());
    assertEquals(20L, counters().get("hosts"));
    assertEquals(180L, counters().get("hostEvictions"));
    assertEquals(1, notices.size(), "said once: " + notices);
    assertTrue(notices.get(0).message().contains("table of 20 hosts is full"),
        notices.get(0).message());
  }
}
