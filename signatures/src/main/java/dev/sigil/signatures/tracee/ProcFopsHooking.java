package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.Severity;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TRC-1020, Tracee's {@code proc_fops_hooking}: the file operations of the proc file system are
 * hooked, a rootkit's way to hide processes.
 *
 * <p>Fires on a {@code hooked_proc_fops} from the {@code host} origin whose
 * {@code hooked_fops_pointers} (declared {@code []trace.HookedSymbolData}, a list of
 * {@code {"SymbolName": ..., "ModuleOwner": ...}} objects) holds at least one object. Finding
 * data: {@code Hooked proc file operations}, the list of those objects, each a map of
 * {@code SymbolName} then {@code ModuleOwner} (a missing or null field reads as {@code ""}).
 *
 * <p>As in Tracee's helper, elements that are not objects are skipped (an empty list, or a list of
 * non-objects, does not fire); a missing, null or non-list {@code hooked_fops_pointers} is a data
 * problem. Where Sigil differs: a list with skipped elements is also counted as a data problem
 * (Tracee skips them silently), and a field that is a JSON number or boolean reads as its text
 * where Tracee reads {@code ""}; Tracee itself only ever prints strings there.
 */
public final class ProcFopsHooking extends TraceeSignature {
  private static final boolean[] NO_MARKS = new boolean[0];

  /** Tracee's metadata for TRC-1020. */
  public static final SignatureMetadata METADATA = SignatureMetadata.builder("TRC-1020")
      .version("1")
      .name("File operations hooking on proc filesystem detected")
      .eventName("proc_fops_hooking")
      .traceeEventId(6027)
      .description("File operations hooking on proc filesystem detected. The proc filesystem is"
          + " an interface for the running processes as files. This allows programs like `ps` and"
          + " `top` to check what are the running processes. File operations are the functions"
          + " defined on a file or directory. File operations hooking includes replacing the"
          + " default function used to perform a basic task on files and directories like"
          + " enumerating files. By hooking the file operations of /proc an adversary gains"
          + " control on certain system function, such as file listing or other basic function"
          + " performed by the operation system. The adversary may also hijack the execution flow"
          + " and execute it's own code. File operation hooking is considered a malicious"
          + " behavior that is performed by rootkits and may indicate that the host's kernel has"
          + " been compromised. Hidden modules are marked as hidden symbol owners and indicate"
          + " further malicious activity of an adversary.")
      .severity(Severity.fromTraceeValue(3))
      .category("defense-evasion")
      .technique("Rootkit")
      .mitre("T1014", "attack-pattern--0f20e3cb-245b-4a61-8a91-2d93f7cb0e9b")
      .build();

  private static final String NOT_OBJECTS = "hooked_fops_pointers holds elements that are not objects";
  private static final ArgKey HOOKED_FOPS_POINTERS = ArgKey.of("hooked_fops_pointers");
  private static final String SYMBOL_NAME = "SymbolName";
  private static final String MODULE_OWNER = "ModuleOwner";

  /** Creates the signature. */
  public ProcFopsHooking() {
    super(METADATA, Origin.HOST, "hooked_proc_fops");
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    int index = event.argIndex(HOOKED_FOPS_POINTERS);
    if (index < 0) {
      context.dataProblem("hooked_proc_fops without hooked_fops_pointers");
      return;
    }
    int count = event.elementCountAt(index);
    if (count < 0) {
      context.dataProblem("hooked_fops_pointers is not a list");
      return;
    }
    if (count == 0) {
      return;
    }
    // A non-empty list of strings holds no object; otherwise the raw JSON tells which
    // elements are objects.
    CharSequence json = event.argKind(index) == ArgKind.JSON ? event.rawJson(index) : null;
    int objects = json == null ? 0 : countObjects(json, NO_MARKS);
    if (objects < count) {
      context.dataProblem(NOT_OBJECTS);
    }
    if (json == null || objects == 0) {
      return;
    }
    boolean[] isObject = new boolean[count];
    countObjects(json, isObject);
    List<Map<String, String>> symbols = new ArrayList<>(objects);
    for (int element = 0; element < count; element++) {
      if (isObject[element]) {
        Map<String, String> symbol = new LinkedHashMap<>();
        symbol.put(SYMBOL_NAME, text(event.fieldAt(index, element, SYMBOL_NAME)));
        symbol.put(MODULE_OWNER, text(event.fieldAt(index, element, MODULE_OWNER)));
        symbols.add(symbol);
      }
    }
    context.report(event, Map.of("Hooked proc file operations", symbols));
  }

  private static String text(@Nullable CharSequence value) {
    return value == null ? "" : value.toString();
  }

  /**
   * Counts the objects among the top-level elements of a JSON list, and marks them.
   *
   * @param json a well-formed JSON list (the event's reader checked it)
   * @param marks set true for each element that is an object, as far as the array reaches
   * @return the number of objects
   */
  static int countObjects(CharSequence json, boolean[] marks) {
    int length = json.length();
    int pos = skipSpace(json, 0);
    if (pos >= length || json.charAt(pos) != '[') {
      return 0;
    }
    pos++;
    int objects = 0;
    int element = 0;
    while (true) {
      pos = skipSpace(json, pos);
      if (pos >= length || json.charAt(pos) == ']') {
        return objects;
      }
      if (json.charAt(pos) == '{') {
        objects++;
        if (element < marks.length) {
          marks[element] = true;
        }
      }
      int next = skipValue(json, pos);
      // Malformed text (which the reader does not hand over) must not stall the scan.
      pos = skipSpace(json, next > pos ? next : pos + 1);
      if (pos < length && json.charAt(pos) == ',') {
        pos++;
      }
      element++;
    }
  }

  // Skips one JSON value: a string, a nested object or list (strings inside included), or a
  // scalar up to the next ',' or closing bracket.
  private static int skipValue(CharSequence json, int pos) {
    int length = json.length();
    int depth = 0;
    while (pos < length) {
      char c = json.charAt(pos);
      if (c == '"') {
        pos = skipString(json, pos);
        if (depth == 0) {
          return pos;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return pos;
        }
        depth--;
        if (depth == 0) {
          return pos + 1;
        }
      } else if (c == ',' && depth == 0) {
        return pos;
      }
      pos++;
    }
    return pos;
  }

  private static int skipString(CharSequence json, int pos) {
    int length = json.length();
    pos++;
    while (pos < length) {
      char c = json.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '"') {
        return pos + 1;
      } else {
        pos++;
      }
    }
    return pos;
  }

  private static int skipSpace(CharSequence json, int pos) {
    while (pos < json.length()) {
      char c = json.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return pos;
      }
      pos++;
    }
    return pos;
  }
}
