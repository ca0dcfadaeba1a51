package dev.sigil.signatures;

import static dev.sigil.signatures.Scenario.DAY;
import static dev.sigil.signatures.Scenario.ELF;
import static dev.sigil.signatures.Scenario.T0;
import static dev.sigil.signatures.Scenario.containerWrite;
import static dev.sigil.signatures.Scenario.hostExec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainedExecutableStateTest {
  private static final String KNOWN = "/var/lib/docker/overlay2/3f2a9c/merged/usr/bin/healthcheck";
  private static final String PAYLOAD = "/var/lib/docker/overlay2/3f2a9c/diff/tmp/payload";
  private static final ContainedExecutableOptions LEARNING = ContainedExecutableOptions.defaults()
      .withLearning(true).withPeriods(Duration.ofDays(30), Duration.ofDays(14));

  private static String saved(Scenario scenario) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    scenario.engine.saveState(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void restore(Scenario scenario, String document) throws IOException {
    scenario.engine.restoreState(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
  }

  /** Day 1 on node-1: learning starts, a key is learned, a file is written in a container. */
  private static Scenario firstRun() {
    Scenario first = new Scenario(LEARNING);
    first.feed(hostExec("/usr/bin/true").at(T0).build(),
        hostExec(KNOWN).at(T0 + DAY).build(),
        containerWrite("/usr/local/bin/kworker", ELF, 2049, 777));
    return first;
  }

  @Test
  void keepsTheLearningClockAcrossARestart() throws IOException {
    Scenario restarted = new Scenario(LEARNING);
    restore(restarted, saved(firstRun()));

    restarted.feed(hostExec(PAYLOAD).at(T0 + 10 * DAY).build());

    assertTrue(restarted.findings().isEmpty(), "activation is counted from the first run's first event");
    assertEquals(1, restarted.stats().counters().get("silencedByActivation"));
  }

  @Test
  void keepsTheLearnedProfileAcrossARestart() throws IOException {
    Scenario restarted = new Scenario(LEARNING);
    restore(restarted, saved(firstRun()));

    restarted.feed(hostExec(KNOWN).at(T0 + 40 * DAY).build(), hostExec(PAYLOAD).at(T0 + 40 * DAY).build());

    assertEquals(List.of(PAYLOAD), restarted.findings().stream().map(f -> f.data().get("path")).toList());
  }

  @Test
  void keepsTheInodeIndexAcrossARestart() throws IOException {
    Scenario restarted = new Scenario();
    restore(restarted, saved(firstRun()));

    restarted.feed(hostExec("/tmp/kworker").inode(2049, 777).build());

    assertEquals("written-in-container", restarted.only().data().get("evidence"));
    assertEquals(Scenario.CONTAINER_ID, restarted.only().data().get("containerId"));
    assertEquals(1, restarted.stats().counters().get("inodes"));
  }

  @Test
  void keepsDeduplicationAcrossARestart() throws IOException {
    Scenario first = new Scenario();
    first.feed(hostExec(PAYLOAD).at(T0).build());
    Scenario restarted = new Scenario();
    restore(restarted, saved(first));

    restarted.feed(hostExec(PAYLOAD).at(T0 + 1).build());

    assertTrue(restarted.findings().isEmpty());
    assertEquals(1, restarted.stats().suppressed());
  }

  @Test
  void savesAVersionedTreeThatRoundTripsUnchanged() throws IOException {
    String document = saved(firstRun());
    Scenario restarted = new Scenario(LEARNING);
    restore(restarted, document);

    assertEquals(document, saved(restarted));
    assertTrue(document.contains("\"sigil-contained-executable\""), document);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"not a tree\"",
      "{\"format\":\"something-else\",\"version\":1,\"hosts\":[],\"profile\":[],\"inodes\":[]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":3,\"hosts\":[],\"profile\":[],\"inodes\":[]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":2,\"hosts\":[],\"profile\":[],\"inodes\":[{\"dev\":1,\"inode\":2,\"kind\":\"elves\"}]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":2,\"hosts\":[],\"profile\":[],\"inodes\":[],\"paths\":[{\"pathHash\":[1,2],\"kind\":7}]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"profile\":[],\"inodes\":[]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[{\"host\":\"n\",\"firstSeen\":\"x\"}],\"profile\":[],\"inodes\":[]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[[\"a\",\"b\"]],\"inodes\":[]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],\"inodes\":[{\"dev\":1,\"inode\":2.5,\"written\":true,\"executed\":false}]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],\"inodes\":[{\"dev\":1,\"inode\":2,\"written\":\"yes\",\"executed\":false}]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],\"inodes\":[],\"paths\":[{\"pathHash\":[1]}]}",
      "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],\"inodes\":[],\"paths\":[{\"pathHash\":[1,2],\"containerId\":7}]}",
  })
  void rejectsACorruptTreeAndKeepsItsState(String signatureState) throws IOException {
    Scenario first = new Scenario();
    first.feed(containerWrite("/usr/local/bin/kworker", ELF, 2049, 777));
    Scenario scenario = new Scenario();
    // State comes before events (a restore after an event is refused): restore the first run's.
    restore(scenario, saved(first));
    String document = "{\"format\":\"sigil-engine-state\",\"version\":1,\"dedup\":null,"
        + "\"signatures\":{\"SGL-1001\":" + signatureState + "}}";

    IOException e = assertThrows(IOException.class, () -> restore(scenario, document));

    assertTrue(e.getMessage().contains("contained-executable state"), e.getMessage());
    scenario.feed(hostExec("/tmp/kworker").inode(2049, 777).build());
    assertEquals(1, scenario.findings().size(), "the index survived the failed restore");
  }

  @Test
  void namesTheCorruptField() {
    Scenario scenario = new Scenario();
    String document = "{\"format\":\"sigil-engine-state\",\"version\":1,\"signatures\":{\"SGL-1001\":"
        + "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],"
        + "\"inodes\":[{\"dev\":1,\"inode\":2,\"written\":true,\"executed\":false},{\"dev\":1,\"written\":true,\"executed\":false}]}}}";

    IOException e = assertThrows(IOException.class, () -> restore(scenario, document));

    assertTrue(e.getMessage().contains("inodes[1].inode"), e.getMessage());
  }

  @Test
  void keepsThePathsWrittenInContainersAcrossARestart() throws IOException {
    Scenario first = new Scenario();
    first.feed(containerWrite("/var/run/agent/hook.sh", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 9, 10));
    Scenario restarted = new Scenario();
    restore(restarted, saved(first));

    restarted.feed(hostExec("/bin/sh").argv("sh", "/var/run/agent/hook.sh").build());

    assertEquals("written-in-container-path", restarted.only().data().get("evidence"));
    assertEquals(Scenario.CONTAINER_ID, restarted.only().data().get("containerId"));
    assertEquals(2, restarted.stats().counters().get("paths"), "the path, and it below /var");
  }

  @Test
  void savesEachWrittenFilesKind() throws IOException {
    Scenario first = new Scenario();
    first.feed(containerWrite("/usr/local/bin/kworker", ELF, 2049, 777),
        containerWrite("/var/run/agent/hook.sh", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 9, 10),
        containerWrite("/tmp/half", new byte[] {0x7f, 'E'}, 9, 11));

    String document = saved(first).replaceAll("\\s", "");

    assertTrue(document.contains("\"inode\":777,\"containerId\":\"" + Scenario.CONTAINER_ID
        + "\",\"kind\":\"elf\""), document);
    assertTrue(document.contains("\"inode\":10,\"containerId\":\"" + Scenario.CONTAINER_ID
        + "\",\"kind\":\"script\""), document);
    assertTrue(document.contains("\"inode\":11,\"containerId\":\"" + Scenario.CONTAINER_ID
        + "\",\"kind\":\"header-prefix\""), document);
    assertTrue(document.contains("\"version\":2"), document);
  }

  @Test
  void restoredElfFilesKeepTheirBudgetAgainstAFloodOfScripts() throws IOException {
    ContainedExecutableOptions small = ContainedExecutableOptions.defaults()
        .withWrittenFileCapacities(10, 10, 10);
    Scenario first = new Scenario(small);
    first.feed(containerWrite("/usr/local/bin/kworker", ELF, 2049, 777));
    Scenario restarted = new Scenario(small);
    restore(restarted, saved(first));

    for (int i = 0; i < 100; i++) {
      restarted.feed(containerWrite("/tmp/s" + i, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 9, 1000 + i));
    }
    restarted.feed(hostExec("/tmp/kworker").inode(2049, 777).build());

    assertEquals("written-in-container", restarted.only().data().get("evidence"));
    assertEquals(90L, restarted.stats().counters().get("scriptInodeEvictions"));
  }

  @Test
  void loadsAVersionOneStateItsFilesCountingAsElfFiles() throws IOException {
    Scenario scenario = new Scenario(ContainedExecutableOptions.defaults()
        .withWrittenFileCapacities(10, 10, 10));
    restore(scenario, "{\"format\":\"sigil-engine-state\",\"version\":1,\"signatures\":{\"SGL-1001\":"
        + "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],"
        + "\"inodes\":[{\"dev\":9,\"inode\":11,\"containerId\":\"" + Scenario.CONTAINER_ID + "\"}],"
        + "\"paths\":[]}}}");

    for (int i = 0; i < 100; i++) {
      scenario.feed(containerWrite("/tmp/s" + i, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 9, 1000 + i));
    }
    scenario.feed(hostExec("/srv/x").inode(9, 11).build());

    assertEquals(List.of("/srv/x"), scenario.findings().stream().map(f -> f.data().get("path")).toList());
    assertEquals(1L, scenario.stats().counters().get("elfInodes"));
  }

  @Test
  void aRestoreUnderSmallerBudgetsKeepsTheNewestFilesAndCountsTheRest() throws IOException {
    Scenario first = new Scenario();
    for (int i = 0; i < 20; i++) {
      first.feed(containerWrite("/tmp/f" + i, ELF, 9, 100 + i));
    }
    Scenario smaller = new Scenario(ContainedExecutableOptions.defaults()
        .withWrittenFileCapacities(5, 5, 5));
    restore(smaller, saved(first));

    smaller.feed(hostExec("/srv/old").inode(9, 114).build(), hostExec("/srv/new").inode(9, 115).build());

    assertEquals(List.of("/srv/new"), smaller.findings().stream().map(f -> f.data().get("path")).toList());
    assertEquals(15L, smaller.stats().counters().get("elfInodeEvictions"));
  }

  @Test
  void dropsTheExecutedOnlyInodesOfAnEarlierFormat() throws IOException {
    Scenario scenario = new Scenario();
    restore(scenario, "{\"format\":\"sigil-engine-state\",\"version\":1,\"signatures\":{\"SGL-1001\":"
        + "{\"format\":\"sigil-contained-executable\",\"version\":1,\"hosts\":[],\"profile\":[],"
        + "\"inodes\":[{\"dev\":9,\"inode\":10,\"written\":false,\"executed\":true},"
        + "{\"dev\":9,\"inode\":11,\"written\":true,\"executed\":false}]}}}");

    scenario.feed(hostExec("/usr/bin/nvidia-smi").inode(9, 10).build(), hostExec("/srv/x").inode(9, 11).build());

    assertEquals(List.of("/srv/x"), scenario.findings().stream().map(f -> f.data().get("path")).toList());
    assertEquals(1, scenario.stats().counters().get("inodes"));
  }
}
