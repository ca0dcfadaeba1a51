package dev.sigil.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.collect.ImmutableMap;
import dev.sigil.core.internal.Deduplicator;
import dev.sigil.core.internal.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches events to signatures and findings to a listener.
 *
 * <p>Built once from a set of signatures ({@link #builder()}), then fed with
 * {@link #accept(Event)} per event and {@link #close()} at the end, which signals
 * {@link Signal#END_OF_INPUT} and closes every signature.
 *
 * <p><b>Dispatch</b> is a table precomputed at build time, indexed by {@link EventType} id and
 * {@link Origin}: an event reaches exactly the signatures whose selectors match it, and its
 * cost does not depend on how many signatures select other events. Dispatching an event and
 * evaluating signatures that do not fire allocates nothing.
 *
 * <p><b>Faults</b>: a signature that throws a {@link RuntimeException} or
 * {@link StackOverflowError} from {@code onEvent}, {@code onSignal} or {@code close} is isolated:
 * the error goes to the error listener with the signature's id and a snapshot of the event, is
 * counted in {@link #stats()}, and the other signatures go on.
 *
 * <p><b>Deduplication</b> belongs to the engine: a signature may declare a
 * {@link Signature#defaultDedup() default policy}, and the builder can override it per
 * signature or override every window at once.
 *
 * <p><b>Threads</b>: an engine is single-threaded. Call {@code accept}, {@code close},
 * {@code saveState} and {@code restoreState} from one thread at a time (or one engine per
 * thread or partition). {@link #stats()} may be called from any thread; its figures may then
 * lag the engine's thread slightly.
 */
public final class Engine implements AutoCloseable {
  private static final int ORIGINS = Origin.values().length;
  private static final int STATE_VERSION = 1;
  private static final String STATE_FORMAT = "sigil-engine-state";
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
  private static final System.Logger LOG = System.getLogger("dev.sigil.core.Engine");

  private final Slot[] slots;
  private final Slot[][] table;
  private final Slot[][] wildcardOnly;
  private final int maxTypeId;
  /** The types the signatures select by name; null when a selector takes any name. */
  private final @Nullable Set<EventType> selectedTypes;
  private final FindingListener findingListener;
  private final SignatureErrorListener errorListener;
  private final Clock clock;
  private final Deduplicator deduplicator;
  /**
   * Saved states of signatures this engine does not have, as restored: written back unchanged
   * by {@link #saveState}, so that a run without some signature does not erase what it learned.
   */
  private final Map<String, Object> otherSignatureStates = new LinkedHashMap<>();

  // Plain fields: the engine's thread is the only writer, and a volatile store per event would
  // cost more than dispatch itself. Other threads reading stats() may see slightly stale values.
  private long events;
  private long eventTime;
  private boolean closed;

  private Engine(Builder b) {
    this.findingListener = Objects.requireNonNull(b.findingListener, "findingListener");
    this.errorListener = b.errorListener;
    this.clock = b.clock;
    this.deduplicator = new Deduplicator(b.dedupCapacity);
    this.slots = new Slot[b.signatures.size()];
    for (int i = 0; i < slots.length; i++) {
      Signature signature = b.signatures.get(i);
      slots[i] = new Slot(signature, resolveDedup(b, signature));
    }
    int max = -1;
    Set<EventType> selected = new LinkedHashSet<>();
    boolean anyName = false;
    for (Slot slot : slots) {
      for (Selector selector : slot.signature.selectors()) {
        if (selector.eventName() != null) {
          EventType type = EventType.of(selector.eventName());
          max = Math.max(max, type.id());
          selected.add(type);
        } else {
          anyName = true;
        }
      }
    }
    this.maxTypeId = max;
    this.selectedTypes = anyName ? null : Collections.unmodifiableSet(selected);
    this.wildcardOnly = new Slot[ORIGINS][];
    for (Origin origin : Origin.values()) {
      wildcardOnly[origin.ordinal()] = matching(null, origin);
    }
    this.table = new Slot[(max + 1) * ORIGINS][];
    for (int id = 0; id <= max; id++) {
      for (Origin origin : Origin.values()) {
        Slot[] matched = matching(id, origin);
        Slot[] wildcard = wildcardOnly[origin.ordinal()];
        table[id * ORIGINS + origin.ordinal()] =
            java.util.Arrays.equals(matched, wildcard) ? wildcard : matched;
      }
    }
    for (Slot slot : slots) {
      try {
        slot.signature.init(slot);
      } catch (RuntimeException e) {
        throw new IllegalStateException("signature " + slot.id + " failed to initialise: " + e, e);
      }
    }
  }

  private static Map<String, DedupPolicy> resolveDedup(Builder b, Signature signature) {
    Map<String, DedupPolicy> policies = new HashMap<>();
    DedupPolicy base = b.dedupOverrides.getOrDefault(signature.metadata().id(), signature.defaultDedup());
    if (base != null) {
      policies.put("", b.dedupWindow == null ? base : base.withWindow(b.dedupWindow));
    }
    for (Map.Entry<String, DedupPolicy> e : b.dedupOverrides.entrySet()) {
      policies.put(e.getKey(), b.dedupWindow == null ? e.getValue() : e.getValue().withWindow(b.dedupWindow));
    }
    return policies;
  }

  private Slot[] matching(@Nullable Integer typeId, Origin origin) {
    List<Slot> matched = new ArrayList<>();
    for (Slot slot : slots) {
      for (Selector selector : slot.signature.selectors()) {
        boolean nameMatches = selector.eventName() == null
            || (typeId != null && EventType.of(selector.eventName()).id() == typeId);
        boolean originMatches = selector.origin() == null || selector.origin() == origin;
        if (nameMatches && originMatches) {
          matched.add(slot);
          break;
        }
      }
    }
    return matched.toArray(new Slot[0]);
  }

  /**
   * Starts building an engine.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the event types the signatures select by name: an event of any other type reaches
   * no signature, so a producer may skip decoding it (see
   * {@link dev.sigil.core.tracee.TraceeReader.Builder#decodeOnlySelectedBy(Engine)}).
   *
   * @return the types; null when some signature selects events of any name (a wildcard
   *     selector), so that every event may reach a signature
   */
  public @Nullable Set<EventType> selectedEventTypes() {
    return selectedTypes;
  }

  /**
   * Dispatches one event to the signatures that select it. The event need only stay valid
   * during this call.
   *
   * @param event the event
   * @throws IllegalStateException when the engine is closed
   * @throws FindingDeliveryException when the finding listener threw
   */
  public void accept(Event event) {
    if (closed) {
      throw new IllegalStateException("engine is closed");
    }
    events++;
    eventTime = event.timestamp();
    int id = event.type().id();
    int origin = event.origin().ordinal();
    Slot[] selected = id >= 0 && id <= maxTypeId ? table[id * ORIGINS + origin] : wildcardOnly[origin];
    for (Slot slot : selected) {
      slot.events++;
      try {
        slot.signature.onEvent(event, slot);
      } catch (FindingDeliveryException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        slot.fail("onEvent", e, event);
      }
    }
  }

  /**
   * Sends a signal to every signature.
   *
   * @param signal the signal
   * @throws FindingDeliveryException when the finding listener threw
   */
  public void signal(Signal signal) {
    for (Slot slot : slots) {
      try {
        slot.signature.onSignal(signal, slot);
      } catch (FindingDeliveryException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        slot.fail("onSignal", e, null);
      }
    }
  }

  /**
   * Signals {@link Signal#END_OF_INPUT} and closes every signature. Idempotent.
   *
   * @throws FindingDeliveryException when the finding listener threw
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    signal(Signal.END_OF_INPUT);
    closed = true;
    for (Slot slot : slots) {
      try {
        slot.signature.close();
      } catch (RuntimeException | StackOverflowError e) {
        slot.fail("close", e, null);
      }
    }
  }

  /**
   * Returns the metadata of the signatures, in registration order.
   *
   * @return an unmodifiable list
   */
  public List<SignatureMetadata> signatures() {
    List<SignatureMetadata> list = new ArrayList<>(slots.length);
    for (Slot slot : slots) {
      list.add(slot.signature.metadata());
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Returns the statistics so far.
   *
   * @return a snapshot of the counters
   */
  public EngineStats stats() {
    Map<String, SignatureStats> perSignature = new LinkedHashMap<>();
    long findings = 0;
    long suppressed = 0;
    long errors = 0;
    long problems = 0;
    for (Slot slot : slots) {
      Map<String, Long> counters = new LinkedHashMap<>();
      for (Counter counter : slot.counters.values()) {
        counters.put(counter.name(), counter.get());
      }
      SignatureStats s = new SignatureStats(slot.id, slot.events, slot.findings, slot.suppressed,
          slot.errors, slot.dataProblems, counters);
      perSignature.put(slot.id, s);
      findings += s.findings();
      suppressed += s.suppressed();
      errors += s.errors();
      problems += s.dataProblems();
    }
    return new EngineStats(events, findings, suppressed, errors, problems, deduplicator.size(),
        deduplicator.evictions(), Collections.unmodifiableMap(perSignature));
  }

  /**
   * Writes the engine's state (the deduplicator, and every {@link Stateful} signature's state)
   * as a versioned JSON document.
   *
   * @param out where to write; left open
   * @throws IOException when writing fails
   */
  public void saveState(OutputStream out) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", STATE_FORMAT);
    document.put("version", (long) STATE_VERSION);
    document.put("dedup", deduplicator.save());
    Map<String, Object> signatureStates = new LinkedHashMap<>();
    for (Slot slot : slots) {
      if (slot.signature instanceof Stateful) {
        signatureStates.put(slot.id, ((Stateful) slot.signature).saveState());
      }
    }
    otherSignatureStates.forEach(signatureStates::putIfAbsent);
    document.put("signatures", signatureStates);
    JsonTree.write(document, out);
  }

  /**
   * Restores state written by {@link #saveState(OutputStream)}, before any event.
   *
   * @param in the document; left open
   * @throws IOException when it cannot be read, is not a Sigil state document, is corrupt, or
   *     was written by a newer version; the engine's state is then unchanged for the
   *     deduplicator and possibly partly restored for signatures
   */
  public void restoreState(InputStream in) throws IOException {
    Object tree;
    try {
      tree = JsonTree.read(in);
    } catch (JsonProcessingException e) {
      throw new IOException("state is not valid JSON: " + withoutSource(e), e);
    } catch (IOException e) {
      throw new IOException("state is not valid JSON: " + e.getMessage(), e);
    }
    if (!(tree instanceof Map) || !STATE_FORMAT.equals(((Map<?, ?>) tree).get("format"))) {
      throw new IOException("not a Sigil state document (no \"format\": \"" + STATE_FORMAT + "\")");
    }
    Map<?, ?> document = (Map<?, ?>) tree;
    Object version = document.get("version");
    if (!(version instanceof Long)) {
      throw new IOException("state document has no integer version");
    }
    if ((Long) version > STATE_VERSION) {
      throw new IOException("state document version " + version
          + " is newer than this Sigil understands (" + STATE_VERSION + ")");
    }
    Object signatureStates = document.get("signatures");
    if (signatureStates != null && !(signatureStates instanceof Map)) {
      throw new IOException("state document's \"signatures\" must be an object");
    }
    try {
      Deduplicator staged = new Deduplicator(Integer.MAX_VALUE);
      Object dedup = document.get("dedup");
      if (dedup != null) {
        staged.restore(dedup);
        deduplicator.restore(dedup);
      }
      Map<String, Object> others = new LinkedHashMap<>();
      if (signatureStates != null) {
        Set<String> ids = new LinkedHashSet<>();
        for (Slot slot : slots) {
          ids.add(slot.id);
          if (slot.signature instanceof Stateful && ((Map<?, ?>) signatureStates).containsKey(slot.id)) {
            ((Stateful) slot.signature).restoreState(((Map<?, ?>) signatureStates).get(slot.id));
          }
        }
        for (Map.Entry<?, ?> saved : ((Map<?, ?>) signatureStates).entrySet()) {
          if (!ids.contains(String.valueOf(saved.getKey()))) {
            others.put(String.valueOf(saved.getKey()), saved.getValue());
          }
        }
      }
      otherSignatureStates.clear();
      otherSignatureStates.putAll(others);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException("state document is corrupt: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the parser's message with the line and column but without the source description
   * jackson adds ({@code [Source: REDACTED (...); line: 1, column: 28]}): that is noise for
   * whoever reads why a state file was refused.
   */
  private static String withoutSource(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    message = SOURCE.matcher(message).replaceAll("line $1, column $2");
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  /** Per-signature bookkeeping, and the signature's context. */
  private final class Slot implements SignatureContext {
    final Signature signature;
    final String id;
    final Map<String, DedupPolicy> dedup;
    final Map<String, Counter> counters = new LinkedHashMap<>();
    final System.Logger logger;
    long events;
    long findings;
    long suppressed;
    long errors;
    long dataProblems;

    Slot(Signature signature, Map<String, DedupPolicy> dedup) {
      this.signature = signature;
      this.id = signature.metadata().id();
      this.dedup = dedup;
      this.logger = System.getLogger("dev.sigil.signature." + id);
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
      Finding finding = new Finding(variant, variant.severity(), trigger.copy(),
          ImmutableMap.copyOf(data), clock.instant());
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
          ImmutableMap<String, Object> withCounts = ImmutableMap.<String, Object>builder()
              .putAll(finding.data())
              .put("suppressedCount", verdict.suppressedBefore())
              .put("lastSuppressedAt", verdict.lastSuppressedAt())
              .buildKeepingLast();
          finding = new Finding(finding.metadata(), finding.severity(), finding.event(), withCounts,
              finding.detectedAt());
        }
      }
      findings++;
      try {
        findingListener.onFinding(finding);
      } catch (RuntimeException e) {
        throw new FindingDeliveryException(id, e);
      }
    }

    @Override
    public void dataProblem(String reason) {
      dataProblems++;
      if (logger.isLoggable(System.Logger.Level.DEBUG)) {
        logger.log(System.Logger.Level.DEBUG, reason);
      }
    }

    @Override
    public Counter counter(String name) {
      return counters.computeIfAbsent(name, Counter::new);
    }

    @Override
    public long eventTime() {
      return eventTime;
    }

    @Override
    public System.Logger logger() {
      return logger;
    }
  }

  /** Builds an {@link Engine}. */
  public static final class Builder {
    private final List<Signature> signatures = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private @Nullable FindingListener findingListener;
    private SignatureErrorListener errorListener =
        error -> LOG.log(System.Logger.Level.WARNING, error.toString(), error.error());
    private Clock clock = Clock.systemUTC();
    private final Map<String, DedupPolicy> dedupOverrides = new HashMap<>();
    private @Nullable Duration dedupWindow;
    private int dedupCapacity = 100_000;

    private Builder() {}

    /**
     * Adds a signature.
     *
     * @param signature the signature
     * @return this builder
     * @throws IllegalArgumentException when its id is already taken or it has no selectors,
     *     naming it
     */
    public Builder add(Signature signature) {
      SignatureMetadata metadata = signature.metadata();
      String id = metadata.id();
      List<Selector> selectors = signature.selectors();
      if (selectors == null || selectors.isEmpty()) {
        throw new IllegalArgumentException(
            "signature " + id + " (" + metadata.name() + ") has no selectors");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException("two signatures have the id " + id
            + " (" + signature.getClass().getName() + " is the second)");
      }
      signatures.add(signature);
      return this;
    }

    /**
     * Adds signatures.
     *
     * @param all the signatures
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(Signature)}
     */
    public Builder addAll(Iterable<? extends Signature> all) {
      for (Signature signature : all) {
        add(signature);
      }
      return this;
    }

    /**
     * Sets where findings go (required).
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onFinding(FindingListener listener) {
      this.findingListener = listener;
      return this;
    }

    /**
     * Sets where signature failures go; by default they are logged at WARNING.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onError(SignatureErrorListener listener) {
      this.errorListener = listener;
      return this;
    }

    /**
     * Sets the clock that stamps {@link Finding#detectedAt()}.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the deduplication of one signature id (or variant id), replacing its default; a
     * policy with a zero window turns it off.
     *
     * @param signatureId the id findings are reported under
     * @param policy the policy
     * @return this builder
     */
    public Builder dedup(String signatureId, DedupPolicy policy) {
      dedupOverrides.put(signatureId, policy);
      return this;
    }

    /**
     * Replaces the window of every deduplication policy in force (zero turns all off), as
     * {@code sigil scan --dedup-period} does.
     *
     * @param window the window
     * @return this builder
     */
    public Builder dedupWindow(Duration window) {
      if (window.isNegative()) {
        throw new IllegalArgumentException("deduplication window must not be negative: " + window);
      }
      this.dedupWindow = window;
      return this;
    }

    /**
     * Sets how many keys the deduplicator holds before evicting the least recently used.
     *
     * @param capacity at least 1; 100,000 by default
     * @return this builder
     */
    public Builder dedupCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("deduplicator capacity must be at least 1: " + capacity);
      }
      this.dedupCapacity = capacity;
      return this;
    }

    /**
     * Builds the engine and initialises every signature.
     *
     * @return the engine
     * @throws IllegalStateException when no finding listener was set, or a signature failed to
     *     initialise (naming it)
     */
    public Engine build() {
      if (findingListener == null) {
        throw new IllegalStateException("an engine needs a finding listener (Builder.onFinding)");
      }
      return new Engine(this);
    }
  }
}
