package dev.sigil.cli;

import dev.sigil.core.ocsf.OcsfFindingWriter;
import dev.sigil.core.tracee.TraceeFindingWriter;
import java.io.OutputStream;

/**
 * How {@code sigil scan} writes findings ({@code --format}). Every format writes one finding
 * per line and flushes it at once, so a pipe alerts live. A new format is one more constant.
 */
enum OutputFormat {
  /** Tracee's finding-event JSON, one object per line, as {@code tracee} itself prints them. */
  TRACEE {
    @Override
    FindingOutput open(OutputStream out) {
      TraceeFindingWriter writer = new TraceeFindingWriter(out, true);
      return new FindingOutput(writer, writer);
    }
  },

  /** OCSF 1.3.0 Detection Findings (class 2004), one per line, for SIEMs and data lakes. */
  OCSF {
    @Override
    FindingOutput open(OutputStream out) {
      OcsfFindingWriter writer = new OcsfFindingWriter(out, true);
      return new FindingOutput(writer, writer);
    }
  };

  /**
   * Starts writing findings.
   *
   * @param out where to write; closed by the output's {@code close}
   * @return the output
   */
  abstract FindingOutput open(OutputStream out);
}
