package dev.sigil.core.testing;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.Finding;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureError;
import dev.sigil.core.SignatureStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs signatures in a real {@link Engine} for a test and records what they report:
 *
 * <pre>{@code
 * SignatureHarness harness = SignatureHarness.of(new MySignature());
 * harness.feed(EventBuilder.event("magic_write").origin(Origin.CONTAINER)
 *     .arg("pathname", "/bin/x").arg("bytes", ELF).build());
 * assertEquals("/bin/x", harness.only().data().get("path"));
 * }</pre>
 *
 * <p>Dispatch, deduplication, fault isolation and statistics are the engine's own, so a test
 * sees what production sees. A signature that throws fails the test with an
 * {@link AssertionError} at the {@code feed} that made it throw, unless
 * {@link #expectingErrors()} was called; its errors are then recorded in {@link #errors()}.
 *
 * <p>Not thread-safe: one harness per test.
 */
public final class SignatureHarness implements AutoCloseable {
  private final List<Finding> findings = new ArrayList<>();
  private final List<SignatureError> errors = new ArrayList<>();
  private final Engine engine;
  private final String firstId;
  private boolean expectingErrors;

  private SignatureHarness(List<? extends Signature> signatures, UnaryOperator<Engine.Builder> configure) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a harness needs at least one signature");
    }
    this.firstId = signatures.get(0).metadata().id();
    this.engine = configure.apply(Engine.builder()
            .addAll(signatures)
            .onFinding(findings::add)
            .onError(errors::add))
        .build();
  }

  /**
   * Runs signatures in an engine with default settings.
   *
   * @param signatures the signatures, at least one
   * @return the harness
   */
  public static SignatureHarness of(Signature... signatures) {
    return new SignatureHarness(List.of(signatures), UnaryOperator.identity());
  }

  /**
   * Runs signatures in an engine that a test configures further, for example with a
   * deduplication window or a clock. The harness sets the finding and error listeners; a
   * configuration that replaces them leaves the harness blind.
   *
   * @param signatures the signatures, at least one
   * @param configure adjusts the engine's builder
   * @return the harness
   */
  public static SignatureHarness of(List<? extends Signature> signatures,
      UnaryOperator<Engine.Builder> configure) {
    return new SignatureHarness(List.copyOf(signatures), configure);
  }

  /**
   * Records signature errors instead of failing the test on them.
   *
   * @return this harness
   */
  public SignatureHarness expectingErrors() {
    expectingErrors = true;
    return this;
  }

  /**
   * Dispatches events in order.
   *
   * @param events the events
   * @return this harness
   * @throws AssertionError when a signature failed and errors are not expected
   */
  public SignatureHarness feed(Event... events) {
    for (Event event : events) {
      engine.accept(event);
      failOnUnexpectedErrors();
    }
    return this;
  }

  /**
   * Dispatches events in order.
   *
   * @param events the events
   * @return this harness
   * @throws AssertionError when a signature failed and errors are not expected
   */
  public SignatureHarness feed(Iterable<? extends Event> events) {
    for (Event event : events) {
      feed(event);
    }
    return this;
  }

  private void failOnUnexpectedErrors() {
    if (!expectingErrors && !errors.isEmpty()) {
      SignatureError first = errors.get(0);
      throw new AssertionError("signature failed: " + first, first.error());
    }
  }

  /**
   * Returns the findings reported so far, in order.
   *
   * @return an unmodifiable view
   */
  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  /**
   * Returns the only finding reported so far.
   *
   * @return the finding
   * @throws AssertionError when there is not exactly one
   */
  public Finding only() {
    if (findings.size() != 1) {
      throw new AssertionError("expected exactly one finding, got " + findings.size() + ": " + findings);
    }
    return findings.get(0);
  }

  /**
   * Returns the ids the findings so far were reported under, in order.
   *
   * @return the ids
   */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      ids.add(finding.metadata().id());
    }
    return ids;
  }

  /**
   * Forgets the findings recorded so far (the engine keeps its state).
   *
   * @return this harness
   */
  public SignatureHarness clearFindings() {
    findings.clear();
    return this;
  }

  /**
   * Returns the signature errors recorded so far (see {@link #expectingErrors()}).
   *
   * @return an unmodifiable view
   */
  public List<SignatureError> errors() {
    return Collections.unmodifiableList(errors);
  }

  /**
   * Returns the statistics of the first signature.
   *
   * @return its statistics
   */
  public SignatureStats stats() {
    return stats(firstId);
  }

  /**
   * Returns the statistics of one signature.
   *
   * @param signatureId the signature's id
   * @return its statistics
   * @throws IllegalArgumentException when no signature has that id
   */
  public SignatureStats stats(String signatureId) {
    SignatureStats stats = engine.stats().signatures().get(signatureId);
    if (stats == null) {
      throw new IllegalArgumentException("no signature " + signatureId + " in this harness");
    }
    return stats;
  }

  /**
   * Returns the engine, for what the harness does not wrap (state, statistics).
   *
   * @return the engine
   */
  public Engine engine() {
    return engine;
  }

  /** Closes the engine: signatures get the end-of-input signal, then close. */
  @Override
  public void close() {
    engine.close();
    failOnUnexpectedErrors();
  }
}
