package dev.sigil.signatures.tracee;


import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class RcdModificationTest extends PersistenceListContractTest {
  RcdModificationTest() {
    super(new RcdModification(), "/etc/rc.local", "/etc/rc1.d/job", "/etc/something",
        "/bin/update-rc.d");
  }

  @Override
  EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.HOST).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname));
  }

  static Stream<Arguments> changedPaths() {
    return Stream.of(
        fire("a listed file", "/etc/rc.local", "/etc/init.d/rc.local"),
        ignore("a near miss of a listed file, which match exactly", "/etc/rc.local.bak",
            "/etc/rc.localx", "/etc/rc.local/", "/etc/rc.loca", "/etc//rc.local", "etc/rc.local",
            "/ETC/RC.LOCAL"),
        fire("anything in a listed directory", "/etc/rc1.d/S01x", "/etc/rc2.d/S01x",
            "/etc/rc3.d/S01x", "/etc/rc4.d/S01x", "/etc/rc5.d/S01x", "/etc/rc6.d/K01x",
            "/etc/rcs.d/S01x", "/etc/init.d/backdoor", "/etc/rc.d/rc.local",
            "/etc/rc.d/init.d/backdoor", "/etc/rc.d/rc3.d/S99x", "/etc/rc.d/rc.local.d/x"),
        fire("a listed directory itself", "/etc/rc1.d", "/etc/rcs.d", "/etc/init.d", "/etc/rc.d",
            "/etc/rc.d/init.d", "/etc/rc3.d/"),
        fire("inside a directory, on a path boundary", "/etc/rc.d/x", "/etc/init.d/x",
            "/etc/rc1.d/x", "/etc/rc.d/init.d/x"),
        ignore("a sibling that Tracee's raw prefix would match", "/etc/rc.d.old/x", "/etc/rc.dx",
            "/etc/init.d.bak/x", "/etc/init.d-old", "/etc/rc1.d.dpkg-old/S01x", "/etc/rcs.dd",
            "/etc/rc6.d~", "/etc/init.d.rc.local"),
        ignore("outside the lists, without normalising", "/etc//rc.d/x", "/etc/./init.d/x",
            "/host/etc/init.d/x", "etc/rc.d/x", "/etc/rc7.d/x", "/etc/systemd/system/x.service",
            "")
    ).flatMap(rows -> rows);
  }

  static Stream<Arguments> execs() {
    return Stream.of(
        fire("update-rc.d anywhere", "/usr/sbin/update-rc.d", "update-rc.d",
            "/usr/sbin/update-rc.d/", "./update-rc.d"),
        ignore("another program", "/usr/sbin/update-rc.d.old", "/usr/sbin/invoke-rc.d",
            "/usr/sbin/update-rc", "/usr/sbin/update-rc.d/x", "/usr/sbin/Update-rc.d", "")
    ).flatMap(rows -> rows);
  }

  @Test
  void countsExecPathnameOfWrongKindAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").arg("pathname", 3L).build());
    assertNoFindingButOneDataProblem();
  }
}
