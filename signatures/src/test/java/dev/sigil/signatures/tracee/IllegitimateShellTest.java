package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IllegitimateShellTest extends SignatureTest {
  IllegitimateShellTest() {
    super(new IllegitimateShell());
  }

  private static EventBuilder check(String processName, Object pathname) {
    return EventBuilder.event("security_bprm_check").processName(processName)
        .arg("pathname", pathname).arg("dev", 2049L).arg("inode", 12L)
        .arg("argv", List.of("sh", "-c", "id"));
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesWhenApache2RunsDash() {
      harness.feed(check("apache2", "/bin/dash").build());

      Finding finding = harness.only();
      assertEquals(IllegitimateShell.METADATA, finding.metadata());
      assertEquals(Map.of(), finding.data());
    }

    @Test
    @DisplayName("should not trigger detection - wrong path")
    void ignoresApache2RunningLs() {
      harness.feed(check("apache2", "/bin/ls").build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }

    @Test
    @DisplayName("should not trigger detection - wrong process name")
    void ignoresBashRunningDash() {
      harness.feed(check("bash", "/bin/dash").build());

      assertTrue(harness.findings().isEmpty());
      assertEquals(0, harness.stats().dataProblems());
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"nginx", "httpd", "httpd-foregroun", "http-nio", "lighttpd", "apache",
      "apache2"})
  void firesForEveryWebServerName(String processName) {
    harness.feed(check(processName, "/bin/sh").build());

    assertEquals(1, harness.findings().size());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"/bin/ash", "/bin/bash", "/bin/csh", "/bin/ksh", "/bin/sh", "/bin/tcsh",
      "/bin/zsh", "/bin/dash", "/usr/local/bin/bash", "/sh", "relative/sh", "/tmp/x/sh",
      "/usr/bin/dash"})
  void firesForEveryShellSuffix(String pathname) {
    harness.feed(check("nginx", pathname).build());

    assertEquals(1, harness.findings().size());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"/bin/bash5", "/bin/sh.distrib", "/bin/fish", "sh", "bash", "/bin/busybox",
      "/usr/bin/python3", "/bin/SH", "/bin/sh/", "/bin/sh ", "", "/bin/rbash", "/bin/mksh",
      "/bin/mksh-static"})
  void ignoresPathsWithoutAShellSuffix(String pathname) {
    harness.feed(check("nginx", pathname).build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Nginx", "nginx:", "nginx-worker", "apache3", "httpd-foreground", "http",
      "php-fpm", "node", "java", ""})
  void ignoresProcessNamesThatAreNotExactlyAWebServer(String processName) {
    harness.feed(check(processName, "/bin/sh").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void firesFromEveryOrigin(Origin origin) {
    harness.feed(check("nginx", "/bin/sh").origin(origin).build());

    assertEquals(1, harness.findings().size());
  }

  @Test
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate() {
    harness.feed(check("nginx", "/bin/sh").build(), check("nginx", "/bin/sh").build());

    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @Test
  void ignoresAMissingPathnameOfAProcessThatIsNotAWebServer() {
    harness.feed(EventBuilder.event("security_bprm_check").processName("bash").build());

    assertTrue(harness.findings().isEmpty());
    assertEquals(0, harness.stats().dataProblems(), "Tracee reads the pathname only for web servers");
  }

  @Test
  void countsAWebServersMissingPathnameAsDataProblem() {
    harness.feed(EventBuilder.event("security_bprm_check").processName("nginx").build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsAWebServersNullPathnameAsDataProblem() {
    harness.feed(check("nginx", null).build());
    assertNoFindingButOneDataProblem();
  }

  @Test
  void countsAWebServersPathnameOfWrongKindAsDataProblem() {
    harness.feed(check("nginx", 42L).build());
    assertNoFindingButOneDataProblem();
  }

}
