package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.OpenFlagsForm.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class ScheduledTaskModificationTest extends PersistenceListContractTest {
  ScheduledTaskModificationTest() {
    super(new ScheduledTaskModification(), "/etc/crontab", "/etc/cron.d/job",
        "/var/lib/some_file", "/bin/crontab");
  }

  @Override
  EventBuilder exec(String pathname) {
    return EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER).processName("sh")
        .arg("cmdpath", pathname).arg("pathname", pathname).arg("argv", List.of(pathname, "-e"));
  }

  static Stream<Arguments> changedPaths() {
    return Stream.of(
        fire("a listed file", "/etc/crontab", "/etc/anacrontab", "/etc/cron.deny",
            "/etc/cron.allow"),
        ignore("a near miss of a listed file, which match exactly", "/etc/crontab.bak",
            "/etc/crontab/", "/etc/crontabs", "/etc/anacrontab~", "/etc/cron.allow.rpmsave",
            "/etc//crontab", "etc/crontab", "/ETC/CRONTAB", "/etc/cron"),
        fire("anything in a listed directory", "/etc/cron.hourly/x", "/etc/cron.daily/logrotate",
            "/etc/cron.weekly/x", "/etc/cron.monthly/x", "/etc/cron.d/job",
            "/var/spool/cron/crontabs/root", "/etc/cron.d/sub/dir/job"),
        fire("a listed directory itself", "/etc/cron.hourly", "/etc/cron.d",
            "/var/spool/cron/crontabs", "/etc/cron.daily/"),
        fire("inside a directory, on a path boundary", "/etc/cron.d/x", "/etc/cron.daily/x",
            "/var/spool/cron/crontabs/x"),
        ignore("a sibling that Tracee's raw prefix would match", "/etc/cron.d.old/x",
            "/etc/cron.dpkg-dist", "/etc/cron.deny.bak", "/etc/cron.daily.disabled/x",
            "/etc/cron.hourlyx", "/var/spool/cron/crontabs.bak/root", "/var/spool/cron/crontabsx"),
        // Sigil difference: Tracee lists the anacron spool without its slash.
        fire("the anacron spool", "/var/spool/anacron/cron.daily", "/var/spool/anacron",
            "/var/spool/anacron/"),
        ignore("a sibling of the anacron spool", "/var/spool/anacron.old/cron.daily",
            "/var/spool/anacronx", "/var/spool/anacro", "/host/var/spool/anacron/cron.daily"),
        ignore("outside the lists, without normalising", "/etc//cron.d/x", "/etc/./cron.d/x",
            "/host/etc/cron.d/x", "etc/cron.d/x", "/var/spool/cron/root",
            "/etc/systemd/system/x.timer", "")
    ).flatMap(rows -> rows);
  }

  static Stream<Arguments> execs() {
    return Stream.of(
        fire("a scheduling command", "/usr/bin/crontab", "/usr/bin/at", "/usr/bin/batch",
            "/sbin/launchd", "crontab", "/usr/bin/at/", "./batch"),
        ignore("another program", "/usr/bin/atq", "/usr/bin/atrm", "/usr/sbin/cron",
            "/usr/sbin/anacron", "/usr/bin/crontab.old", "/usr/bin/crontab/x", "/usr/bin/Crontab",
            "/bin/cat", "")
    ).flatMap(rows -> rows);
  }

  /** Sigil difference: /var/spool/anacron is watched (Tracee lists it without its slash). */
  @Nested
  class AnacronSpoolDifference {
    @EachOpenFlagsForm
    void ignoresReadOnlyOpenOfAnacronSpool(OpenFlagsForm form) {
      harness.feed(form.open("/var/spool/anacron/cron.daily", O_RDONLY).build());
      assertNoFinding();
    }

    @Test
    void stillFiresOnTraceesRelativeEntryOnAPathBoundary() {
      harness.feed(OpenFlagsForm.writesAndRenameOnto("var/spool/anacron/cron.daily"));
      assertEquals(3, harness.findings().size());
      harness.clearFindings();
      harness.feed(OpenFlagsForm.writesAndRenameOnto("var/spool/anacron.old/cron.daily"));
      assertNoFinding();
    }
  }

  @Test
  void countsUndecodableExecPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("sched_process_exec").invalidArg("pathname", "const char*").build());
    assertNoFindingButOneDataProblem();
  }
}
