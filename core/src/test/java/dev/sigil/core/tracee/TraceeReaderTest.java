package dev.sigil.core.tracee;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceeReaderTest {
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey DEV = ArgKey.of("dev");
  private static final ArgKey INODE = ArgKey.of("inode");
  private static final ArgKey ARGV = ArgKey.of("argv");
  private static final ArgKey ENV = ArgKey.of("env");
  private static final ArgKey INVOKED_FROM_KERNEL = ArgKey.of("invoked_from_kernel");
  private static final ArgKey STDIN_TYPE = ArgKey.of("stdin_type");
  private static final ArgKey PROTO_DNS = ArgKey.of("proto_dns");
  private static final ArgKey VALUE = ArgKey.of("v");
  private static final String CONTAINER_ID =
      "7c1f0e9d2b4a6c8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e";

  /** What one read produced. */
  static final class Result {
    final List<EventSnapshot> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    ReaderStats stats;
  }

  static Result read(String text) {
    return read(text.getBytes(UTF_8), TraceeReader.builder());
  }

  static Result read(byte[] bytes, TraceeReader.Builder builder) {
    Result result = new Result();
    // Decoding is tested on fragments too; TraceeReaderEventFieldsTest tests the requirement.
    TraceeReader reader = builder.requireEventFields(false).onRejection(result.rejections::add).build();
    reader.read(bytes, 0, bytes.length, e -> result.events.add(e.copy()));
    result.stats = reader.stats();
    return result;
  }

  static Result readStream(InputStream in, TraceeReader.Builder builder) {
    Result result = new Result();
    TraceeReader reader = builder.requireEventFields(false).onRejection(result.rejections::add).build();
    try {
      reader.read(in, e -> result.events.add(e.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.stats = reader.stats();
    return result;
  }

  /** Renders events with their byte values, for comparing decodes of the same input. */
  static List<String> describe(List<EventSnapshot> events) {
    List<String> described = new ArrayList<>();
    for (EventSnapshot e : events) {
      StringBuilder text = new StringBuilder(e.toString().replaceAll("\\[B@[0-9a-f]+", "bytes"));
      for (EventSnapshot.Arg arg : e.args()) {
        if (arg.value() instanceof byte[]) {
          text.append(' ').append(arg.name()).append('=').append(java.util.Arrays.toString((byte[]) arg.value()));
        }
      }
      described.add(text.toString());
    }
    return described;
  }

  static byte[] resource(String name) {
    try (InputStream in = TraceeReaderTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(String args) {
    return "{\"timestamp\":1,\"eventName\":\"test_event\",\"args\":[" + args + "]}";
  }

  // ---- decoding -----------------------------------------------------------------------------

  @Test
  void decodesEveryContextFieldOfAV024Line() {
    // Registered first, as a loaded signature would: decoding only finds registered types, and
    // this test must not depend on another one having registered it.
    EventType magicWrite = EventType.of("magic_write");
    Result result = read(resource("v024-mixed.jsonl"), TraceeReader.builder());
    assertEquals(List.of(), result.rejections);
    assertEquals(4, result.events.size());
    EventSnapshot e = result.events.get(0);
    assertEquals(1764000000123456789L, e.timestamp());
    assertEquals(1763999998623456789L, e.threadStartTime());
    assertEquals(3, e.processorId());
    assertEquals(57, e.processId());
    assertEquals(57, e.threadId());
    assertEquals(52, e.parentProcessId());
    assertEquals(40057, e.hostProcessId());
    assertEquals(40057, e.hostThreadId());
    assertEquals(40052, e.hostParentProcessId());
    assertEquals(11834, e.cgroupId());
    assertEquals(0, e.userId());
    assertEquals(4026532601L, e.mountNamespace());
    assertEquals(4026532604L, e.pidNamespace());
    assertEquals("curl", e.processName());
    assertEquals("/usr/bin/curl", e.executablePath());
    assertEquals("node-7", e.hostName());
    assertEquals(CONTAINER_ID, e.containerId());
    assertEquals("shop-api", e.containerName());
    assertEquals("registry.example.org/shop/api:1.4.2", e.containerImage());
    assertTrue(e.containerImageDigest().startsWith("sha256:2f8c"));
    assertEquals("shop-api-5d9c7b8f6-x2kqp", e.podName());
    assertEquals("shop", e.podNamespace());
    assertEquals("6a0d3c5e-1b2f-4a7c-9d8e-0f1a2b3c4d5e", e.podUid());
    assertFalse(e.podSandbox());
    assertSame(magicWrite, e.type());
    assertEquals("magic_write", e.eventName());
    assertEquals(6034, e.eventId());
    assertEquals(32, e.returnValue());
    assertEquals("write", e.syscall());
    assertTrue(e.containerStarted());
    assertFalse(e.isCompat());
    assertEquals(2819393821L, e.threadEntityId());
    assertEquals(2819393821L, e.processEntityId());
    assertEquals(1130480124L, e.parentEntityId());
    assertEquals(4, e.argCount());
  }

  @Test
  void decodesBase64BytesIntoTheEvent() {
    EventSnapshot e = read(resource("v024-mixed.jsonl"), TraceeReader.builder()).events.get(0);
    assertEquals(ArgKind.BYTES, e.argKind(1));
    byte[] bytes = e.bytes(BYTES).toByteArray();
    assertEquals(32, bytes.length);
    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, java.util.Arrays.copyOf(bytes, 8));
    assertEquals("/tmp/.cache/kworkerd", e.string(PATHNAME));
    assertEquals(2097153, e.longValue(DEV, -1));
    assertEquals("18446744073709551000", Long.toUnsignedString(e.longValue(INODE, -1)),
        "a uint64 above Long.MAX_VALUE keeps its bits");
  }

  @Test
  void decodesStringListsNullsAndBooleansOfAnExec() {
    EventSnapshot e = read(resource("v024-mixed.jsonl"), TraceeReader.builder()).events.get(1);
    assertEquals(18, e.argCount());
    assertEquals(List.of("/bin/bash", "-c", "echo \"hi\" > /tmp/out; ls -la /var/lib/docker/overlay2"),
        e.strings(ARGV).toList());
    assertEquals(ArgKind.NULL, e.argKind(e.argIndex(ENV)));
    assertNull(e.strings(ENV));
    assertEquals(ArgKind.BOOL, e.argKind(e.argIndex(INVOKED_FROM_KERNEL)));
    assertFalse(e.bool(INVOKED_FROM_KERNEL, true));
    assertEquals("[]string", e.argType(e.argIndex(ARGV)));
  }

  @Test
  void keepsNestedObjectsAndMixedArraysAsCompactRawJson() {
    EventSnapshot e = read(resource("v024-mixed.jsonl"), TraceeReader.builder()).events.get(3);
    assertEquals("{\"direction\":2}", e.rawJson(4));
    int dns = e.argIndex(PROTO_DNS);
    assertEquals(ArgKind.JSON, e.argKind(dns));
    assertEquals("{\"ID\":4711,\"QR\":0,\"opCode\":\"query\",\"questions\":[{\"name\":\"exämple.org\","
        + "\"type\":\"AAAA\",\"class\":\"IN\"}],\"answers\":[],\"ratio\":0.5,\"tags\":[\"a\",1,true,null]}",
        e.rawJson(dns));
    assertEquals(0, read(resource("v024-mixed.jsonl"), TraceeReader.builder()).stats.argProblems());
  }

  @Test
  void turnsAnArrayThatStopsBeingStringsIntoRawJson() {
    EventSnapshot e = read(line("{\"name\":\"v\",\"type\":\"[]string\",\"value\":[\"a\",\"b\\\"q\",2,[\"c\"],{}]}"))
        .events.get(0);
    assertEquals(ArgKind.JSON, e.argKind(0));
    assertEquals("[\"a\",\"b\\\"q\",2,[\"c\"],{}]", e.rawJson(0));
    assertNull(e.strings(VALUE));
  }

  @Test
  void readsOldFlatContainerFieldsAndCStyleTypes() {
    Result result = read(resource("old-shape.jsonl"), TraceeReader.builder());
    assertEquals(List.of(), result.rejections);
    EventSnapshot e = result.events.get(0);
    assertEquals(CONTAINER_ID, e.containerId());
    assertEquals("docker.io/library/alpine:3.19", e.containerImage());
    assertEquals("jolly_turing", e.containerName());
    assertEquals("batch-7", e.podName());
    assertEquals("jobs", e.podNamespace());
    assertEquals("11111111-2222-3333-4444-555555555555", e.podUid());
    assertEquals(711, e.eventId());
    assertEquals("/var/lib/docker/overlay2/4f1e/diff/payload", e.string(PATHNAME));
    assertEquals(271581185, e.longValue(DEV, -1));
    assertEquals(List.of("/payload", "--now"), e.strings(ARGV).toList());
    assertTrue(e.bool(INVOKED_FROM_KERNEL, false), "an int 1 reads as true");
    assertEquals(8192, e.longValue(STDIN_TYPE, -1));
    assertEquals(2752590, e.longAt(5, -1), "a misspelt arg stays readable by index");
    EventSnapshot write = result.events.get(1);
    assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, write.bytes(BYTES).toByteArray(),
        "C-style 'bytes' is base64 too");
    assertEquals("", write.containerId());
    assertEquals(0, result.stats.argProblems());
  }

  @Test
  void readsBothVocabulariesToTheSameValues() {
    String v023 = line("{\"name\":\"pathname\",\"type\":\"const char*\",\"value\":\"/x\"},"
        + "{\"name\":\"bytes\",\"type\":\"bytes\",\"value\":\"AQID\"},"
        + "{\"name\":\"dev\",\"type\":\"dev_t\",\"value\":7},"
        + "{\"name\":\"argv\",\"type\":\"const char*const*\",\"value\":[\"a\"]}");
    String v024 = line("{\"name\":\"argv\",\"type\":\"[]string\",\"value\":[\"a\"]},"
        + "{\"name\":\"dev\",\"type\":\"uint32\",\"value\":7},"
        + "{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"AQID\"},"
        + "{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"/x\"}");
    Result result = read(v023 + "\n" + v024 + "\n");
    assertEquals(2, result.events.size());
    for (EventSnapshot e : result.events) {
      assertEquals("/x", e.string(PATHNAME));
      assertArrayEquals(new byte[] {1, 2, 3}, e.bytes(BYTES).toByteArray());
      assertEquals(7, e.longValue(DEV, -1));
      assertEquals(List.of("a"), e.strings(ARGV).toList());
    }
    assertEquals(0, result.stats.argProblems());
  }

  @Test
  void decodesBytesWhateverTheOrderOfNameTypeAndValue() {
    EventSnapshot e = read(line("{\"value\":\"AQID\",\"type\":\"[]byte\",\"name\":\"bytes\"}")).events.get(0);
    assertEquals("bytes", e.argName(0));
    assertArrayEquals(new byte[] {1, 2, 3}, e.bytes(BYTES).toByteArray());
  }

  @Test
  void takesTheContainerIdFromWhicheverShapeHoldsIt() {
    Result result = read("{\"containerId\":\"\",\"container\":{\"id\":\"abc\"}}\n"
        + "{\"container\":{\"id\":\"\"},\"containerId\":\"def\"}\n"
        + "{\"containerId\":\"ghi\"}\n"
        + "{\"container\":{\"id\":\"jkl\",\"name\":\"n\",\"image\":\"i\",\"imageDigest\":\"d\"},"
        + "\"kubernetes\":{\"podName\":\"p\",\"podNamespace\":\"ns\",\"podUID\":\"u\",\"podSandbox\":true}}\n");
    assertEquals(List.of("abc", "def", "ghi", "jkl"),
        result.events.stream().map(EventSnapshot::containerId).toList());
    EventSnapshot last = result.events.get(3);
    assertEquals(List.of("n", "i", "d", "p", "ns", "u"), List.of(last.containerName(),
        last.containerImage(), last.containerImageDigest(), last.podName(), last.podNamespace(), last.podUid()));
    assertTrue(last.podSandbox());
  }

  @Test
  void derivesTheOriginFromDecodedLines() {
    Result result = read(resource("v024-mixed.jsonl"), TraceeReader.builder());
    assertEquals(List.of(Origin.CONTAINER, Origin.HOST, Origin.CONTAINER_INIT, Origin.HOST),
        result.events.stream().map(EventSnapshot::origin).toList());
  }

  @Test
  void acceptsEventIdAsAStringOrAnInteger() {
    Result result = read("{\"eventId\":\"6034\"}\n{\"eventId\":715}\n");
    assertEquals(List.of(6034, 715), result.events.stream().map(EventSnapshot::eventId).toList());
  }

  @Test
  void skipsUnknownKeysAndNullsAnywhere() {
    Result result = read("{\"future\":{\"a\":[1,{\"b\":null}]},\"processName\":null,\"timestamp\":5,"
        + "\"stackAddresses\":[1,2],\"matchedPolicies\":[\"x\"],\"metadata\":{\"Version\":\"1\"},"
        + "\"executable\":{\"path\":\"/p\",\"other\":1},\"args\":null}");
    assertEquals(List.of(), result.rejections);
    EventSnapshot e = result.events.get(0);
    assertEquals(5, e.timestamp());
    assertEquals("", e.processName());
    assertEquals("/p", e.executablePath());
    assertEquals(0, e.argCount());
  }

  @Test
  void decodesFieldsInAnotherOrderThanTraceesOrSpelledWithEscapes() {
    Result result = read("{\"args\":[{\"value\":7,\"type\":\"int\",\"name\":\"dev\"}],"
        + "\"container\":{\"imageDigest\":\"sha256:d\",\"name\":\"web\",\"id\":\"" + CONTAINER_ID + "\"},"
        + "\"kubernetes\":{\"podSandbox\":true,\"podName\":\"p\"},\"contextFlags\":{\"isCompat\":true},"
        + "\"eventName\":\"openat\",\"time\\u0073tamp\":5,\"processId\":9,\"hostName\":\"h\",\"timestamp\":6}\n"
        + "{\"timestamp\":8,\"threadStartTime\":2,\"processorId\":1}\n");
    assertEquals(List.of(), result.rejections);
    EventSnapshot e = result.events.get(0);
    assertEquals(6, e.timestamp(), "the last of two spellings of one field wins");
    assertEquals(9, e.processId());
    assertEquals("h", e.hostName());
    assertEquals("openat", e.eventName());
    assertEquals(CONTAINER_ID, e.containerId());
    assertEquals("web", e.containerName());
    assertEquals("sha256:d", e.containerImageDigest());
    assertEquals("p", e.podName());
    assertTrue(e.podSandbox());
    assertTrue(e.isCompat());
    assertEquals(7L, e.args().get(0).value());
    assertEquals("dev", e.argName(0));
    EventSnapshot next = result.events.get(1);
    assertEquals(List.of(8L, 2L, 1L), List.of(next.timestamp(), next.threadStartTime(), (long) next.processorId()));
  }

  @Test
  void rereadsAnArgumentWhoseOpeningDiffersFromTheOneRememberedForItsPosition() {
    // The same event name four times: the first line's openings are remembered per position;
    // later lines open their arguments with bytes of the same length that mean something else.
    String first = "{\"eventName\":\"openat\",\"args\":[{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"/a\"},"
        + "{\"name\":\"dev\",\"type\":\"uint32\",\"value\":7}]}";
    String renamed = "{\"eventName\":\"openat\",\"args\":[{\"name\":\"pathnamf\",\"type\":\"string\",\"value\":\"/b\"},"
        + "{\"name\":\"inode\",\"type\":\"uint64\",\"value\":8}]}";
    String retyped = "{\"eventName\":\"openat\",\"args\":[{\"name\":\"pathname\",\"type\":\"[]byte\",\"value\":\"AQID\"},"
        + "{\"type\":\"uint32\",\"name\":\"dev\",\"value\":9}]}";
    Result result = read(first + "\n" + renamed + "\n" + retyped + "\n" + first + "\n");
    assertEquals(List.of(), result.rejections);
    assertEquals("/a", result.events.get(0).string(PATHNAME));
    assertEquals(7, result.events.get(0).longValue(DEV, -1));
    assertNull(result.events.get(1).string(PATHNAME));
    assertEquals("pathnamf", result.events.get(1).argName(0));
    assertEquals(8, result.events.get(1).longValue(INODE, -1));
    assertEquals(-1, result.events.get(1).longValue(DEV, -1));
    assertArrayEquals(new byte[] {1, 2, 3}, result.events.get(2).bytes(PATHNAME).toByteArray(),
        "declared []byte at the same position: base64");
    assertEquals(9, result.events.get(2).longValue(DEV, -1));
    assertEquals("/a", result.events.get(3).string(PATHNAME));
    assertEquals(7, result.events.get(3).longValue(DEV, -1));
  }

  @Test
  void readsAnEventWithoutAnyFields() {
    EventSnapshot e = read("{}").events.get(0);
    assertSame(EventType.UNREGISTERED, e.type());
    assertEquals(Origin.HOST, e.origin());
  }

  @Test
  void handsTheSinkOneReusedEvent() {
    byte[] bytes = resource("v024-mixed.jsonl");
    List<Object> seen = new ArrayList<>();
    TraceeReader.builder().build().read(bytes, 0, bytes.length, seen::add);
    assertEquals(4, seen.size());
    assertSame(seen.get(0), seen.get(3));
  }

  // ---- argument problems --------------------------------------------------------------------

  @Test
  void readsUndecodableBase64AsAbsentAndCountsIt() {
    Result result = read(line("{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"not base64!\"},"
        + "{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"/ok\"}"));
    EventSnapshot e = result.events.get(0);
    assertEquals(ArgKind.INVALID, e.argKind(0));
    assertNull(e.bytes(BYTES));
    assertEquals("/ok", e.string(PATHNAME));
    assertEquals(1, result.stats.argProblems());
  }

  @Test
  void keepsAValueOfAnotherKindThanDeclaredByItsTokenAndCountsIt() {
    Result result = read(line("{\"name\":\"pathname\",\"type\":\"string\",\"value\":42}"));
    EventSnapshot e = result.events.get(0);
    assertNull(e.string(PATHNAME));
    assertEquals(42, e.longValue(PATHNAME, -1));
    assertEquals(1, result.stats.argProblems());
  }

  @Test
  void readsAnUnknownTypeNameByItsToken() {
    Result result = read(line("{\"name\":\"v\",\"type\":\"struct wat*\",\"value\":\"text\"}"));
    assertEquals("text", result.events.get(0).string(VALUE));
    assertEquals(0, result.stats.argProblems());
  }

  @Test
  void readsAStringLongerThanTheLimitAsAbsent() {
    String longText = "x".repeat(11);
    Result result = read(line("{\"name\":\"v\",\"type\":\"string\",\"value\":\"" + longText + "\"},"
        + "{\"name\":\"argv\",\"type\":\"[]string\",\"value\":[\"ok\",\"" + longText + "\"]},"
        + "{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"" + "y".repeat(10) + "\"}")
        .getBytes(UTF_8), TraceeReader.builder().maxStringChars(10));
    EventSnapshot e = result.events.get(0);
    assertEquals(ArgKind.INVALID, e.argKind(0));
    assertEquals(ArgKind.INVALID, e.argKind(1));
    assertEquals("y".repeat(10), e.string(PATHNAME));
    assertEquals(2, result.stats.argProblems());
  }

  @Test
  void readsRawJsonLongerThanTheLimitAsAbsent() {
    Result result = read(line("{\"name\":\"v\",\"type\":\"x\",\"value\":{\"k\":\"0123456789\"}}")
        .getBytes(UTF_8), TraceeReader.builder().maxStringChars(10));
    assertEquals(ArgKind.INVALID, result.events.get(0).argKind(0));
    assertEquals(1, result.stats.argProblems());
  }

  @Test
  void readsAnIntegerBeyondSixtyFourBitsAsAbsent() {
    Result result = read(line("{\"name\":\"v\",\"type\":\"uint64\",\"value\":18446744073709551616},"
        + "{\"name\":\"dev\",\"type\":\"int64\",\"value\":-9223372036854775808}"));
    EventSnapshot e = result.events.get(0);
    assertEquals(ArgKind.INVALID, e.argKind(0));
    assertEquals(Long.MIN_VALUE, e.longValue(DEV, 0));
    assertEquals(1, result.stats.argProblems());
  }

  @Test
  void doesNotCountArgProblemsOfRejectedLines() {
    Result result = read(line("{\"name\":\"bytes\",\"type\":\"[]byte\",\"value\":\"!!\"}") + " trailing");
    assertEquals(1, result.stats.rejected());
    assertEquals(0, result.stats.argProblems());
  }

  // ---- limits and rejections ----------------------------------------------------------------

  private static void assertRejected(String lineText, String reasonStart) {
    Result result = read("{\"eventId\":\"1\"}\n" + lineText + "\n{\"eventId\":\"3\"}\n");
    assertEquals(List.of(1, 3), result.events.stream().map(EventSnapshot::eventId).toList(),
        "the lines around a bad one are decoded");
    assertEquals(1, result.rejections.size(), () -> "rejections of " + lineText + ": " + result.rejections);
    Rejection rejection = result.rejections.get(0);
    assertEquals(2, rejection.lineNumber());
    assertEquals(16, rejection.byteOffset());
    assertTrue(rejection.reason().startsWith(reasonStart), rejection.reason());
    assertEquals(1, result.stats.rejected());
    assertEquals(2, result.stats.events());
  }

  @Test
  void rejectsALineThatIsNotAnObject() {
    assertRejected("[1,2]", "not a JSON object");
    assertRejected("42", "not a JSON object");
    assertRejected("\"text\"", "not a JSON object");
    assertRejected("null", "not a JSON object");
  }

  @Test
  void rejectsATruncatedLine() {
    assertRejected("{\"timestamp\":1,\"args\":[{\"name\":\"a\"", "truncated");
    assertRejected("{\"processName\":\"unterminated", "truncated");
    assertRejected("{", "truncated");
  }

  @Test
  void rejectsATruncatedCrlfLine() {
    Result result = read("{\"processName\":\"unterminated\r\n{}\r\n");
    assertEquals(List.of(new Rejection(1, 0, TraceeLineDecoder.TRUNCATED)), result.rejections);
    assertEquals(1, result.stats.events());
  }

  @Test
  void readsInvalidBase64AsAbsentWhenTheTypeFollowsTheValue() {
    Result result = read(line("{\"value\":\"A\",\"name\":\"bytes\",\"type\":\"bytes\"}"));
    assertEquals(ArgKind.INVALID, result.events.get(0).argKind(0));
    assertEquals(1, result.stats.argProblems());
  }

  @Test
  void rejectsMalformedJson() {
    assertRejected("{\"timestamp\":1,,}", "malformed JSON");
    assertRejected("{timestamp:1}", "malformed JSON");
    assertRejected("{\"a\":tru}", "malformed JSON");
  }

  @Test
  void namesWhereMalformedJsonWentWrongWithoutQuotingIt() {
    Result result = read("{\"eventId\":\"1\"}\n{\"processName\":\"secret\",\"x\":nope}\n");
    String reason = result.rejections.get(0).reason();
    assertFalse(reason.contains("secret") || reason.contains("nope"), reason);
    assertTrue(reason.matches("malformed JSON near byte \\d+ of the line"), reason);
  }

  @Test
  void rejectsTwoValuesOrTrailingGarbageOnOneLine() {
    assertRejected("{\"eventId\":\"2\"}{\"eventId\":\"2\"}", "content after the JSON object");
    assertRejected("{\"eventId\":\"2\"} {}", "content after the JSON object");
    assertRejected("{\"eventId\":\"2\"} x", "content after the JSON object");
    assertRejected("{\"eventId\":\"2\"} 7", "content after the JSON object");
    assertRejected("{\"eventId\":\"2\"}}", "content after the JSON object");
  }

  @Test
  void checksTheWholeRestOfALineLongerThanTheParsersInputBuffer() {
    String longObject = "{\"eventId\":\"2\",\"processName\":\"" + "x".repeat(20_000) + "\"}";
    assertRejected(longObject + " x", "content after the JSON object");
    assertRejected("{\"eventId\":\"2\"}" + " ".repeat(20_000) + "x", "content after the JSON object");
    assertRejected("{\"processName\":\"" + "x".repeat(20_000), "truncated");
    Result result = read("{}" + " \t".repeat(10_000) + "\r\n" + longObject + "  \n{}");
    assertEquals(List.of(), result.rejections);
    assertEquals(3, result.stats.events());
    assertEquals(20_000, result.events.get(1).processName().length());
  }

  @Test
  void rejectsAKnownFieldOfTheWrongType() {
    assertRejected("{\"timestamp\":\"yesterday\"}", "'timestamp' is not an integer");
    assertRejected("{\"timestamp\":1.5}", "'timestamp' is not an integer");
    assertRejected("{\"processName\":7}", "'processName' is not a string");
    assertRejected("{\"eventId\":\"six\"}", "'eventId' is not an integer");
    assertRejected("{\"eventId\":true}", "'eventId' is not an integer");
    assertRejected("{\"container\":\"abc\"}", "'container' is not an object");
    assertRejected("{\"container\":{\"id\":1}}", "'container.id' is not a string");
    assertRejected("{\"contextFlags\":{\"containerStarted\":\"yes\"}}",
        "'contextFlags.containerStarted' is not a boolean");
    assertRejected("{\"kubernetes\":{\"podSandbox\":1}}", "'kubernetes.podSandbox' is not a boolean");
    assertRejected("{\"args\":{}}", "'args' is not an array");
    assertRejected("{\"args\":[1]}", "an element of 'args' is not an object");
    assertRejected("{\"args\":[{\"name\":5}]}", "'an arg's name' is not a string");
    assertRejected("{\"timestamp\":99999999999999999999999}", "'timestamp' is out of range");
  }

  @Test
  void rejectsALineNestedDeeperThanTheLimit() {
    String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    assertRejected(deep, "nesting deeper than 32");
    Result shallowEnough = read(("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}").getBytes(UTF_8),
        TraceeReader.builder());
    assertEquals(1, shallowEnough.stats.events());
    Result custom = read(line("{\"name\":\"v\",\"value\":{\"a\":{}}}").getBytes(UTF_8),
        TraceeReader.builder().maxDepth(4));
    assertEquals("nesting deeper than 4", custom.rejections.get(0).reason());
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] good = "{\"eventId\":\"1\"}\n".getBytes(UTF_8);
    for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xc0, (byte) 0x80},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
      byte[] prefix = "{\"processName\":\"".getBytes(UTF_8);
      byte[] suffix = "\"}\n".getBytes(UTF_8);
      byte[] all = new byte[good.length + prefix.length + bad.length + suffix.length + good.length];
      int at = 0;
      for (byte[] part : List.of(good, prefix, bad, suffix, good)) {
        System.arraycopy(part, 0, all, at, part.length);
        at += part.length;
      }
      Result result = read(all, TraceeReader.builder());
      assertEquals(2, result.stats.events());
      assertEquals(List.of(new Rejection(2, good.length, "invalid UTF-8")), result.rejections);
    }
  }

  @Test
  void decodesValidMultiByteUtf8() {
    EventSnapshot e = read("{\"processName\":\"ü€😀\"}").events.get(0);
    assertEquals("ü€😀", e.processName());
  }

  @Test
  void rejectsMoreArgsThanTheLimit() {
    String three = line("{\"name\":\"a\",\"value\":1},{\"name\":\"b\",\"value\":2},{\"name\":\"c\",\"value\":3}");
    Result result = read(three.getBytes(UTF_8), TraceeReader.builder().maxArgs(2));
    assertEquals(List.of(new Rejection(1, 0, "more than 2 args")), result.rejections);
    assertEquals(1, read(three.getBytes(UTF_8), TraceeReader.builder().maxArgs(3)).stats.events());
  }

  @Test
  void rejectsALineLongerThanTheLimit() {
    String shortLine = "{\"eventId\":\"1\"}";
    String longLine = "{\"processName\":\"" + "x".repeat(100) + "\"}";
    byte[] input = (shortLine + "\n" + longLine + "\n" + shortLine).getBytes(UTF_8);
    Result result = read(input, TraceeReader.builder().maxLineBytes(50));
    assertEquals(2, result.stats.events());
    assertEquals(List.of(new Rejection(2, 16, "line longer than 50 bytes")), result.rejections);
    Result streamed = readStream(new ByteArrayInputStream(input), TraceeReader.builder().maxLineBytes(50));
    assertEquals(2, streamed.stats.events());
    assertEquals(List.of(new Rejection(2, 16, "line longer than 50 bytes")), streamed.rejections);
  }

  @Test
  void skipsALongLineInAStreamWithoutBufferingIt() {
    // 3 MiB of one line against a 1 KiB limit: the buffer never grows past the limit.
    byte[] huge = new byte[3 << 20];
    java.util.Arrays.fill(huge, (byte) 'x');
    byte[] tail = "\n{\"eventId\":\"9\"}\n".getBytes(UTF_8);
    InputStream in = new java.io.SequenceInputStream(new ByteArrayInputStream(huge), new ByteArrayInputStream(tail));
    Result result = readStream(in, TraceeReader.builder().maxLineBytes(1024));
    assertEquals(List.of(new Rejection(1, 0, "line longer than 1024 bytes")), result.rejections);
    assertEquals(9, result.events.get(0).eventId());
    assertEquals(huge.length + tail.length, result.stats.bytesRead());
  }

  @Test
  void skipsALongBlankLineAsBlankInBothPaths() {
    byte[] input = ("{}\n" + " \t\r".repeat(100) + "\n{}\n" + " ".repeat(100)).getBytes(UTF_8);
    ReaderStats expected = new ReaderStats(4, 2, 2, 0, 0, 0, input.length);
    assertEquals(expected, read(input, TraceeReader.builder().maxLineBytes(64)).stats);
    assertEquals(expected, readStream(new ChunkedInputStream(input, 10), TraceeReader.builder().maxLineBytes(64)).stats);
  }

  @Test
  void rejectsALongLastLineWithoutNewline() {
    byte[] input = ("{}\n{\"processName\":\"" + "x".repeat(200) + "\"}").getBytes(UTF_8);
    Result streamed = readStream(new ByteArrayInputStream(input), TraceeReader.builder().maxLineBytes(64));
    assertEquals(List.of(new Rejection(2, 3, "line longer than 64 bytes")), streamed.rejections);
    assertEquals(input.length, streamed.stats.bytesRead());
  }

  @Test
  void skipsBlankLinesSilentlyButCountsThem() {
    Result result = read("\n  \n{}\n\t\r\n\n{}");
    assertEquals(2, result.stats.events());
    assertEquals(List.of(), result.rejections);
    assertEquals(new ReaderStats(6, 4, 2, 0, 0, 0, 13), result.stats);
  }

  @Test
  void readsCrlfLineEndings() {
    String first = "{\"eventId\":\"1\",\"timestamp\":12}\r\n";
    String second = "{\"eventId\":\"2\",\"timestamp\":34}\r\n";
    Result result = read(first + second + "not json\r\n{\"eventId\":\"4\"}\r\n");
    assertEquals(List.of(1, 2, 4), result.events.stream().map(EventSnapshot::eventId).toList());
    assertEquals(List.of(12L, 34L, 0L), result.events.stream().map(EventSnapshot::timestamp).toList());
    assertEquals(1, result.rejections.size());
    assertEquals(3, result.rejections.get(0).lineNumber());
    assertEquals(first.length() + second.length(), result.rejections.get(0).byteOffset());
  }

  @Test
  void reportsExactLineNumbersAndByteOffsets() {
    String[] lines = {"{}", "", "bad", "{\"processName\":\"ü\"}", "   ", "[", "{}", "{\"a\":1} 2"};
    StringBuilder text = new StringBuilder();
    List<Rejection> expected = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("bad") || lines[i].equals("[") || lines[i].startsWith("{\"a\"")) {
        expected.add(new Rejection(i + 1, offset, "x"));
      }
      text.append(lines[i]).append('\n');
      offset += lines[i].getBytes(UTF_8).length + 1;
    }
    Result result = read(text.toString());
    assertEquals(expected.size(), result.rejections.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).lineNumber(), result.rejections.get(i).lineNumber());
      assertEquals(expected.get(i).byteOffset(), result.rejections.get(i).byteOffset());
    }
    assertEquals(offset, result.stats.bytesRead());
  }

  @Test
  void neverQuotesTheLineInARejection() {
    Result result = read("{\"processName\":\"s3cr3t\",\"timestamp\":\"s3cr3t\"}\nthe s3cr3t line\n");
    assertEquals(2, result.rejections.size());
    for (Rejection r : result.rejections) {
      assertFalse(r.reason().contains("s3cr3t"), r.reason());
      assertFalse(r.toString().contains("s3cr3t"), r.toString());
    }
  }

  @Test
  void keepsCountersConsistent() {
    Result result = read(new String(resource("v024-mixed.jsonl"), UTF_8) + "\n\nbad\n{}\n[]\n");
    ReaderStats s = result.stats;
    assertEquals(s.linesRead() - s.blankLines(), s.events() + s.rejected());
    assertEquals(5, s.events());
    assertEquals(2, s.rejected());
  }

  // ---- the stream path ----------------------------------------------------------------------

  /** Hands out at most {@code chunk} bytes per read, to cut lines at every possible place. */
  static final class ChunkedInputStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int position;

    ChunkedInputStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }
  }

  @Test
  void readsAStreamCutAtEveryPlaceAsItReadsTheBuffer() {
    String mixed = new String(resource("v024-mixed.jsonl"), UTF_8)
        + new String(resource("old-shape.jsonl"), UTF_8)
        + "\r\n\nbad line\n{\"timestamp\":\"yesterday\"}\n" + "{\"processName\":\"" + "y".repeat(3000) + "\"}\n{\"eventId\":\"5\"}";
    byte[] input = mixed.getBytes(UTF_8);
    TraceeReader.Builder limits = TraceeReader.builder().maxLineBytes(2000);
    Result expected = read(input, limits);
    assertEquals(7, expected.stats.events());
    assertEquals(3, expected.rejections.size());
    for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 4096}) {
      Result streamed = readStream(new ChunkedInputStream(input, chunk), TraceeReader.builder().maxLineBytes(2000));
      assertEquals(expected.rejections, streamed.rejections, "chunk " + chunk);
      assertEquals(expected.stats, streamed.stats, "chunk " + chunk);
      assertEquals(describe(expected.events), describe(streamed.events), "chunk " + chunk);
    }
  }

  @Test
  void growsTheStreamBufferForLinesLongerThanItsInitialSize() {
    String longLine = "{\"processName\":\"" + "z".repeat(200_000) + "\"}";
    byte[] input = ("{}\n" + longLine + "\n{}\n").getBytes(UTF_8);
    Result streamed = readStream(new ChunkedInputStream(input, 5000), TraceeReader.builder());
    assertEquals(3, streamed.stats.events());
    assertEquals(200_000, streamed.events.get(1).processName().length());
  }

  // ---- stop ---------------------------------------------------------------------------------

  @Test
  void stopsAfterTheCurrentLine() throws IOException {
    byte[] input = "{\"eventId\":\"1\"}\n{\"eventId\":\"2\"}\n{\"eventId\":\"3\"}\n".getBytes(UTF_8);
    TraceeReader reader = TraceeReader.builder().requireEventFields(false).build();
    List<Integer> ids = new ArrayList<>();
    reader.read(input, 0, input.length, e -> {
      ids.add(e.eventId());
      if (e.eventId() == 2) {
        reader.stop();
      }
    });
    assertEquals(List.of(1, 2), ids);
    ids.clear();
    reader.read(new ByteArrayInputStream(input), e -> {
      ids.add(e.eventId());
      reader.stop();
    });
    assertEquals(List.of(1), ids);
    ids.clear();
    reader.read(input, 0, input.length, e -> ids.add(e.eventId()));
    assertEquals(List.of(1, 2, 3), ids, "a stop ends one read only");
  }

  @Test
  void readsARangeOfABuffer() {
    byte[] input = "xx{\"eventId\":\"1\"}\n{\"eventId\":\"2\"}yy".getBytes(UTF_8);
    List<Integer> ids = new ArrayList<>();
    TraceeReader.builder().requireEventFields(false).build().read(input, 2, input.length - 4, e -> ids.add(e.eventId()));
    assertEquals(List.of(1, 2), ids);
  }
}
