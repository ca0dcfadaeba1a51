package dev.sigil.cli;

import dev.sigil.core.FindingWriter;
import dev.sigil.core.output.FindingFormat;
import java.io.OutputStream;

/**
 * How {@code sigil scan} writes findings ({@code --format}): core's JSON formats
 * ({@link FindingFormat}), text for people, and {@code auto}, which picks between them. Every
 * format writes one finding per line and flushes it at once, so a pipe alerts live.
 */
enum OutputFormat {
  /** Text for a person on a terminal, JSON (Tracee's) for everything else: pipes, files, scripts. */
  AUTO(null),

  /** One line per finding for a person: time, severity, id, name, where, process, data. */
  TEXT(null),

  /** Tracee's finding-event JSON, one object per line, as {@code tracee} itself prints them. */
  TRACEE(FindingFormat.TRACEE),

  /** OCSF 1.3.0 Detection Findings (class 2004), one per line, for SIEMs and data lakes. */
  OCSF(FindingFormat.OCSF);

  private final FindingFormat json;

  OutputFormat(FindingFormat json) {
    this.json = json;
  }

  /**
   * Resolves {@link #AUTO}: text when standard output is a terminal, else Tracee JSON, so that
   * pipes and scripts get what they always got.
   *
   * @param stdoutIsTerminal whether standard output is a terminal
   * @return this format, or what auto stands for
   */
  OutputFormat resolve(boolean stdoutIsTerminal) {
    if (this != AUTO) {
      return this;
    }
    return stdoutIsTerminal ? TEXT : TRACEE;
  }

  /**
   * Starts writing findings, each flushed at once.
   *
   * @param out where to write; flushed by the writer's {@code close}, never closed by it
   * @param colour whether a text format may colour (a terminal, no {@code NO_COLOR})
   * @return the writer
   * @throws IllegalStateException for {@link #AUTO}, which is resolved first
   */
  FindingWriter open(OutputStream out, boolean colour) {
    if (this == AUTO) {
      throw new IllegalStateException("resolve auto first");
    }
    return json != null ? json.open(out, true) : new TextFindingWriter(out, colour);
  }
}
