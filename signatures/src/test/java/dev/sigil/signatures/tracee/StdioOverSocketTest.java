package dev.sigil.signatures.tracee;

import static dev.sigil.signatures.tracee.FreshHarness.assertOnlyFinding;
import static dev.sigil.signatures.tracee.FreshHarness.assertSilent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.testing.EventBuilder;
import dev.sigil.core.testing.SignatureHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StdioOverSocketTest {
  private static final Map<String, String> TRACEE_ADDRESS =
      Map.of("sa_family", "AF_INET", "sin_port", "53", "sin_addr", "10.225.0.2");
  private static final Map<String, String> LEGIT_PORT_ADDRESS =
      Map.of("sa_family", "AF_INET", "sin_port", "0", "sin_addr", "");

  private static Event connect(long sockfd, Object remoteAddr) {
    return EventBuilder.event("security_socket_connect")
        .arg("sockfd", "int32", sockfd).arg("remote_addr", "SockAddr", remoteAddr).build();
  }

  private static Event dup(long newfd, Object remoteAddr) {
    return EventBuilder.event("socket_dup")
        .arg("oldfd", "int32", 5L).arg("newfd", "int32", newfd)
        .arg("remote_addr", "SockAddr", remoteAddr).build();
  }

  private static Map<String, Object> data(String ip, String port, int fd) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("IP address", ip);
    data.put("Port", port);
    data.put("File descriptor", fd);
    return data;
  }

  private static SignatureHarness run(Event... events) {
    return FreshHarness.run(new StdioOverSocket(), events);
  }

  private static void assertFinding(Map<String, Object> expected, SignatureHarness harness) {
    Finding finding = assertOnlyFinding(StdioOverSocket.METADATA, expected, 0, harness);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(finding.data().keySet()));
  }

  @Nested
  @DisplayName("Tracee's test cases")
  class TraceeCases {
    @Test
    @DisplayName("should trigger detection - security_socket_connect")
    void firesOnConnectFromStandardInput() {
      assertFinding(data("10.225.0.2", "53", 0), run(connect(0, TRACEE_ADDRESS)));
    }

    @Test
    @DisplayName("should trigger detection - socket_dup")
    void firesOnSocketDuplicatedOntoStandardInput() {
      assertFinding(data("10.225.0.2", "53", 0), run(dup(0, TRACEE_ADDRESS)));
    }

    @Test
    @DisplayName("should not trigger detection - security_socket_connect wrong FD")
    void ignoresConnectFromDescriptorThree() {
      assertSilent(0, run(connect(3, TRACEE_ADDRESS)));
    }

    @Test
    @DisplayName("should not trigger detection - security_socket_connect legit port")
    void ignoresConnectToPortZero() {
      assertSilent(0, run(connect(1, LEGIT_PORT_ADDRESS)));
    }

    @Test
    @DisplayName("should not trigger detection - socket_dup wrong FD")
    void ignoresDupOntoDescriptorThree() {
      assertSilent(0, run(dup(3, TRACEE_ADDRESS)));
    }

    @Test
    @DisplayName("should not trigger detection - socket_dup legit port")
    void ignoresDupOfSocketOnPortZero() {
      assertSilent(0, run(dup(1, LEGIT_PORT_ADDRESS)));
    }
  }

  @Nested
  class Descriptors {
    @Test
    void standardOutputAndErrorFireToo() {
      SignatureHarness harness = run(connect(1, TRACEE_ADDRESS), dup(2, TRACEE_ADDRESS));
      assertEquals(2, harness.findings().size());
      assertEquals(1, harness.findings().get(0).data().get("File descriptor"));
      assertEquals(2, harness.findings().get(1).data().get("File descriptor"));
    }

    @Test
    void negativeDescriptorsAreNotStandardStreams() {
      assertSilent(0, run(connect(-1, TRACEE_ADDRESS), dup(-1, TRACEE_ADDRESS)));
    }

    @Test
    void otherDescriptorsAreNotLookedAtFurther() {
      assertSilent(0, run(connect(3, "not an address"), dup(4, Map.of())));
    }

    @Test
    void connectReadsSockfdAndDupReadsNewfd() {
      Event connectWithNewfd = EventBuilder.event("security_socket_connect").arg("newfd", 0L)
          .arg("remote_addr", TRACEE_ADDRESS).build();
      Event dupWithSockfd = EventBuilder.event("socket_dup").arg("sockfd", 0L)
          .arg("remote_addr", TRACEE_ADDRESS).build();
      assertSilent(2, run(connectWithNewfd, dupWithSockfd));
    }

    @Test
    void aMissingOrTextDescriptorIsADataProblem() {
      Event missing = EventBuilder.event("security_socket_connect")
          .arg("remote_addr", TRACEE_ADDRESS).build();
      Event text = EventBuilder.event("socket_dup").arg("newfd", "0")
          .arg("remote_addr", TRACEE_ADDRESS).build();
      Event nullFd = EventBuilder.event("socket_dup").arg("newfd", null)
          .arg("remote_addr", TRACEE_ADDRESS).build();
      assertSilent(3, run(missing, text, nullFd));
    }
  }

  @Nested
  class Addresses {
    @Test
    void firesForIpv6WithItsOwnFields() {
      Map<String, String> address = Map.of("sa_family", "AF_INET6", "sin6_addr", "2001:db8::1",
          "sin6_port", "4444", "sin6_flowinfo", "0", "sin6_scopeid", "0");
      assertFinding(data("2001:db8::1", "4444", 0), run(connect(0, address)));
    }

    @Test
    void ipv6WithIpv4FieldsIsADataProblem() {
      Map<String, String> address =
          Map.of("sa_family", "AF_INET6", "sin_addr", "10.0.0.1", "sin_port", "53");
      assertSilent(1, run(connect(0, address)));
    }

    @Test
    void unixSocketsAreIgnored() {
      assertSilent(0, run(connect(0, Map.of("sa_family", "AF_UNIX", "sun_path", "/run/x.sock"))));
    }

    @Test
    void anEmptyPortIsLegitimateButOtherSpellingsOfZeroAreNot() {
      SignatureHarness harness = run(
          connect(0, Map.of("sa_family", "AF_INET", "sin_port", "", "sin_addr", "10.0.0.1")),
          connect(0, Map.of("sa_family", "AF_INET", "sin_port", "00", "sin_addr", "10.0.0.1")));
      assertEquals("00", harness.only().data().get("Port"));
    }

    @Test
    void anEmptyIpStillFires() {
      assertFinding(data("", "4444", 2),
          run(dup(2, Map.of("sa_family", "AF_INET", "sin_port", "4444", "sin_addr", ""))));
    }

    @Test
    void argumentsAreFoundInAnyOrder() {
      Event event = EventBuilder.event("security_socket_connect")
          .arg("remote_addr", TRACEE_ADDRESS).arg("type", "SOCK_STREAM").arg("sockfd", 0L).build();
      assertFinding(data("10.225.0.2", "53", 0), run(event));
    }

    @Test
    void aNumericPortReadsAsItsText() {
      Map<String, Object> address = new LinkedHashMap<>();
      address.put("sa_family", "AF_INET");
      address.put("sin_port", 53);
      address.put("sin_addr", "10.0.0.1");
      assertFinding(data("10.0.0.1", "53", 0), run(connect(0, address)));
    }

    @Test
    void aMissingNullOrTextAddressIsADataProblem() {
      Event missing = EventBuilder.event("security_socket_connect").arg("sockfd", 0L).build();
      Event nullAddress = EventBuilder.event("security_socket_connect").arg("sockfd", 0L)
          .arg("remote_addr", null).build();
      assertSilent(3, run(missing, nullAddress, connect(0, "10.0.0.1:53")));
    }

    @Test
    void anAddressWithoutFamilyPortOrIpIsADataProblem() {
      assertSilent(3, run(
          connect(0, Map.of("sin_port", "53", "sin_addr", "10.0.0.1")),
          connect(1, Map.of("sa_family", "AF_INET", "sin_addr", "10.0.0.1")),
          dup(2, Map.of("sa_family", "AF_INET", "sin_port", "53"))));
    }

    @Test
    void aNullFieldIsMissing() {
      Map<String, Object> address = new LinkedHashMap<>();
      address.put("sa_family", "AF_INET");
      address.put("sin_port", "53");
      address.put("sin_addr", null);
      assertSilent(1, run(connect(0, address)));
    }
  }

  @Test
  void everyOriginIsWatched() {
    SignatureHarness harness = SignatureHarness.of(new StdioOverSocket());
    harness.feed(
        EventBuilder.event("security_socket_connect").origin(Origin.HOST)
            .arg("sockfd", 0L).arg("remote_addr", TRACEE_ADDRESS).build(),
        EventBuilder.event("security_socket_connect").origin(Origin.CONTAINER_INIT)
            .arg("sockfd", 0L).arg("remote_addr", TRACEE_ADDRESS).build(),
        EventBuilder.event("socket_dup").origin(Origin.CONTAINER)
            .arg("newfd", 0L).arg("remote_addr", TRACEE_ADDRESS).build());
    assertEquals(3, harness.findings().size());
  }

  @Test
  void otherEventsAreNotSelected() {
    Event connectSyscall = EventBuilder.event("connect").arg("sockfd", 0L)
        .arg("addr", TRACEE_ADDRESS).build();
    SignatureHarness harness = run(connectSyscall);
    assertSilent(0, harness);
    assertEquals(0, harness.stats().events());
  }
}
