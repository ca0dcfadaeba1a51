package dev.sigil.core.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a structured argument, parsed from its raw JSON on demand: an object's fields,
 * or the fields of each object in a list. Storage is kept and re-used, so parsing the same
 * shapes again allocates nothing.
 *
 * <p>Only what signatures ask for is kept: for every field its name and its value as text
 * (strings unescaped; numbers, booleans and nested values as their JSON text; null marked).
 * Malformed JSON parses as neither an object nor a list.
 */
public final class JsonFields {
  private static final int NOT_A_LIST = -1;

  private int entries;
  private int[] entryElement = new int[0];
  private TextSlot[] names = new TextSlot[0];
  private TextSlot[] values = new TextSlot[0];
  private boolean[] nulls = new boolean[0];
  private boolean object;
  private int elements = NOT_A_LIST;

  private CharSequence json = "";
  private int pos;

  /**
   * Parses a JSON value, replacing what was parsed before.
   *
   * @param text the raw JSON
   */
  public void parse(CharSequence text) {
    entries = 0;
    object = false;
    elements = NOT_A_LIST;
    json = text;
    pos = 0;
    try {
      skipSpace();
      if (peek() == '{') {
        object = parseObject(-1);
      } else if (peek() == '[') {
        elements = parseList();
      }
      skipSpace();
      if (pos != json.length()) {
        object = false;
        elements = NOT_A_LIST;
      }
    } catch (Malformed e) {
      object = false;
      elements = NOT_A_LIST;
    } finally {
      json = "";
    }
  }

  /**
   * Returns how many elements the parsed list holds.
   *
   * @return the count, or -1 when the value was not a well-formed list
   */
  public int elementCount() {
    return elements;
  }

  /**
   * Returns a field of the parsed object.
   *
   * @param name the field's name
   * @return its value as text, or null when absent, JSON null, or the value is not an object
   */
  public @Nullable CharSequence field(String name) {
    return object ? find(-1, name) : null;
  }

  /**
   * Returns a field of one object of the parsed list.
   *
   * @param element the element
   * @param name the field's name
   * @return its value as text, or null when absent, JSON null, or not an object in a list
   */
  public @Nullable CharSequence field(int element, String name) {
    return element >= 0 && element < elements ? find(element, name) : null;
  }

  private @Nullable CharSequence find(int element, String name) {
    for (int i = 0; i < entries; i++) {
      if (entryElement[i] == element && !nulls[i] && contentEquals(names[i], name)) {
        return values[i];
      }
    }
    return null;
  }

  private static boolean contentEquals(TextSlot slot, String name) {
    if (slot.length() != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (slot.charAt(i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int parseList() {
    int count = 0;
    if (open(']')) {
      do {
        skipSpace();
        if (peek() == '{') {
          parseObject(count);
        } else {
          skipValue();
        }
        count++;
      } while (another(']'));
    }
    return count;
  }

  private boolean parseObject(int element) {
    if (open('}')) {
      do {
        skipSpace();
        int entry = newEntry(element);
        readString(names[entry]);
        skipSpace();
        if (next() != ':') {
          throw Malformed.INSTANCE;
        }
        skipSpace();
        char c = peek();
        if (c == '"') {
          readString(values[entry]);
        } else {
          int start = pos;
          skipValue();
          nulls[entry] = pos - start == 4 && regionIs(start, "null");
          values[entry].clear();
          for (int i = start; i < pos; i++) {
            values[entry].append(json.charAt(i));
          }
        }
      } while (another('}'));
    }
    return true;
  }

  /**
   * At an object's or a list's opening bracket: moves past it and returns true, or, when the
   * container is empty, past its closing bracket and returns false.
   */
  private boolean open(char close) {
    pos++;
    skipSpace();
    if (peek() == close) {
      pos++;
      return false;
    }
    return true;
  }

  /**
   * After a member or an element: moves past the comma and returns true, or past the closing
   * bracket and returns false.
   */
  private boolean another(char close) {
    skipSpace();
    char c = next();
    if (c == close) {
      return false;
    }
    if (c != ',') {
      throw Malformed.INSTANCE;
    }
    return true;
  }

  private int newEntry(int element) {
    if (entries == names.length) {
      int capacity = Math.max(8, entries * 2);
      entryElement = Arrays.copyOf(entryElement, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
      names = Arrays.copyOf(names, capacity);
      values = Arrays.copyOf(values, capacity);
      for (int i = entries; i < capacity; i++) {
        names[i] = new TextSlot(16);
        values[i] = new TextSlot(32);
      }
    }
    int entry = entries++;
    entryElement[entry] = element;
    nulls[entry] = false;
    return entry;
  }

  private boolean regionIs(int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (json.charAt(start + i) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void readString(TextSlot out) {
    if (next() != '"') {
      throw Malformed.INSTANCE;
    }
    out.clear();
    while (true) {
      char c = next();
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> out.append((char) hex4());
          default -> throw Malformed.INSTANCE;
        }
      } else if (c < 0x20) {
        throw Malformed.INSTANCE;
      } else {
        out.append(c);
      }
    }
  }

  private int hex4() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(next(), 16);
      if (digit < 0) {
        throw Malformed.INSTANCE;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** Skips one value of any kind, checking only what the skip needs to stay in step. */
  private void skipValue() {
    char c = peek();
    if (c == '"') {
      pos++;
      while (true) {
        char s = next();
        if (s == '\\') {
          next();
        } else if (s == '"') {
          return;
        }
      }
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      do {
        char s = next();
        if (s == '"') {
          pos--;
          skipValue();
        } else if (s == '{' || s == '[') {
          depth++;
        } else if (s == '}' || s == ']') {
          depth--;
        }
      } while (depth > 0);
      return;
    }
    int start = pos;
    while (pos < json.length()) {
      char s = json.charAt(pos);
      if (s == ',' || s == '}' || s == ']' || s == ' ' || s == '\t' || s == '\n' || s == '\r') {
        break;
      }
      pos++;
    }
    if (pos == start) {
      throw Malformed.INSTANCE;
    }
  }

  private void skipSpace() {
    while (pos < json.length()) {
      char c = json.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    if (pos >= json.length()) {
      throw Malformed.INSTANCE;
    }
    return json.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  /** Ends a parse of malformed input; stack-less, so hostile input costs no stack walks. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Malformed INSTANCE = new Malformed();

    private Malformed() {
      super("malformed JSON", null, false, false);
    }
  }
}
