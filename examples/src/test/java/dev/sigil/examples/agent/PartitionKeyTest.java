package dev.sigil.examples.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {
  private static int hash(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return PartitionKey.hostHash(bytes, 0, bytes.length);
  }

  private static int partition(String line, int partitions) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return PartitionKey.partition(bytes, 0, bytes.length, partitions);
  }

  @Test
  void linesOfOneHostHashAlikeWhateverElseTheyHold() {
    assertEquals(hash("{\"timestamp\":1,\"hostName\":\"node-1\",\"eventName\":\"a\"}"),
        hash("{\"hostName\":\"node-1\",\"args\":[{\"name\":\"x\",\"value\":2}]}"));
    assertEquals(hash("{\"hostName\":\"node-1\"}"), hash("{\"hostName\" :  \"node-1\"}"),
        "spaces around the colon do not matter");
  }

  @Test
  void differentHostsHashApart() {
    assertNotEquals(hash("{\"hostName\":\"node-1\"}"), hash("{\"hostName\":\"node-2\"}"));
    assertNotEquals(hash("{\"hostName\":\"node-1\"}"), hash("{\"hostName\":\"node-10\"}"));
  }

  @Test
  void anEscapedQuoteIsPartOfTheName() {
    assertNotEquals(hash("{\"hostName\":\"a\\\"b\"}"), hash("{\"hostName\":\"a\"}"));
  }

  @Test
  void aLineWithoutAHostNameHashesAsTheEmptyHost() {
    int empty = hash("{\"hostName\":\"\"}");
    assertEquals(empty, hash("{\"eventName\":\"x\"}"));
    assertEquals(empty, hash("not json at all"));
    assertEquals(empty, hash("{\"hostName\":42}"));
    assertEquals(empty, hash("{\"hostName\""));
    assertEquals(empty, hash(""));
  }

  @Test
  void aTruncatedNameStillHashesWithoutFailing() {
    assertNotEquals(hash("{\"hostName\":\"\"}"), hash("{\"hostName\":\"node"));
  }

  @Test
  void partitionsStayInRangeAndManyHostsSpreadOverAll() {
    Set<Integer> used = new HashSet<>();
    for (int host = 0; host < 200; host++) {
      int p = partition("{\"hostName\":\"host-" + host + "\"}", 4);
      assertTrue(p >= 0 && p < 4, "partition " + p);
      used.add(p);
    }
    assertEquals(Set.of(0, 1, 2, 3), used);
    assertEquals(0, partition("{\"hostName\":\"any\"}", 1));
  }

  @Test
  void onlyTheRangeGivenIsRead() {
    byte[] bytes = "{\"hostName\":\"a\"}\n{\"hostName\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    int second = "{\"hostName\":\"a\"}\n".length();
    assertEquals(hash("{\"hostName\":\"b\"}"), PartitionKey.hostHash(bytes, second, bytes.length));
    assertEquals(hash("{\"hostName\":\"a\"}"), PartitionKey.hostHash(bytes, 0, second - 1));
  }
}
