package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.FreshHarness.assertOnlyFinding;
import static dev.sigil.signatures.tracee.FreshHarness.assertSilent;
import static dev.sigil.signatures.tracee.OpenFlagsForm.typedOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DockerAbuseTest {
  private static final String CONTAINER = "dockercontainer";
  private static final Map<String, String> DOCKER_SOCKET =
      Map.of("sa_family", "AF_UNIX", "sun_path", "/var/run/docker.sock");

  // Tracee prints open flags as a number, or as text under --output option:parse-arguments.
  private static final Map<String, Object> O_WRONLY = Map.of("number", 1L, "text", "O_WRONLY");

  private static Event open(Object flags, String pathname) {
    return typedOpen(flags, pathname).containerId(CONTAINER).origin(Origin.CONTAINER).build();
  }

  private static Event connect(Object remoteAddr) {
    return EventBuilder.event("security_socket_connect").containerId(CONTAINER)
        .origin(Origin.CONTAINER).arg("sockfd", "int32", 3L)
        .arg("remote_addr", "SockAddr", remoteAddr).build();
  }

  private static SignatureHarness run(Event... events) {
    return FreshHarness.run(new DockerAbuse(), events);
  }

  private static void assertFires(SignatureHarness harness) {
    Finding finding = assertOnlyFinding(DockerAbuse.METADATA, Map.of(), 0, harness);
    assertEquals(CONTAINER, finding.event().containerId().toString());
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @ParameterizedTest(name = "flags as {0}")
    @ValueSource(strings = {"number", "text"})
    @DisplayName("should trigger detection - security_file_open")
    void firesOnOpeningTheDockerSocketForWriting(String form) {
      assertFires(run(open(O_WRONLY.get(form), "/var/run/docker.sock")));
    }

    @Test
    @DisplayName("should trigger detection - security_socket_connect")
    void firesOnConnectingToTheDockerSocket() {
      assertFires(run(connect(DOCKER_SOCKET)));
    }

    @ParameterizedTest(name = "flags as {0}")
    @ValueSource(strings = {"number", "text"})
    @DisplayName("should not trigger detection - security_file_open wrong path")
    void ignoresWritingAnotherPath(String form) {
      assertSilent(0, run(open(O_WRONLY.get(form), "/var/docker.socket")));
    }

    @Test
    @DisplayName("should not trigger detection - security_file_open wrong open flags")
    void ignoresOpeningTheDockerSocketReadOnly() {
      assertSilent(0, run(open(0L, "/var/run/docker.sock"), open("O_RDONLY", "/var/run/docker.sock")));
    }

    @Test
    @DisplayName("should not trigger detection - security_socket_connect wrong addr")
    void ignoresInternetConnections() {
      assertSilent(0,
          run(connect(Map.of("sa_family", "AF_INET", "sin_port", "53", "sin_addr", "10.225.0.2"))));
    }
  }

  @Nested
  class OpenFlags {
    @Test
    void readWriteAndFlaggedWritesFire() {
      SignatureHarness harness = run(
          open(2L, "/var/run/docker.sock"),
          open("O_RDWR", "/var/run/docker.sock"),
          open(0101L, "/var/run/docker.sock"),
          open("O_WRONLY|O_CREAT", "/var/run/docker.sock"),
          open("O_RDONLY|O_CLOEXEC", "/var/run/docker.sock"));
      assertEquals(4, harness.findings().size());
      assertEquals(0, harness.stats().dataProblems());
    }

    @Test
    void missingOrUnreadableFlagsAreADataProblem() {
      Event noFlags = EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("pathname", "/var/run/docker.sock").build();
      assertSilent(2, run(noFlags, open("O_BOGUS", "/var/run/docker.sock")));
    }

    @Test
    void aMissingPathnameIsADataProblemEvenForAReadOnlyOpen() {
      Event noPath = EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", 0L).build();
      Event nullPath = EventBuilder.event("security_file_open").origin(Origin.CONTAINER)
          .arg("flags", 1L).arg("pathname", null).build();
      assertSilent(2, run(noPath, nullPath));
    }
  }

  @Nested
  class Paths {
    @Test
    void theSuffixIsComparedOnTheRawPath() {
      SignatureHarness harness = run(
          open(1L, "/tmp/notdocker.sock"),
          open(1L, "docker.sock"),
          connect(Map.of("sa_family", "AF_UNIX", "sun_path", "@docker.sock")),
          open(1L, "/var/run/docker.sock/"),
          open(1L, "/var/run/docker.sock.bak"),
          connect(Map.of("sa_family", "AF_UNIX", "sun_path", "/run/containerd/containerd.sock")));
      assertEquals(3, harness.findings().size());
    }

    @Test
    void aUnixAddressWithoutPathIsADataProblem() {
      assertSilent(1, run(connect(Map.of("sa_family", "AF_UNIX"))));
    }

    @Test
    void aMissingOrMalformedAddressIsADataProblem() {
      Event missing = EventBuilder.event("security_socket_connect").origin(Origin.CONTAINER)
          .arg("sockfd", 3L).build();
      assertSilent(3, run(missing, connect("/var/run/docker.sock"),
          connect(Map.of("sun_path", "/var/run/docker.sock"))));
    }
  }

  @Nested
  class Origins {
    @Test
    void onlyStartedContainersAreWatched() {
      Event hostOpen = EventBuilder.event("security_file_open").origin(Origin.HOST)
          .arg("flags", 1L).arg("pathname", "/var/run/docker.sock").build();
      Event initConnect = EventBuilder.event("security_socket_connect").origin(Origin.CONTAINER_INIT)
          .arg("sockfd", 3L).arg("remote_addr", DOCKER_SOCKET).build();
      SignatureHarness harness = run(hostOpen, initConnect);
      assertSilent(0, harness);
      assertEquals(0, harness.stats().events());
    }
  }
}
