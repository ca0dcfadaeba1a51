package dev.sigil.examples.agent;

import dev.sigil.core.FindingListener;
import dev.sigil.core.ocsf.OcsfFindingWriter;
import dev.sigil.core.tracee.TraceeFindingWriter;
import java.io.Closeable;
import java.io.OutputStream;

/** How the agent writes findings. */
public enum OutputFormat {
  /** Tracee's finding-event JSON lines. */
  TRACEE,
  /** OCSF Detection Finding JSON lines. */
  OCSF;

  /** A finding writer that is also closeable, as both of Sigil's writers are. */
  interface Writer extends FindingListener, Closeable {
    @Override
    void close();
  }

  Writer open(OutputStream out) {
    if (this == OCSF) {
      OcsfFindingWriter writer = new OcsfFindingWriter(out, true);
      return new Writer() {
        @Override
        public void onFinding(dev.sigil.core.Finding finding) {
          writer.onFinding(finding);
        }

        @Override
        public void close() {
          writer.close();
        }
      };
    }
    TraceeFindingWriter writer = new TraceeFindingWriter(out, true);
    return new Writer() {
      @Override
      public void onFinding(dev.sigil.core.Finding finding) {
        writer.onFinding(finding);
      }

      @Override
      public void close() {
        writer.close();
      }
    };
  }
}
