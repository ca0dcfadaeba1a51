package dev.sigil.core.readme;

import dev.sigil.core.*;
import java.util.List;
import java.util.Map;

/** The README's custom-signature example, compiled and tested so the README cannot rot. */
public final class DownloaderInContainer implements Signature {
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final SignatureMetadata METADATA = SignatureMetadata.builder("ACME-0001")
      .name("Downloader started in a container").eventName("container_downloader")
      .severity(Severity.LOW).category("command-and-control").build();

  /** Creates the signature; ServiceLoader needs a public no-argument constructor. */
  public DownloaderInContainer() {}

  @Override public SignatureMetadata metadata() { return METADATA; }
  @Override public List<Selector> selectors() {
    return List.of(Selector.of(EventType.of("sched_process_exec"), Origin.CONTAINER));
  }

  @Override public void onEvent(Event event, SignatureContext context) {
    CharSequence path = event.string(PATHNAME);           // a view: no allocation
    if (path == null) { context.dataProblem("sched_process_exec without pathname"); return; }
    if (Text.basenameEquals(path, "curl") || Text.basenameEquals(path, "wget")) {
      context.report(event, Map.of("path", path.toString())); // findings may allocate
    }
  }
}
