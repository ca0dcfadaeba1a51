package dev.sigil.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A test signature that records what it sees and can be told to fire. */
class RecordingSignature extends FixedSignature {
  final List<String> seen = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();
  boolean closed;
  boolean fireOnEveryEvent;
  SignatureContext context;

  RecordingSignature(String id, Selector... selectors) {
    super(SignatureMetadata.builder(id).name("recording " + id).eventName("recorded").build(),
        List.of(selectors));
  }

  RecordingSignature firing() {
    fireOnEveryEvent = true;
    return this;
  }

  @Override
  public void init(SignatureContext context) {
    this.context = context;
  }

  @Override
  public void onEvent(Event event, SignatureContext context) {
    seen.add(event.eventName() + "/" + event.origin().traceeName());
    if (fireOnEveryEvent) {
      context.report(event, Map.of("host", event.hostName().toString()));
    }
  }

  @Override
  public void onSignal(Signal signal, SignatureContext context) {
    signals.add(signal);
  }

  @Override
  public void close() {
    closed = true;
  }
}
