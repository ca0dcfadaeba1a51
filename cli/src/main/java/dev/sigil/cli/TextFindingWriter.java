package dev.sigil.cli;

import dev.sigil.core.EventSnapshot;
import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code --format text}: one line per finding, for a person at a terminal: event time (UTC),
 * severity, id, name, where it happened (the host, or the container, its image and pod),
 * the process, and the finding's data ({@code path=...}). Severity is coloured when asked
 * (a terminal without {@code NO_COLOR}); text from the event is escaped
 * ({@link Terminal#escape}), so an event cannot move the cursor or change colours. Each line is
 * flushed at once; the stream stays the caller's.
 */
final class TextFindingWriter implements FindingWriter {
  /** Longest value shown of one data field; the rest is cut with an ellipsis. */
  static final int MAX_VALUE_CHARS = 200;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String RESET = "\u001b[0m";

  private final OutputStream out;
  private final boolean colour;
  private boolean closed;

  TextFindingWriter(OutputStream out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  @Override
  public synchronized void onFinding(Finding finding) {
    if (closed) {
      throw new IllegalStateException("the text finding writer is closed");
    }
    try {
      out.write((format(finding, colour) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a finding of " + finding.metadata().id() + " failed", e);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes; the stream stays open, as with every {@link FindingWriter}. */
  @Override
  public synchronized void close() {
    closed = true;
    flush();
  }

  /**
   * Renders one finding as one line, without a line break.
   *
   * @param finding the finding
   * @param colour whether to colour the severity
   * @return the line
   */
  static String format(Finding finding, boolean colour) {
    EventSnapshot event = finding.event();
    StringBuilder line = new StringBuilder(160);
    long nanos = finding.eventTime();
    line.append(TIME.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L))));
    String severity = String.format(Locale.ROOT, "%-8s", finding.severity().name());
    line.append("  ");
    if (colour) {
      line.append(colourOf(finding.severity())).append(severity.strip()).append(RESET)
          .append(severity.substring(severity.strip().length()));
    } else {
      line.append(severity);
    }
    line.append("  ").append(safe(finding.metadata().id()))
        .append("  ").append(safe(finding.metadata().name()));
    line.append("  ").append(where(event));
    if (!event.processName().isEmpty() || event.hostProcessId() != 0) {
      line.append("  process ").append(safe(event.processName()))
          .append('[').append(event.hostProcessId()).append(']');
    }
    for (Map.Entry<String, Object> e : finding.data().entrySet()) {
      line.append("  ").append(safe(e.getKey())).append('=').append(value(e.getValue()));
    }
    return line.toString();
  }

  private static String where(EventSnapshot event) {
    boolean container = !event.containerId().isEmpty() || !event.containerName().isEmpty();
    if (!container) {
      return "host " + orDash(event.hostName());
    }
    StringBuilder where = new StringBuilder("container ");
    where.append(safe(event.containerName().isEmpty() ? shortId(event.containerId()) : event.containerName()));
    if (!event.containerImage().isEmpty()) {
      where.append(" image ").append(safe(event.containerImage()));
    }
    if (!event.podName().isEmpty()) {
      where.append(" pod ");
      if (!event.podNamespace().isEmpty()) {
        where.append(safe(event.podNamespace())).append('/');
      }
      where.append(safe(event.podName()));
    }
    return where.toString();
  }

  private static String value(Object value) {
    String text;
    if (value instanceof Collection) {
      StringJoiner items = new StringJoiner(" ", "[", "]");
      for (Object item : (Collection<?>) value) {
        items.add(String.valueOf(item));
      }
      text = items.toString();
    } else {
      text = String.valueOf(value);
    }
    if (text.length() > MAX_VALUE_CHARS) {
      text = text.substring(0, MAX_VALUE_CHARS) + "…";
    }
    return safe(text);
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "-" : safe(text);
  }

  private static String safe(String text) {
    return Terminal.escape(text);
  }

  private static String colourOf(Severity severity) {
    switch (severity) {
      case CRITICAL:
        return "\u001b[1;97;41m";
      case HIGH:
        return "\u001b[1;31m";
      case MEDIUM:
        return "\u001b[33m";
      case LOW:
        return "\u001b[36m";
      default:
        return "\u001b[2m";
    }
  }
}
