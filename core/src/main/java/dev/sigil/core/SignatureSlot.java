package dev.sigil.core;

import dev.sigil.core.internal.Deduplicator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One signature inside an engine: its bookkeeping (statistics, counters, deduplication
 * policies), the finding path (deduplication, then the listener), fault reporting, and the
 * {@link SignatureContext} the signature is handed with every call.
 */
final class SignatureSlot implements SignatureContext {
  private static final System.Logger LOG = System.getLogger("dev.sigil.core.Engine");
  /** Distinct notices delivered per signature; a handful is what signatures have. */
  static final int MAX_NOTICES = 64;

  final Signature signature;
  final String id;
  private final Map<String, DedupPolicy> dedup;
  private final Deduplicator deduplicator;
  private final Clock clock;
  private final String node;
  private final FindingListener findingListener;
  private final SignatureErrorListener errorListener;
  private final NoticeListener noticeListener;
  /** The notices delivered so far, so that each is delivered once; bounded, see notice(). */
  private final Set<String> notices = new HashSet<>();
  private boolean noticesCapped;
  private final LongSupplier eventTime;
  private final Map<String, Counter> counters = new LinkedHashMap<>();
  private final System.Logger logger;

  // Plain fields: the engine's thread is the only writer; stats() readers may lag.
  long events;
  long findings;
  long suppressed;
  long errors;
  long dataProblems;

  // Published whole, so a stats reader on another thread never sees the arrays being grown.
  private volatile ReportedIds reported;

  /** Findings counted by the id they were reported under. */
  private static final class ReportedIds {
    final String[] ids;
    final long[] counts;

    ReportedIds(String[] ids, long[] counts) {
      this.ids = ids;
      this.counts = counts;
    }
  }

  SignatureSlot(Signature signature, Map<String, DedupPolicy> dedup, Deduplicator deduplicator,
      Clock clock, FindingListener findingListener, SignatureErrorListener errorListener,
      NoticeListener noticeListener, LongSupplier eventTime, String node) {
    this.signature = signature;
    this.node = node;
    this.id = signature.metadata().id();
    this.dedup = dedup;
    this.deduplicator = deduplicator;
    this.clock = clock;
    this.findingListener = findingListener;
    this.errorListener = errorListener;
    this.noticeListener = noticeListener;
    this.eventTime = eventTime;
    this.logger = System.getLogger("dev.sigil.signature." + id);
    String[] ids = declaredIds(signature).toArray(new String[0]);
    this.reported = new ReportedIds(ids, new long[ids.length]);
  }

  /** The signature's id, then the ids of its declared variants. */
  static Set<String> declaredIds(Signature signature) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(signature.metadata().id());
    for (SignatureMetadata variant : signature.variants()) {
      ids.add(variant.id());
    }
    return ids;
  }

  void fail(String phase, Throwable error, @Nullable Event event) {
    errors++;
    EventSnapshot snapshot = null;
    if (event != null) {
      try {
        snapshot = event.copy();
      } catch (RuntimeException copyFailure) {
        error.addSuppressed(copyFailure);
      }
    }
    SignatureError report = new SignatureError(id, phase, error, snapshot);
    try {
      errorListener.onError(report);
    } catch (RuntimeException listenerFailure) {
      LOG.log(System.Logger.Level.ERROR, "error listener failed on " + report, listenerFailure);
    }
  }

  @Override
  public void report(Event trigger, Map<String, ?> data) {
    report(trigger, signature.metadata(), data);
  }

  @Override
  public void report(Event trigger, SignatureMetadata variant, Map<String, ?> data) {
    // The view only retypes Map<String, ?> as Map<String, Object>; Finding copies it.
    Finding finding = new Finding(variant, variant.severity(), trigger.copy(),
        Collections.unmodifiableMap(data), clock.instant(), node);
    DedupPolicy policy = dedup.containsKey(variant.id()) ? dedup.get(variant.id()) : dedup.get("");
    if (policy != null && policy.enabled()) {
      String key = variant.id() + '\u0000' + policy.key().apply(finding);
      Deduplicator.Verdict verdict =
          deduplicator.judge(key, finding.eventTime(), policy.window().toNanos());
      if (!verdict.emit()) {
        suppressed++;
        return;
      }
      if (verdict.suppressedBefore() > 0) {
        Map<String, Object> withCounts = new LinkedHashMap<>(finding.data());
        withCounts.put("suppressedCount", verdict.suppressedBefore());
        withCounts.put("lastSuppressedAt", verdict.lastSuppressedAt());
        finding = new Finding(finding.metadata(), finding.severity(), finding.event(), withCounts,
            finding.detectedAt(), node);
      }
    }
    findings++;
    count(variant.id());
    try {
      findingListener.onFinding(finding);
    } catch (RuntimeException e) {
      throw new FindingDeliveryException(id, e);
    }
  }

  private void count(String reportedId) {
    ReportedIds current = reported;
    for (int i = 0; i < current.ids.length; i++) {
      if (current.ids[i].equals(reportedId)) {
        current.counts[i]++;
        return;
      }
    }
    // A variant the signature did not declare: counted all the same, listed once seen.
    int n = current.ids.length;
    String[] ids = Arrays.copyOf(current.ids, n + 1);
    long[] counts = Arrays.copyOf(current.counts, n + 1);
    ids[n] = reportedId;
    counts[n] = 1;
    reported = new ReportedIds(ids, counts);
  }

  /** Adds this signature's findings by reported id to a map, in this slot's order. */
  void addFindingsById(Map<String, Long> byId) {
    ReportedIds current = reported;
    for (int i = 0; i < current.ids.length; i++) {
      byId.merge(current.ids[i], current.counts[i], Long::sum);
    }
  }

  SignatureStats stats() {
    Map<String, Long> values = new LinkedHashMap<>();
    for (Counter counter : counters.values()) {
      values.put(counter.name(), counter.get());
    }
    return new SignatureStats(id, events, findings, suppressed, errors, dataProblems, values);
  }

  @Override
  public void dataProblem(String reason) {
    dataProblems++;
    if (logger.isLoggable(System.Logger.Level.DEBUG)) {
      logger.log(System.Logger.Level.DEBUG, reason);
    }
  }

  /**
   * Delivers a notice the first time its message is given. A signature whose messages vary
   * without end must not grow this set, or a log, without bound: past {@value #MAX_NOTICES}
   * distinct messages, one last notice says so and further ones are dropped.
   */
  @Override
  public void notice(String message) {
    if (notices.contains(message)) {
      return;
    }
    if (notices.size() >= MAX_NOTICES) {
      if (!noticesCapped) {
        noticesCapped = true;
        deliver("more than " + MAX_NOTICES + " distinct notices; further ones are dropped"
            + " (the first dropped: " + message + ")");
      }
      return;
    }
    notices.add(message);
    deliver(message);
  }

  private void deliver(String message) {
    try {
      noticeListener.onNotice(new SignatureNotice(id, message));
    } catch (RuntimeException listenerFailure) {
      LOG.log(System.Logger.Level.ERROR, "notice listener failed on " + id + ": " + message,
          listenerFailure);
    }
  }

  @Override
  public Counter counter(String name) {
    return counters.computeIfAbsent(name, Counter::new);
  }

  @Override
  public long eventTime() {
    return eventTime.getAsLong();
  }

  @Override
  public System.Logger logger() {
    return logger;
  }
}
