package dev.sigil.benchmarks;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.EventSnapshot;
import dev.sigil.core.EventType;
import dev.sigil.core.Origin;
import java.util.Map;
import org.drools.model.Declaration;
import org.drools.model.Rule;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * TRC-1022 written for Drools, as a Drools user would: one rule in Drools' executable model (a
 * Java DSL compiled to a rule base without DRL), a pattern on Sigil's {@link Event} whose
 * constraints are the selector and the ELF check as a static helper, and a consequence that
 * keeps what Sigil's finding keeps (a snapshot of the event and the path). Each event is
 * inserted, the rules fired, and the fact deleted: a stream of independent events.
 *
 * <p>Not thread-safe, like a {@link KieSession}.
 */
public final class DroolsDroppedExecutable implements AutoCloseable {
  private static final EventType MAGIC_WRITE = EventType.of("magic_write");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");

  private final KieSession session;
  private long findings;
  private PeerFinding last;

  /** Builds the rule base and opens a session. */
  public DroolsDroppedExecutable() {
    Declaration<Event> event = declarationOf(Event.class);
    Rule droppedExecutable = rule("dev.sigil.benchmarks", "TRC-1022 New executable dropped")
        .build(
            pattern(event)
                .expr("magicWriteInContainer",
                    e -> e.type() == MAGIC_WRITE && e.origin() == Origin.CONTAINER)
                .expr("dropsElf", HandWrittenDroppedExecutable::dropsElf),
            on(event).execute(this::found));
    this.session = KieBaseBuilder.createKieBaseFromModel(new ModelImpl().addRule(droppedExecutable))
        .newKieSession();
  }

  private void found(Event event) {
    findings++;
    CharSequence path = event.string(PATHNAME);
    last = new PeerFinding(event.copy(), Map.of("path", String.valueOf(path)));
  }

  /**
   * Evaluates the rule on one event.
   *
   * @param event the event; not kept after the call
   */
  public void accept(Event event) {
    FactHandle fact = session.insert(event);
    session.fireAllRules();
    session.delete(fact);
  }

  /**
   * Returns how many times the rule fired.
   *
   * @return the count
   */
  public long findings() {
    return findings;
  }

  /**
   * Returns the last finding, so a benchmark can show the consequence's work is not dead.
   *
   * @return the last finding, or null
   */
  public PeerFinding last() {
    return last;
  }

  /** Disposes of the session. */
  @Override
  public void close() {
    session.dispose();
  }

  /**
   * What the Drools consequence keeps: the same as a Sigil finding's event and data.
   *
   * @param event a snapshot of the triggering event
   * @param data the rule's data
   */
  public record PeerFinding(EventSnapshot event, Map<String, String> data) {}
}
