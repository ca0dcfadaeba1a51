package dev.sigil.core.output;

import dev.sigil.core.FindingWriter;
import dev.sigil.core.ocsf.OcsfFindingWriter;
import dev.sigil.core.tracee.TraceeFindingWriter;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The formats Sigil writes findings in, by name, for a command line or a configuration file to
 * choose one ({@code --format tracee|ocsf}). Both write JSON Lines.
 */
public enum FindingFormat {
  /** Tracee's finding events, as {@code tracee --output json} prints them: {@link TraceeFindingWriter}. */
  TRACEE {
    @Override
    public FindingWriter open(OutputStream out, boolean flushEachLine) {
      return new TraceeFindingWriter(out, flushEachLine);
    }
  },

  /** OCSF 1.3.0 Detection Findings (class 2004), for SIEMs and data lakes: {@link OcsfFindingWriter}. */
  OCSF {
    @Override
    public FindingWriter open(OutputStream out, boolean flushEachLine) {
      return new OcsfFindingWriter(out, flushEachLine);
    }
  };

  /**
   * Starts writing findings, flushing after each one (for pipes and live alerting).
   *
   * @param out where to write; flushed when the writer is closed, never closed by it
   * @return the writer; close it to flush what is pending
   */
  public FindingWriter open(OutputStream out) {
    return open(out, true);
  }

  /**
   * Starts writing findings.
   *
   * @param out where to write; flushed when the writer is closed, never closed by it
   * @param flushEachLine whether to flush after each finding; false lets lines gather into
   *     larger writes, flushed by {@link FindingWriter#flush()} and {@link FindingWriter#close()}
   * @return the writer; close it to flush what is pending
   */
  public abstract FindingWriter open(OutputStream out, boolean flushEachLine);

  /**
   * Returns the format a name stands for, in any case: {@code tracee} or {@code ocsf}.
   *
   * @param name the name
   * @return the format
   * @throws IllegalArgumentException when no format has that name, listing those that exist
   */
  public static FindingFormat of(String name) {
    for (FindingFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException("no finding format '" + name + "': use "
        + String.join(" or ", names()));
  }

  /**
   * Returns the format's name as a command line writes it.
   *
   * @return {@code tracee} or {@code ocsf}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String[] names() {
    FindingFormat[] formats = values();
    String[] names = new String[formats.length];
    for (int i = 0; i < formats.length; i++) {
      names[i] = formats[i].toString();
    }
    return names;
  }
}
