package dev.sigil.signatures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the demo lines in tests (objects, arrays, strings with simple escapes,
 * integers, booleans, null): the signatures module does not depend on a JSON library.
 */
final class MiniJson {
  private final String text;
  private int at;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson json = new MiniJson(text);
    Object value = json.value();
    json.space();
    if (json.at != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + json.at);
    }
    return value;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private Object value() {
    space();
    char c = text.charAt(at);
    if (c == '{') {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      space();
      if (text.charAt(at) == '}') {
        at++;
        return object;
      }
      do {
        space();
        String key = string();
        space();
        expect(':');
        object.put(key, value());
        space();
      } while (text.charAt(at++) == ',');
      return object;
    }
    if (c == '[') {
      List<Object> array = new ArrayList<>();
      at++;
      space();
      if (text.charAt(at) == ']') {
        at++;
        return array;
      }
      do {
        array.add(value());
        space();
      } while (text.charAt(at++) == ',');
      return array;
    }
    if (c == '"') {
      return string();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    int start = at;
    while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
      at++;
    }
    return Long.parseLong(text.substring(start, at));
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
      if (c == '\\') {
        char e = text.charAt(at++);
        out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u'
            ? (char) Integer.parseInt(text.substring(at, at += 4), 16) : e);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void expect(char c) {
    if (text.charAt(at++) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1));
    }
  }
}
