package dev.sigil.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;

/**
 * Writes strings and field names with every unpaired UTF-16 surrogate replaced by U+FFFD: a
 * Tracee string holding a lone surrogate as a JSON escape decodes to one, and the generator
 * would escape it again into JSON that strict parsers (and so SIEMs and OCSF tooling)
 * reject. Both finding writers write through it.
 */
final class WellFormedStrings extends JsonGeneratorDelegate {
  WellFormedStrings(JsonGenerator json) {
    super(json, false);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    super.writeFieldName(wellFormed(name));
  }

  @Override
  public void writeString(String text) throws IOException {
    super.writeString(text == null ? null : wellFormed(text));
  }

  @Override
  public void writeString(char[] text, int offset, int length) throws IOException {
    writeString(new String(text, offset, length));
  }

  /** Replaces every unpaired surrogate with U+FFFD; returns the string itself when it has none. */
  static String wellFormed(String s) {
    StringBuilder out = null;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int width = 1;
      boolean unpaired = false;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          width = 2;
        } else {
          unpaired = true;
        }
      } else if (Character.isLowSurrogate(c)) {
        unpaired = true;
      }
      if (unpaired && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        if (unpaired) {
          out.append('\uFFFD');
        } else {
          out.append(s, i, i + width);
        }
      }
      i += width;
    }
    return out == null ? s : out.toString();
  }
}
