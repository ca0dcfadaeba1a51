package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventModelTest {
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey DEV = ArgKey.of("dev");
  private static final ArgKey ARGV = ArgKey.of("argv");
  private static final ArgKey FROM_KERNEL = ArgKey.of("invoked_from_kernel");

  @Test
  void derivesOriginAsTraceeDoes() {
    assertEquals(Origin.CONTAINER, Origin.of(true, true));
    assertEquals(Origin.CONTAINER, Origin.of(true, false));
    assertEquals(Origin.CONTAINER_INIT, Origin.of(false, true));
    assertEquals(Origin.HOST, Origin.of(false, false));
  }

  @Test
  void anEventWithAContainerIdThatHasNotStartedIsContainerInit() {
    Event event = EventBuilder.event("openat").containerId("abc").build();

    assertEquals(Origin.CONTAINER_INIT, event.origin());
  }

  @Test
  void readsTypedArgumentsByKey() {
    Event event = EventBuilder.event("magic_write")
        .arg("pathname", "/bin/x")
        .arg("bytes", new byte[] {1, 2, 3})
        .arg("dev", 259L)
        .arg("argv", List.of("sh", "-c", "id"))
        .arg("invoked_from_kernel", "int", 1L)
        .build();

    assertTrue(Text.contentEquals("/bin/x", event.string(PATHNAME)));
    assertArrayEquals(new byte[] {1, 2, 3}, event.bytes(BYTES).toByteArray());
    assertEquals(259, event.longValue(DEV, -1));
    assertEquals(List.of("sh", "-c", "id"), event.strings(ARGV).toList());
    assertTrue(event.bool(FROM_KERNEL, false), "an int 1 reads as true");
  }

  @Test
  void anArgumentOfAnotherKindReadsAsAbsent() {
    Event event = EventBuilder.event("magic_write").arg("pathname", 7L).arg("dev", "x").build();

    assertNull(event.string(PATHNAME));
    assertEquals(-1, event.longValue(DEV, -1));
    assertNull(event.bytes(PATHNAME));
    assertNull(event.strings(PATHNAME));
    assertFalse(event.bool(DEV, false));
  }

  @Test
  void anUndecodableArgumentReadsAsAbsent() {
    Event event = EventBuilder.event("magic_write").invalidArg("bytes", "[]byte").build();

    assertNull(event.bytes(BYTES));
    assertEquals(ArgKind.INVALID, event.argKind(0));
  }

  @Test
  void aMissingArgumentReadsAsAbsent() {
    Event event = EventBuilder.event("magic_write").build();

    assertEquals(-1, event.argIndex(PATHNAME));
    assertNull(event.string(PATHNAME));
    assertEquals(5, event.longValue(DEV, 5));
  }

  @Test
  void absentContextTextReadsAsEmpty() {
    Event event = EventBuilder.event("openat").build();

    assertEquals(0, event.containerId().length());
    assertEquals(0, event.hostName().length());
  }

  @Test
  void internsEventNamesToTypes() {
    Event event = EventBuilder.event("magic_write").build();

    assertSame(EventType.of("magic_write"), event.type());
    assertEquals("magic_write", event.type().name());
  }

  @Test
  void rejectsWildcardAndEmptyEventTypeNames() {
    assertThrows(IllegalArgumentException.class, () -> EventType.of("*"));
    assertThrows(IllegalArgumentException.class, () -> EventType.of(""));
  }

  @Test
  void aCopyIsSelfContainedAndEqualInContent() {
    Event event = EventBuilder.event("magic_write").origin(Origin.CONTAINER).hostName("node")
        .timestamp(99).pids(1, 2, 3).hostPids(10, 20, 2)
        .arg("pathname", "/bin/x").arg("bytes", new byte[] {9}).arg("argv", List.of("a"))
        .build();

    EventSnapshot copy = event.copy();

    assertNotSame(event, copy);
    assertSame(copy, copy.copy());
    assertEquals("node", copy.hostName());
    assertEquals(99, copy.timestamp());
    assertEquals(2, copy.hostParentProcessId());
    assertEquals(Origin.CONTAINER, copy.origin());
    assertEquals("/bin/x", copy.string(PATHNAME));
    assertArrayEquals(new byte[] {9}, copy.bytes(BYTES).toByteArray());
    assertEquals(List.of("a"), copy.strings(ARGV).toList());
    assertEquals("string", copy.argType(0));
    assertEquals(event.type(), copy.type());
  }

  @Test
  void aSnapshotsBytesCannotBeChangedThroughItsView() {
    EventSnapshot copy = EventBuilder.event("magic_write").arg("bytes", new byte[] {1}).build().copy();

    copy.bytes(BYTES).toByteArray()[0] = 7;

    assertEquals(1, copy.bytes(BYTES).byteAt(0));
  }

  @Test
  void viewsThrowOutsideTheirBounds() {
    Event event = EventBuilder.event("magic_write").arg("pathname", "ab").arg("bytes", new byte[] {1}).build();

    assertThrows(IndexOutOfBoundsException.class, () -> event.string(PATHNAME).charAt(2));
    assertThrows(IndexOutOfBoundsException.class, () -> event.bytes(BYTES).byteAt(1));
    assertThrows(IndexOutOfBoundsException.class, () -> event.argName(5));
  }

  @Test
  void parsesTraceeSelectorSpelling() {
    assertEquals(Selector.any(), Selector.parse("*", ""));
    assertEquals(Selector.of("magic_write", Origin.CONTAINER_INIT), Selector.parse("magic_write", "container-init"));
    assertThrows(IllegalArgumentException.class, () -> Selector.parse("x", "pod"));
    assertThrows(IllegalArgumentException.class, () -> Selector.event("*"));
  }

  @Test
  void validatesMetadataAndTraceeSeverities() {
    assertThrows(IllegalArgumentException.class, () -> SignatureMetadata.builder(" ").build());
    assertThrows(IllegalArgumentException.class,
        () -> SignatureMetadata.builder("X-1").traceeEventId(5999).build(), "below Tracee's signature events");
    assertThrows(IllegalArgumentException.class,
        () -> SignatureMetadata.builder("X-1").traceeEventId(7000).build(), "above Tracee's signature events");
    assertThrows(IllegalArgumentException.class,
        () -> SignatureMetadata.builder("X-1").extraProperties(Map.of("Severity", 4)).build(),
        "a standard property is set with its own method");
    assertEquals(0, SignatureMetadata.builder("X-1").build().traceeEventId());
    assertEquals(6029, SignatureMetadata.builder("X-1").traceeEventId(6029).build().toBuilder().build()
        .traceeEventId());
    assertEquals(Severity.HIGH, Severity.fromTraceeValue(3));
    assertThrows(IllegalArgumentException.class, () -> Severity.fromTraceeValue(5));
  }

  @Test
  void textHelpersCompareViewsWithoutCaringAboutTheirClass() {
    Event event = EventBuilder.event("x").arg("pathname", "/usr/bin/bash").build();
    CharSequence path = event.string(PATHNAME);

    assertTrue(Text.contentEquals(path, "/usr/bin/bash"));
    assertTrue(Text.startsWith(path, "/usr/"));
    assertTrue(Text.endsWith(path, "bash"));
    assertTrue(Text.basenameEquals(path, "bash"));
    assertFalse(Text.basenameEquals(path, "ash"));
    assertEquals(8, Text.lastIndexOf(path, '/'));
    assertEquals(5, Text.indexOf(path, "bin", 0));
    assertFalse(Text.regionMatches(path, -1, "/"));
  }
}
