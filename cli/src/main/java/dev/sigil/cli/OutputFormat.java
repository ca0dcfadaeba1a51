package dev.sigil.cli;

import dev.sigil.core.ocsf.OcsfFindingWriter;
import dev.sigil.core.tracee.TraceeFindingWriter;
import java.io.OutputStream;

/**
 * How {@code sigil scan} writes findings ({@code --format}). Every format writes one finding
 * per line and flushes it at once, so a pipe alerts live. A new format is one more constant.
 */
enum OutputFormat {
  /** Text for a person on a terminal, JSON (Tracee's) for everything else: pipes, files, scripts. */
  AUTO {
    @Override
    FindingOutput open(OutputStream out, boolean colour) {
      throw new IllegalStateException("resolve auto first");
    }
  },

  /** One line per finding for a person: time, severity, id, name, where, process, data. */
  TEXT {
    @Override
    FindingOutput open(OutputStream out, boolean colour) {
      TextFindingWriter writer = new TextFindingWriter(out, colour);
      return new FindingOutput(writer, writer);
    }
  },

  /** Tracee's finding-event JSON, one object per line, as {@code tracee} itself prints them. */
  TRACEE {
    @Override
    FindingOutput open(OutputStream out, boolean colour) {
      TraceeFindingWriter writer = new TraceeFindingWriter(out, true);
      return new FindingOutput(writer, writer);
    }
  },

  /** OCSF 1.3.0 Detection Findings (class 2004), one per line, for SIEMs and data lakes. */
  OCSF {
    @Override
    FindingOutput open(OutputStream out, boolean colour) {
      OcsfFindingWriter writer = new OcsfFindingWriter(out, true);
      return new FindingOutput(writer, writer);
    }
  };

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
   * Starts writing findings.
   *
   * @param out where to write; closed by the output's {@code close}
   * @param colour whether a text format may colour (a terminal, no {@code NO_COLOR})
   * @return the output
   */
  abstract FindingOutput open(OutputStream out, boolean colour);
}
