package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.FreshHarness.assertOnlyFinding;
import static dev.sigil.signatures.tracee.FreshHarness.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class K8sApiConnectionTest {
  private static final String CONTAINER = "0907ef86d7be";
  private static final List<String> TRACEE_ENV = List.of("CURL_CA_BUNDLE=/cacert.pem",
      "HOSTNAME=3c5f9dbcb5da", "CURL_RELEASE_TAG=curl-7_76_1",
      "CURL_GIT_REPO=https://github.com/curl/curl.git", "SHLVL=2", "HOME=/home/curl_user",
      "TERM=xterm", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "PWD=/",
      "KUBERNETES_SERVICE_HOST=1.1.1.1", "CURL_VERSION=7_76_1");

  private static Event exec(String container, List<String> env) {
    return EventBuilder.event("sched_process_exec").containerId(container).origin(Origin.CONTAINER)
        .arg("argv", "[]string", List.of("/bin/ls")).arg("env", "[]string", env).build();
  }

  private static Event connect(String container, Object remoteAddr) {
    return EventBuilder.event("security_socket_connect").containerId(container)
        .origin(Origin.CONTAINER).arg("sockfd", "int32", 3L)
        .arg("remote_addr", "SockAddr", remoteAddr).build();
  }

  private static Event connectTo(String container, String ip) {
    return connect(container, Map.of("sa_family", "AF_INET", "sin_port", "443", "sin_addr", ip));
  }

  private static SignatureHarness run(K8sApiConnection signature, Event... events) {
    return FreshHarness.run(signature, events);
  }

  private static SignatureHarness run(Event... events) {
    return FreshHarness.run(new K8sApiConnection(), events);
  }

  private static void assertFires(String ip, SignatureHarness harness) {
    assertOnlyFinding(K8sApiConnection.METADATA, Map.of("ip", ip), 0, harness);
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection")
    void firesOnConnectingToTheAddressTheContainerWasGiven() {
      assertFires("1.1.1.1", run(exec(CONTAINER, TRACEE_ENV),
          connect(CONTAINER, Map.of("sa_family", "AF_INET", "sin_port", "80", "sin_addr", "1.1.1.1"))));
    }

    @Test
    @DisplayName("should not trigger detection")
    void ignoresConnectionsToOtherAddresses() {
      assertSilent(0, run(exec(CONTAINER, TRACEE_ENV), connect(CONTAINER,
          Map.of("sa_family", "AF_INET", "sin_port", "80", "sin_addr", "169.254.169.254"))));
    }
  }

  @Nested
  class Addresses {
    @Test
    void theAddressIsTrimmedOfGoWhiteSpaceIncludingNoBreakSpaces() {
      assertFires("10.96.0.1", run(
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST= \t10.96.0.1\u00a0\u3000\n")),
          connectTo(CONTAINER, "10.96.0.1")));
    }

    @Test
    void javaOnlyWhiteSpaceIsKept() {
      // U+001F is white space to Java's Character.isWhitespace, not to Go's unicode.IsSpace.
      assertFires("10.96.0.1\u001f", run(
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST=10.96.0.1\u001f")),
          connectTo(CONTAINER, "10.96.0.1\u001f")));
    }

    @Test
    void theMarkerMayBeAnywhereAndTheValueFollowsTheFirstEquals() {
      assertFires("10.0.0.2", run(
          exec(CONTAINER, List.of("MY_KUBERNETES_SERVICE_HOST=10.0.0.2")),
          connectTo(CONTAINER, "10.0.0.2")));
      assertFires("KUBERNETES_SERVICE_HOST=10.0.0.3", run(
          exec(CONTAINER, List.of("A=KUBERNETES_SERVICE_HOST=10.0.0.3")),
          connectTo(CONTAINER, "10.0.0.3"),
          connectTo(CONTAINER, "KUBERNETES_SERVICE_HOST=10.0.0.3")));
    }

    @Test
    void onlyTheFirstVariableWithTheMarkerCountsEvenWhenEmpty() {
      assertSilent(0, run(
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST=  ", "KUBERNETES_SERVICE_HOST=1.1.1.1")),
          connectTo(CONTAINER, "1.1.1.1")));
      assertFires("1.1.1.1", run(
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOSTX=9.9.9.9", "KUBERNETES_SERVICE_HOST=1.1.1.1")),
          connectTo(CONTAINER, "1.1.1.1")));
    }

    @Test
    void anExecWithoutTheVariableKeepsTheKnownAddressAndANewOneReplacesIt() {
      SignatureHarness harness = run(
          exec(CONTAINER, TRACEE_ENV),
          exec(CONTAINER, List.of("PATH=/bin")),
          connectTo(CONTAINER, "1.1.1.1"),
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST=10.96.0.1")),
          connectTo(CONTAINER, "1.1.1.1"),
          connectTo(CONTAINER, "10.96.0.1"));
      assertEquals(List.of(Map.of("ip", "1.1.1.1"), Map.of("ip", "10.96.0.1")),
          harness.findings().stream().map(Finding::data).toList());
    }

    @Test
    void ipv6AddressesAndAnyPortMatch() {
      assertFires("fd00::1", run(
          exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST=fd00::1")),
          connect(CONTAINER, Map.of("sa_family", "AF_INET6", "sin6_port", "6443",
              "sin6_addr", "fd00::1", "sin6_flowinfo", "0", "sin6_scopeid", "0"))));
    }

    @Test
    void theIpIsComparedExactly() {
      assertSilent(0, run(exec(CONTAINER, List.of("KUBERNETES_SERVICE_HOST=10.96.0.1")),
          connectTo(CONTAINER, "10.96.0.10"), connectTo(CONTAINER, "10.96.0."),
          connectTo(CONTAINER, "::ffff:10.96.0.1")));
    }

    @Test
    void unixSocketsAreIgnored() {
      assertSilent(0, run(exec(CONTAINER, TRACEE_ENV),
          connect(CONTAINER, Map.of("sa_family", "AF_UNIX", "sun_path", "1.1.1.1"))));
    }
  }

  @Nested
  class Containers {
    @Test
    void addressesArePerContainer() {
      assertSilent(0, run(exec(CONTAINER, TRACEE_ENV), connectTo("another", "1.1.1.1")));
    }

    @Test
    void aConnectBeforeAnyExecIsIgnoredWithoutLookingAtItsAddress() {
      assertSilent(0, run(connect(CONTAINER, "garbage"), connectTo(CONTAINER, "1.1.1.1")));
    }

    @Test
    void eventsWithoutContainerIdAreIgnored() {
      Event execWithoutId = EventBuilder.event("sched_process_exec").origin(Origin.CONTAINER)
          .containerId("").arg("env", List.of("KUBERNETES_SERVICE_HOST=1.1.1.1")).build();
      Event connectWithoutId = EventBuilder.event("security_socket_connect")
          .origin(Origin.CONTAINER).containerId("").arg("sockfd", 3L)
          .arg("remote_addr", Map.of("sa_family", "AF_INET", "sin_port", "1", "sin_addr", "1.1.1.1"))
          .build();
      K8sApiConnection signature = new K8sApiConnection();
      assertSilent(0, run(signature, execWithoutId, connectWithoutId));
      assertEquals(0, signature.containers());
    }

    @Test
    void onlyStartedContainersAreWatched() {
      Event hostExec = EventBuilder.event("sched_process_exec").origin(Origin.HOST)
          .arg("env", TRACEE_ENV).build();
      Event initExec = EventBuilder.event("sched_process_exec").containerId(CONTAINER)
          .origin(Origin.CONTAINER_INIT).arg("env", TRACEE_ENV).build();
      SignatureHarness harness = run(hostExec, initExec, connectTo(CONTAINER, "1.1.1.1"));
      assertSilent(0, harness);
      assertEquals(1, harness.stats().events());
    }
  }

  @Nested
  class DataProblems {
    @Test
    void withoutExecEnvInTraceesOutputNothingIsRememberedSilently() {
      Event noEnv = EventBuilder.event("sched_process_exec").containerId(CONTAINER)
          .origin(Origin.CONTAINER).arg("argv", List.of("/bin/ls")).build();
      Event nullEnv = EventBuilder.event("sched_process_exec").containerId(CONTAINER)
          .origin(Origin.CONTAINER).arg("env", null).build();
      assertSilent(0, run(noEnv, nullEnv, connectTo(CONTAINER, "1.1.1.1")));
    }

    @Test
    void anEnvironmentOfTheWrongTypeIsADataProblem() {
      Event text = EventBuilder.event("sched_process_exec").containerId(CONTAINER)
          .origin(Origin.CONTAINER).arg("env", "KUBERNETES_SERVICE_HOST=1.1.1.1").build();
      assertSilent(1, run(text, connectTo(CONTAINER, "1.1.1.1")));
    }

    @Test
    void aMalformedAddressFromAKnownContainerIsADataProblem() {
      Event missing = EventBuilder.event("security_socket_connect").containerId(CONTAINER)
          .origin(Origin.CONTAINER).arg("sockfd", 3L).build();
      assertSilent(5, run(exec(CONTAINER, TRACEE_ENV), missing,
          connect(CONTAINER, "1.1.1.1"),
          connect(CONTAINER, Map.of("sin_addr", "1.1.1.1")),
          connect(CONTAINER, Map.of("sa_family", "AF_INET", "sin_port", "443")),
          connect(CONTAINER, Map.of("sa_family", "AF_INET6", "sin_addr", "1.1.1.1"))));
    }
  }

  @Nested
  class BoundedMemory {
    @Test
    void theLeastRecentlyUsedContainerIsEvictedAndCounted() {
      K8sApiConnection signature = new K8sApiConnection(2);
      SignatureHarness harness = run(signature,
          exec("a", List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")),
          exec("b", List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")),
          connectTo("a", "192.0.2.1"),
          exec("c", List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")),
          connectTo("b", "10.0.0.1"),
          connectTo("a", "10.0.0.1"),
          connectTo("c", "10.0.0.1"));
      assertEquals(List.of("a", "c"), harness.findings().stream()
          .map(f -> f.event().containerId().toString()).toList());
      assertEquals(1L, harness.stats().counters().get("evictions"));
      assertEquals(2, signature.containers());
    }

    @Test
    void aTableThatEvictsSaysSoOnce() {
      List<dev.sigil.core.SignatureNotice> notices = new ArrayList<>();
      Engine engine = Engine.builder().add(new K8sApiConnection(2)).onFinding(f -> { })
          .onNotice(notices::add).build();
      for (String container : List.of("a", "b", "c", "d", "e")) {
        engine.accept(exec(container, List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")));
      }

      assertEquals(1, notices.size(), notices.toString());
      assertEquals("TRC-1013", notices.get(0).signatureId());
      assertTrue(notices.get(0).message().contains("is full (2 containers)"), notices.toString());
      assertEquals(3L, engine.stats().signatures().get("TRC-1013").counters().get("evictions"));
    }

    @Test
    void reconfirmingAnAddressAddsNothing() {
      K8sApiConnection signature = new K8sApiConnection(1);
      SignatureHarness harness = run(signature, exec("a", TRACEE_ENV), exec("a", TRACEE_ENV),
          exec("a", List.of("KUBERNETES_SERVICE_HOST=10.0.0.9")));
      assertEquals(1, signature.containers());
      assertEquals(0L, harness.stats().counters().get("evictions"));
    }

    @Test
    void theCapacityMustBePositive() {
      assertThrows(IllegalArgumentException.class, () -> new K8sApiConnection(0));
    }
  }

  @Nested
  class SavedState {
    private Engine engine(K8sApiConnection signature, List<Finding> findings) {
      return Engine.builder().add(signature).onFinding(findings::add).build();
    }

    private byte[] save(Engine engine) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      engine.saveState(out);
      return out.toByteArray();
    }

    @Test
    void addressesSurviveARestart() throws IOException {
      List<Finding> before = new ArrayList<>();
      Engine first = engine(new K8sApiConnection(), before);
      first.accept(exec(CONTAINER, TRACEE_ENV));
      first.accept(exec("other", List.of("KUBERNETES_SERVICE_HOST=10.96.0.1")));
      byte[] state = save(first);

      List<Finding> after = new ArrayList<>();
      Engine second = engine(new K8sApiConnection(), after);
      second.restoreState(new ByteArrayInputStream(state));
      second.accept(connectTo(CONTAINER, "1.1.1.1"));
      second.accept(connectTo("other", "10.96.0.1"));
      second.accept(connectTo("other", "1.1.1.1"));

      assertEquals(List.of(), before);
      assertEquals(List.of(Map.of("ip", "1.1.1.1"), Map.of("ip", "10.96.0.1")),
          after.stream().map(Finding::data).toList());
    }

    @Test
    void theSavedFormListsContainersLeastRecentlyUsedFirst() {
      K8sApiConnection signature = new K8sApiConnection();
      run(signature, exec("a", List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")),
          exec("b", List.of("KUBERNETES_SERVICE_HOST=10.0.0.2")),
          connectTo("a", "192.0.2.1"));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("format", "sigil-k8s-api-connection");
      expected.put("version", 1L);
      expected.put("containers", List.of(
          Map.of("containerId", "b", "apiAddress", "10.0.0.2"),
          Map.of("containerId", "a", "apiAddress", "10.0.0.1")));
      assertEquals(expected, signature.saveState());
    }

    @Test
    void aSmallerCapacityKeepsTheMostRecentContainersAndRecency() {
      K8sApiConnection big = new K8sApiConnection();
      run(big, exec("a", List.of("KUBERNETES_SERVICE_HOST=10.0.0.1")),
          exec("b", List.of("KUBERNETES_SERVICE_HOST=10.0.0.2")),
          exec("c", List.of("KUBERNETES_SERVICE_HOST=10.0.0.3")));
      K8sApiConnection small = new K8sApiConnection(2);
      small.restoreState(big.saveState());
      SignatureHarness harness = run(small,
          connectTo("a", "10.0.0.1"), connectTo("b", "10.0.0.2"),
          exec("d", List.of("KUBERNETES_SERVICE_HOST=10.0.0.4")),
          connectTo("c", "10.0.0.3"), connectTo("b", "10.0.0.2"));
      assertEquals(List.of("b", "b"), harness.findings().stream()
          .map(f -> f.event().containerId().toString()).toList());
      assertEquals(1L, harness.stats().counters().get("evictions"));
    }

    @Test
    void aCorruptStateIsRejectedAndChangesNothing() {
      K8sApiConnection signature = new K8sApiConnection();
      run(signature, exec(CONTAINER, TRACEE_ENV));
      Object good = signature.saveState();
      List<Object> corrupt = new ArrayList<>();
      corrupt.add(null);
      corrupt.add("state");
      corrupt.add(Map.of("format", "something-else", "version", 1L, "containers", List.of()));
      corrupt.add(Map.of("format", "sigil-k8s-api-connection", "version", 2L, "containers", List.of()));
      corrupt.add(Map.of("format", "sigil-k8s-api-connection", "version", 1L));
      corrupt.add(Map.of("format", "sigil-k8s-api-connection", "version", 1L,
          "containers", List.of(Map.of("containerId", "x"))));
      corrupt.add(Map.of("format", "sigil-k8s-api-connection", "version", 1L,
          "containers", List.of(Map.of("containerId", "", "apiAddress", "10.0.0.1"))));
      corrupt.add(Map.of("format", "sigil-k8s-api-connection", "version", 1L,
          "containers", List.of(Map.of("containerId", "x", "apiAddress", "10.0.0.1"), 7L)));
      for (Object tree : corrupt) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> signature.restoreState(tree));
        assertTrue(e.getMessage().startsWith("k8s_api_connection state (TRC-1013): "), e.getMessage());
      }
      assertEquals(good, signature.saveState());
    }

    @Test
    void aCorruptDocumentFailsTheEngineRestore() {
      Engine engine = engine(new K8sApiConnection(), new ArrayList<>());
      String document = "{\"format\":\"sigil-engine-state\",\"version\":1,"
          + "\"signatures\":{\"TRC-1013\":{\"format\":\"sigil-k8s-api-connection\",\"version\":1,"
          + "\"containers\":[{\"containerId\":\"a\"}]}}}";
      assertThrows(IOException.class, () -> engine.restoreState(
          new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
    }
  }
}
