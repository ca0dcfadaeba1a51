package dev.sigil.core.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Engine;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloaderInContainerTest {
  @Test
  void reportsCurlStartedInAContainerButNotOnTheHost() {
    List<Finding> findings = new ArrayList<>();
    Engine engine = Engine.builder().add(new DownloaderInContainer()).onFinding(findings::add).build();

    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("pathname", "/usr/bin/curl").build());
    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.HOST)
        .arg("pathname", "/usr/bin/curl").build());
    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
        .arg("pathname", "/usr/bin/curly").build());
    engine.accept(EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).build());
    engine.close();

    assertEquals(1, findings.size());
    assertEquals("/usr/bin/curl", findings.get(0).data().get("path"));
    assertEquals(1, engine.stats().dataProblems());
  }
}
