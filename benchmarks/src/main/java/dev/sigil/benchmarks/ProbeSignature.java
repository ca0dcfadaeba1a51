package dev.sigil.benchmarks;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Text;
import java.util.List;
import java.util.Map;

/**
 * A synthetic signature for {@link ScalingBenchmark}: it selects one event type and reports
 * when a string argument starts with a prefix of its own. It does the work a typical
 * non-firing signature does (one argument lookup, one comparison) and, with a prefix that never
 * occurs, never fires.
 */
final class ProbeSignature implements Signature {
  private final SignatureMetadata metadata;
  private final List<Selector> selectors;
  private final ArgKey argument;
  private final String prefix;
  ProbeSignature(int number, String eventName, String argumentName, String prefix) {
    this.metadata = SignatureMetadata.builder(String.format("PROBE-%04d", number))
        .name("Probe " + number).eventName("probe_" + number).severity(Severity.INFO).build();
    this.selectors = List.of(Selector.event(eventName));
    this.argument = ArgKey.of(argumentName);
    this.prefix = prefix;
  }

  @Override
  public SignatureMetadata metadata() {
    return metadata;
  }

  @Override
  public List<Selector> selectors() {
    return selectors;
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    CharSequence value = event.string(argument);
    if (value != null && Text.startsWith(value, prefix)) {
      context.report(event, Map.of(argument.name(), value.toString()));
    }
  }
}
