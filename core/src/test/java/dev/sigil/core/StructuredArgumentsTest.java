package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sigil.core.testing.EventBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredArgumentsTest {
  private static final ArgKey REMOTE_ADDR = ArgKey.of("remote_addr");
  private static final ArgKey HOOKED = ArgKey.of("hooked_fops_pointers");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey ARGV = ArgKey.of("argv");

  private static Event withRawJson(String name, String json) {
    return EventBuilder.event("security_socket_connect").rawJsonArg(name, "struct sockaddr*", json).build();
  }

  private static String text(CharSequence value) {
    return value == null ? null : value.toString();
  }

  @Test
  void readsTheFieldsOfAnIpv4Address() {
    Event e = EventBuilder.event("security_socket_connect")
        .arg("remote_addr", Map.of("sa_family", "AF_INET", "sin_addr", "10.0.0.1", "sin_port", "53"))
        .build();
    assertEquals("AF_INET", text(e.field(REMOTE_ADDR, "sa_family")));
    assertEquals("10.0.0.1", text(e.field(REMOTE_ADDR, "sin_addr")));
    assertEquals("53", text(e.field(REMOTE_ADDR, "sin_port")));
    assertNull(e.field(REMOTE_ADDR, "sin6_addr"));
  }

  @Test
  void keepsEveryFieldViewValidUntilTheNextEvent() {
    Event e = withRawJson("remote_addr", "{\"sa_family\":\"AF_INET6\",\"sin6_addr\":\"::1\",\"sin6_port\":\"443\"}");
    CharSequence family = e.field(REMOTE_ADDR, "sa_family");
    CharSequence address = e.field(REMOTE_ADDR, "sin6_addr");
    e.field(REMOTE_ADDR, "sin6_port");
    assertEquals("AF_INET6", text(family));
    assertEquals("::1", text(address));
  }

  @Test
  void unescapesStringsAndGivesOtherValuesAsTheirJsonText() {
    Event e = withRawJson("remote_addr",
        "{ \"sun_path\" : \"/run/a\\\"b\\\\c\\u0041\", \"port\": 53, \"ok\": true,"
            + " \"gone\": null, \"nested\": {\"a\": [1, \"}\"]} }");
    assertEquals("/run/a\"b\\cA", text(e.field(REMOTE_ADDR, "sun_path")));
    assertEquals("53", text(e.field(REMOTE_ADDR, "port")));
    assertEquals("true", text(e.field(REMOTE_ADDR, "ok")));
    assertNull(e.field(REMOTE_ADDR, "gone"), "JSON null reads as absent");
    assertEquals("{\"a\": [1, \"}\"]}", text(e.field(REMOTE_ADDR, "nested")));
  }

  @Test
  void readsTheFieldsOfEveryObjectInAList() {
    Map<String, String> first = new LinkedHashMap<>();
    first.put("SymbolName", "iterate_shared");
    first.put("ModuleOwner", "rootkit");
    Event e = EventBuilder.event("hooked_proc_fops")
        .arg("hooked_fops_pointers", List.of(first, Map.of("SymbolName", "read", "ModuleOwner", "evil")))
        .build();
    assertEquals(2, e.elementCount(HOOKED));
    assertEquals("iterate_shared", text(e.field(HOOKED, 0, "SymbolName")));
    assertEquals("rootkit", text(e.field(HOOKED, 0, "ModuleOwner")));
    assertEquals("read", text(e.field(HOOKED, 1, "SymbolName")));
    assertEquals("evil", text(e.field(HOOKED, 1, "ModuleOwner")));
    assertNull(e.field(HOOKED, 2, "SymbolName"));
    assertNull(e.field(HOOKED, -1, "SymbolName"));
    assertNull(e.field(HOOKED, "SymbolName"), "a list is not an object");
  }

  @Test
  void countsElementsOfListsThatHoldOtherValues() {
    Event e = withRawJson("hooked_fops_pointers", "[{\"SymbolName\":\"a\"}, 7, \"x\", [1,2], {}]");
    assertEquals(5, e.elementCount(HOOKED));
    assertEquals("a", text(e.field(HOOKED, 0, "SymbolName")));
    assertNull(e.field(HOOKED, 1, "SymbolName"));
    assertEquals(0, withRawJson("hooked_fops_pointers", "[]").elementCount(HOOKED));
  }

  @Test
  void countsTheElementsOfAStringList() {
    Event e = EventBuilder.event("sched_process_exec").arg("argv", List.of("sh", "-c", "id")).build();
    assertEquals(3, e.elementCount(ARGV));
  }

  @Test
  void readsMalformedOrOtherKindsOfValuesAsAbsent() {
    for (String bad : new String[] {"{\"a\":", "{\"a\" 1}", "[{\"a\":1}", "{\"a\":1}}", "{\"a\":\"\\x\"}", "{a:1}"}) {
      Event e = withRawJson("remote_addr", bad);
      assertNull(e.field(REMOTE_ADDR, "a"), bad);
      assertEquals(-1, e.elementCount(REMOTE_ADDR), bad);
    }
    Event e = EventBuilder.event("security_file_open").arg("pathname", "/etc/passwd").build();
    assertNull(e.field(PATHNAME, "a"));
    assertEquals(-1, e.elementCount(PATHNAME));
    assertNull(e.field(REMOTE_ADDR, "a"), "an absent argument");
    assertEquals(-1, e.elementCount(REMOTE_ADDR));
  }

  @Test
  void aSnapshotReadsTheSameFields() {
    Event e = withRawJson("hooked_fops_pointers", "[{\"SymbolName\":\"a\",\"ModuleOwner\":\"m\"}]");
    Event copy = e.copy();
    assertEquals(1, copy.elementCount(HOOKED));
    assertEquals("m", text(copy.field(HOOKED, 0, "ModuleOwner")));
    Event address = withRawJson("remote_addr", "{\"sin_addr\":\"1.2.3.4\"}").copy();
    assertEquals("1.2.3.4", text(address.field(REMOTE_ADDR, "sin_addr")));
  }

  @Test
  void keyAndIndexAccessorsAgree() {
    Event e = EventBuilder.event("x").arg("n", 5L).arg("b", true).arg("s", "t")
        .rawJsonArg("j", "object", "{\"k\":\"v\"}").build();
    for (Event event : List.of(e, e.copy())) {
      assertEquals(event.longValue(ArgKey.of("n"), -1), event.longAt(0, -1));
      assertEquals(-1, event.longAt(1, -1), "a boolean is not an integer");
      assertEquals(event.bool(ArgKey.of("b"), false), event.boolAt(1, false));
      assertEquals(true, event.boolAt(0, false), "a non-zero integer reads as true");
      assertEquals("t", text(event.stringAt(2)));
      assertEquals(text(event.rawJson(ArgKey.of("j"))), text(event.rawJson(3)));
      assertEquals("v", text(event.fieldAt(3, "k")));
    }
  }
}
