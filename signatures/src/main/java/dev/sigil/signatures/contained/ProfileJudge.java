package dev.sigil.signatures.contained;

import dev.sigil.core.Counter;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;

/**
 * SGL-1001's learning: per host, from the event time of the first host exec seen for that host,
 * keys (host, executing process, in-container or host path) are learned during the training
 * period; SGL-1001 stays silent before the activation period has passed, and afterwards for
 * keys learned. SGL-1002 never asks. Only host execs are asked for a host's first-seen time:
 * a container event's host name is its pod's, and a container could otherwise flood the table
 * with names until the node's entry is evicted and its activation period starts again.
 */
final class ProfileJudge {
  private final boolean learning;
  private final long trainingNanos;
  private final long activationNanos;
  private final ContainedExecutableState state;
  // Set by bindCounters, which the signature's init calls before any event.
  @SuppressWarnings("NullAway.Init")
  private Counter silencedByActivation;
  @SuppressWarnings("NullAway.Init")
  private Counter silencedByLearning;

  ProfileJudge(Settings settings, ContainedExecutableState state) {
    this.learning = settings.learning();
    this.trainingNanos = settings.trainingPeriod().toNanos();
    this.activationNanos = settings.activationPeriod().toNanos();
    this.state = state;
  }

  void bindCounters(SignatureContext context) {
    silencedByActivation = context.counter("silencedByActivation");
    silencedByLearning = context.counter("silencedByLearning");
  }

  /**
   * Returns when a host exec's host was first seen (remembering now for a new host), or 0 when
   * learning is off. Allocates only for a host not seen before.
   */
  long firstSeen(Event event, SignatureContext context) {
    return learning ? state.hostFirstSeen(event.hostName(), context.eventTime()) : 0;
  }

  /**
   * Learns the key during training and tells whether SGL-1001 may fire; always true when
   * learning is off.
   */
  boolean allows(SignatureContext context, Event event, long firstSeen, CharSequence process,
      CharSequence path) {
    if (!learning) {
      return true;
    }
    long elapsed = context.eventTime() - firstSeen;
    String key = LearnedProfile.key(event.hostName(), process, path);
    boolean learned = state.isLearned(key);
    if (elapsed < trainingNanos) {
      state.learn(key);
    }
    if (elapsed < activationNanos) {
      silencedByActivation.increment();
      return false;
    }
    if (learned) {
      silencedByLearning.increment();
      return false;
    }
    return true;
  }
}
