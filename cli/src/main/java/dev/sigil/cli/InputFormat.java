package dev.sigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the input's lines hold ({@code --input-format}): Tracee's JSON lines themselves, or
 * Tracee's standard output as a container runtime logged it, or {@code auto} to tell from the
 * first non-blank line.
 */
enum InputFormat {
  /** Decides from the first non-blank line. */
  AUTO,
  /** One Tracee event per line ({@code tracee --output json}). */
  TRACEE,
  /**
   * Docker's json-file log driver: {@code {"log":"<line>\n","stream":"stdout","time":"..."}}, a
   * long line split into entries whose {@code log} does not end with a newline.
   */
  DOCKER_JSON,
  /**
   * The CRI log format of containerd and CRI-O (Kubernetes' {@code /var/log/pods}):
   * {@code <RFC3339Nano time> <stream> <P|F> <line>}, where {@code P} marks a partial line
   * joined with the next.
   */
  CRI;

  /** How far auto-detection looks into the first non-blank line. */
  static final int DETECTION_BYTES = 64 * 1024;
  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final Pattern CRI_LINE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}) (stdout|stderr) [A-Z](:\\S*)?( .*)?");
  private static final JsonFactory JSON = new JsonFactory();

  /** The name as the option spells it: {@code docker-json}. */
  String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads an option value.
   *
   * @param value e.g. {@code docker-json}
   * @return the format
   * @throws IllegalArgumentException when it names none
   */
  static InputFormat of(String value) {
    for (InputFormat format : values()) {
      if (format.optionName().equalsIgnoreCase(value.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not an input format (auto, tracee,"
        + " docker-json, cri)");
  }

  /**
   * Skips a UTF-8 byte order mark at the start of the input (some editors and Windows tools
   * write one; it would cost the first line).
   *
   * @param in a stream supporting mark and reset, at its start
   * @throws IOException when reading fails
   */
  static void skipByteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(BOM.length);
    // One byte first: a person typing at a terminal must not have to type three to start.
    int first = in.read();
    if (first != (BOM[0] & 0xff) || in.read() != (BOM[1] & 0xff) || in.read() != (BOM[2] & 0xff)) {
      in.reset();
    }
  }

  /**
   * Tells the format from the first non-blank line, without consuming anything: a JSON object
   * with a {@code log} field before any {@code eventName} is Docker's; a line starting with an
   * RFC 3339 time, a stream name and a tag is CRI; anything else is read as Tracee's (and what
   * is not Tracee's is then rejected line by line). Reads only until that line has ended (or
   * {@value #DETECTION_BYTES} bytes), so a live pipe is not held up.
   *
   * @param in a stream supporting mark and reset
   * @return the format; never {@link #AUTO}
   * @throws IOException when reading fails
   */
  static InputFormat detect(BufferedInputStream in) throws IOException {
    in.mark(DETECTION_BYTES);
    byte[] head = new byte[DETECTION_BYTES];
    int length = 0;
    int start = -1; // first byte of the first non-blank line, once seen
    int end = -1; // its newline, once seen
    while (end < 0 && length < head.length) {
      int n = in.read(head, length, head.length - length);
      if (n < 0) {
        break;
      }
      for (int i = length; i < length + n && end < 0; i++) {
        byte b = head[i];
        if (start < 0 && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          start = i;
        } else if (start >= 0 && b == '\n') {
          end = i;
        }
      }
      length += n;
    }
    in.reset();
    if (start < 0) {
      return TRACEE;
    }
    if (end < 0) {
      end = length;
    }
    if (head[start] == '{') {
      return hasLogFieldFirst(head, start, end) ? DOCKER_JSON : TRACEE;
    }
    String line = new String(head, start, Math.min(end - start, 256), StandardCharsets.UTF_8);
    return CRI_LINE.matcher(line).lookingAt() ? CRI : TRACEE;
  }

  private static boolean hasLogFieldFirst(byte[] bytes, int start, int end) {
    try (JsonParser parser = JSON.createParser(bytes, start, end - start)) {
      parser.nextToken();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (name.equals("eventName") || name.equals("timestamp")) {
          return false;
        }
        if (name.equals("log")) {
          return parser.nextToken() == JsonToken.VALUE_STRING;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false; // not JSON, or cut short by the detection limit before a "log" field
    }
  }

}
