package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.DAY;
import static dev.sigil.signatures.Scenario.T0;
import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainedExecutableLearningTest {
  private static final String KNOWN = "/var/lib/docker/overlay2/3f2a9c/merged/usr/bin/healthcheck";
  private static final String NEW = "/var/lib/docker/overlay2/3f2a9c/merged/tmp/payload";
  private final Scenario scenario = new Scenario(ContainedExecutableOptions.defaults()
      .withLearning(true).withPeriods(Duration.ofDays(30), Duration.ofDays(14))
      .withDedupPeriod(Duration.ZERO));

  private static Event firstEventOf(String host, long time) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).hostName(host).timestamp(time)
        .arg("pathname", "/usr/bin/true").build();
  }

  @Test
  void staysSilentBeforeTheActivationPeriod() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(NEW).at(T0 + 14 * DAY - 1).build());
    assertTrue(scenario.findings().isEmpty());
    assertEquals(1, scenario.stats().counters().get("silencedByActivation"));
  }

  @Test
  void staysSilentAfterActivationForWhatWasLearned() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(KNOWN).at(T0 + DAY).build(),
        hostExec(KNOWN).at(T0 + 20 * DAY).build(), hostExec(KNOWN).at(T0 + 90 * DAY).build());
    assertTrue(scenario.findings().isEmpty());
    assertEquals(2, scenario.stats().counters().get("silencedByLearning"));
  }

  @Test
  void reportsWhatWasNotLearnedAfterActivation() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(KNOWN).at(T0 + DAY).build(),
        hostExec(NEW).at(T0 + 40 * DAY).build());
    assertEquals(NEW, scenario.only().data().get("path"));
  }

  @Test
  void learnsKeysFirstSeenBetweenActivationAndTheEndOfTraining() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(NEW).at(T0 + 20 * DAY).build(),
        hostExec(NEW).at(T0 + 21 * DAY).build());
    assertEquals(1, scenario.findings().size());
  }

  @Test
  void keysTheProfileByExecutingProcessAndInContainerPath() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(KNOWN).by("bash").at(T0 + DAY).build(),
        hostExec(KNOWN).by("cron").at(T0 + 40 * DAY).build(),
        hostExec("/var/lib/docker/overlay2/ffff/diff/usr/bin/healthcheck").by("bash").at(T0 + 40 * DAY).build());
    assertEquals(List.of("cron"),
        scenario.findings().stream().map(f -> f.data().get("executingProcess")).toList(),
        "the same in-container path from another layer is the learned key");
  }

  @Test
  void measuresActivationPerHostFromItsFirstEvent() {
    scenario.feed(firstEventOf("node-1", T0), firstEventOf("node-2", T0 + 20 * DAY),
        hostExec(NEW).on("node-1").at(T0 + 21 * DAY).build(),
        hostExec(NEW).on("node-2").at(T0 + 21 * DAY).build());
    assertEquals(List.of("node-1"),
        scenario.findings().stream().map(f -> f.event().hostName().toString()).toList());
  }

  @Test
  void aContainerEventDoesNotStartAHostsLearning() {
    scenario.feed(Scenario.containerWrite("/app/x", Scenario.ELF, 1, 1),
        hostExec(NEW).at(T0 + 15 * DAY).build());
    assertTrue(scenario.findings().isEmpty(), "the host's first host exec starts its activation period");
    assertEquals(1, scenario.stats().counters().get("silencedByActivation"));
  }

  @Test
  void podNamesFromContainersCannotEvictTheNodesEntryAndRestartActivation() {
    Scenario small = new Scenario(ContainedExecutableOptions.defaults().withLearning(true)
        .withPeriods(Duration.ofDays(30), Duration.ofDays(14)).withLearningCapacities(100, 2));
    small.feed(firstEventOf("node-1", T0));
    for (int i = 0; i < 10_001; i++) {
      small.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("pod-" + i)
          .timestamp(T0 + DAY).arg("pathname", "/tmp/x").arg("bytes", new byte[] {'x'}).build());
    }
    small.feed(hostExec(NEW).at(T0 + 20 * DAY).build());

    assertEquals(1, small.findings().size());
    assertEquals(1L, small.stats().counters().get("hosts"));
  }

  @Test
  void neverSilencesTheKernelThreadVariant() {
    scenario.feed(firstEventOf("node-1", T0), hostExec(KNOWN).at(T0 + DAY).build(),
        hostExec(KNOWN).parent(2).at(T0 + DAY).build(),
        hostExec(KNOWN).fromKernel(true).at(T0 + 20 * DAY).build());
    assertEquals(List.of("SGL-1002", "SGL-1002"), scenario.ids());
  }

  @Test
  void alertsFromTheFirstEventWhenLearningIsOff() {
    Scenario off = new Scenario(ContainedExecutableOptions.defaults());
    off.feed(firstEventOf("node-1", T0), hostExec(NEW).at(T0 + 1).build());
    assertEquals(1, off.findings().size());
  }
}
