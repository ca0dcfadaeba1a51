package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.DAY;
import static dev.sigil.signatures.Scenario.T0;
import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sigil.core.Finding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainedExecutableDedupTest {
  private static final String PAYLOAD = "/var/lib/docker/overlay2/3f2a9c/diff/tmp/payload";
  private final Scenario scenario = new Scenario();

  @Test
  void suppressesARepeatInsideTheDayAndCountsIt() {
    scenario.feed(hostExec(PAYLOAD).at(T0).build(), hostExec(PAYLOAD).at(T0 + DAY - 1).build());

    assertEquals(1, scenario.findings().size());
    assertEquals(1, scenario.stats().suppressed());
    assertEquals(1, scenario.engine.stats().suppressed());
  }

  @Test
  void reportsAgainAfterTheDayWithTheSuppressedCount() {
    scenario.feed(hostExec(PAYLOAD).at(T0).build(),
        hostExec(PAYLOAD).at(T0 + 3_600_000_000_000L).build(),
        hostExec(PAYLOAD).at(T0 + DAY + 1).build());

    assertEquals(2, scenario.findings().size());
    Finding second = scenario.findings().get(1);
    assertEquals(1L, second.data().get("suppressedCount"));
    assertEquals(T0 + 3_600_000_000_000L, second.data().get("lastSuppressedAt"));
    assertFalse(scenario.findings().get(0).data().containsKey("suppressedCount"));
  }

  @Test
  void keysByHostSoOtherHostsStillReport() {
    scenario.feed(hostExec(PAYLOAD).on("node-1").build(), hostExec(PAYLOAD).on("node-2").build());
    assertEquals(2, scenario.findings().size());
  }

  @Test
  void keysByExecutingProcess() {
    scenario.feed(hostExec(PAYLOAD).by("bash").build(), hostExec(PAYLOAD).by("cron").build());
    assertEquals(2, scenario.findings().size());
  }

  @Test
  void keysByNormalisedPathSoPathTricksDoNotEvadeIt() {
    scenario.feed(hostExec(PAYLOAD).build(),
        hostExec("/var/lib/docker//overlay2/3f2a9c/./diff/tmp/payload").build());
    assertEquals(1, scenario.findings().size());
  }

  @Test
  void keysBySignatureIdSoAKernelHelperStillReports() {
    scenario.feed(hostExec(PAYLOAD).build(), hostExec(PAYLOAD).parent(2).build(),
        hostExec(PAYLOAD).parent(2).build());
    assertEquals(List.of("SGL-1001", "SGL-1002"), scenario.ids());
  }

  @Test
  void followsTheOptionsPeriod() {
    Scenario hourly = new Scenario(ContainedExecutableOptions.defaults().withDedupPeriod(Duration.ofHours(1)));
    hourly.feed(hostExec(PAYLOAD).at(T0).build(), hostExec(PAYLOAD).at(T0 + 2 * 3_600_000_000_000L).build());
    assertEquals(2, hourly.findings().size());
  }

  @Test
  void turnsOffWithAZeroEngineWindow() {
    Scenario off = new Scenario(ContainedExecutableOptions.defaults(), b -> b.dedupWindow(Duration.ZERO));
    off.feed(hostExec(PAYLOAD).build(), hostExec(PAYLOAD).build());
    assertEquals(2, off.findings().size());
  }
}
