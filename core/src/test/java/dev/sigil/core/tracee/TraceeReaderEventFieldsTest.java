package dev.sigil.core.tracee;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON that is not Tracee's must not pass for events that no signature selects: a container
 * log wrapper, another tool's output or {@code {}} is rejected, so that a scan of the wrong
 * input never looks clean.
 */
class TraceeReaderEventFieldsTest {
  private static final String EVENT = "{\"timestamp\":1700000000000000000,\"eventName\":\"openat\"}";

  @Test
  void emptyObjectIsNoTraceeEvent() throws IOException {
    List<Rejection> rejections = new ArrayList<>();

    ReaderStats stats = read("{}\n", TraceeReader.builder().onRejection(rejections::add));

    assertEquals(0, stats.events());
    assertEquals(1, stats.rejected());
    assertEquals(List.of(new Rejection(1, 0, "not a Tracee event: no eventName")), rejections);
  }

  @Test
  void dockerLogWrapperIsNoTraceeEvent() throws IOException {
    String wrapped = "{\"log\":\"" + EVENT.replace("\"", "\\\"") + "\\n\",\"stream\":\"stdout\","
        + "\"time\":\"2025-11-23T12:00:00.000000001Z\"}";
    List<Rejection> rejections = new ArrayList<>();

    ReaderStats stats = read(wrapped + "\n" + EVENT + "\n",
        TraceeReader.builder().onRejection(rejections::add));

    assertEquals(1, stats.events());
    assertEquals(List.of(new Rejection(1, 0, "not a Tracee event: no eventName")), rejections);
  }

  @Test
  void eventWithoutTimestampOrWithZeroIsRejected() throws IOException {
    List<String> reasons = new ArrayList<>();

    read("{\"eventName\":\"openat\"}\n{\"timestamp\":0,\"eventName\":\"openat\"}\n"
        + "{\"timestamp\":5,\"eventName\":\"\"}\n", TraceeReader.builder().onRejection(r -> reasons.add(r.reason())));

    assertEquals(List.of("not a Tracee event: no timestamp", "not a Tracee event: no timestamp",
        "not a Tracee event: no eventName"), reasons);
  }

  @Test
  void unknownKeysInTheSmallObjectsAreSkippedWithoutTouchingOtherFields() throws IOException {
    String line = "{\"timestamp\":1,\"eventName\":\"openat\","
        + "\"container\":{\"id\":\"c1\",\"name\":\"n\",\"image\":\"i\",\"imageDigest\":\"d\"},"
        + "\"kubernetes\":{\"podName\":\"p\",\"podNamespaceX\":\"ns\",\"podUID\":\"u\"},"
        + "\"contextFlags\":{\"other\":true,\"containerStarted\":true},"
        + "\"executable\":{\"unknown\":\"x\",\"path\":\"/bin/sh\"}}\n";
    List<String> fields = new ArrayList<>();

    TraceeReader.builder().build().read(line.getBytes(UTF_8), 0, line.length(), event -> fields.add(
        event.containerId() + "|" + event.containerName() + "|" + event.containerImage() + "|"
            + event.containerImageDigest() + "|" + event.podName() + "|" + event.podNamespace()
            + "|" + event.podUid() + "|" + event.containerStarted() + "|" + event.isCompat() + "|"
            + event.executablePath()));

    assertEquals(List.of("c1|n|i|d|p||u|true|false|/bin/sh"), fields);
  }

  @Test
  void eventWithBothIsKeptAndTheCountsAddUp() throws IOException {
    ReaderStats stats = read(EVENT + "\n{}\n\n" + EVENT, TraceeReader.builder());

    assertEquals(2, stats.events());
    assertEquals(1, stats.rejected());
    assertEquals(stats.linesRead() - stats.blankLines(), stats.events() + stats.rejected());
  }

  @Test
  void byteRangeReadsRejectAlike() {
    byte[] bytes = "{}\n".getBytes(UTF_8);
    List<Rejection> rejections = new ArrayList<>();
    TraceeReader reader = TraceeReader.builder().onRejection(rejections::add).build();

    reader.read(bytes, 0, bytes.length, e -> { });

    assertEquals(1, rejections.size());
  }

  @Test
  void requirementCanBeTurnedOffForFragments() throws IOException {
    ReaderStats stats = read("{}\n{\"eventName\":\"openat\"}\n",
        TraceeReader.builder().requireEventFields(false));

    assertEquals(2, stats.events());
    assertEquals(0, stats.rejected());
  }

  private static ReaderStats read(String text, TraceeReader.Builder builder) throws IOException {
    TraceeReader reader = builder.build();
    reader.read(new ByteArrayInputStream(text.getBytes(UTF_8)), e -> { });
    return reader.stats();
  }
}
