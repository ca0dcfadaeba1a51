package dev.sigil.flink.internal;

import dev.sigil.core.Finding;
import dev.sigil.core.FindingWriter;
import dev.sigil.core.output.FindingFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders a finding to one JSON text with core's writers, the same bytes {@code sigil scan}
 * prints for it. One per operator instance (single-threaded): a reused buffer.
 */
final class FindingRenderer {
  private final Buffer buffer = new Buffer();
  private final FindingWriter writer;

  FindingRenderer(FindingFormat format) {
    this.writer = format.open(buffer, true);
  }

  String render(Finding finding) {
    buffer.reset();
    writer.onFinding(finding);
    return buffer.line();
  }

  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(4096);
    }

    String line() {
      int n = count;
      while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) {
        n--;
      }
      return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }
}
