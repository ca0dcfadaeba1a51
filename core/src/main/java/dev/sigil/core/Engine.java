package dev.sigil.core;

import dev.sigil.core.internal.Deduplicator;
import dev.sigil.core.internal.DispatchTable;
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
 * thread or partition, every event of a node in the same one: see {@link Partitions}).
 * {@link #stats()} may be called from any thread; its figures may then lag the engine's thread
 * slightly.
 */
public final class Engine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.sigil.core.Engine");

  private final SignatureSlot[] slots;
  private final DispatchTable<SignatureSlot> dispatch;
  private final Deduplicator deduplicator;
  private final StateDocument state;

  // Plain fields: the engine's thread is the only writer, and a volatile store per event would
  // cost more than dispatch itself. Other threads reading stats() may see slightly stale values.
  private long events;
  private long eventTime;
  private boolean closed;

  private Engine(Builder b) {
    FindingListener findingListener = Objects.requireNonNull(b.findingListener, "findingListener");
    this.deduplicator = new Deduplicator(b.dedupCapacity);
    this.slots = new SignatureSlot[b.signatures.size()];
    for (int i = 0; i < slots.length; i++) {
      Signature signature = b.signatures.get(i);
      slots[i] = new SignatureSlot(signature, resolveDedup(b, signature), deduplicator, b.clock,
          findingListener, b.errorListener, b.noticeListener, this::eventTime, b.node);
    }
    DispatchTable.Builder<SignatureSlot> table =
        DispatchTable.builder(Origin.count(), SignatureSlot[]::new);
    for (SignatureSlot slot : slots) {
      for (Selector selector : slot.signature.selectors()) {
        int typeId = DispatchTable.ANY;
        if (selector.eventName() != null) {
          typeId = EventType.of(selector.eventName()).id();
          if (typeId < 0) {
            continue; // the registry is full: no event can have this type
          }
        }
        table.select(slot, typeId,
            selector.origin() == null ? DispatchTable.ANY : selector.origin().ordinal());
      }
    }
    this.dispatch = table.build();
    this.state = new StateDocument(deduplicator, slots);
    for (SignatureSlot slot : slots) {
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

  long eventTime() {
    return eventTime;
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
    for (SignatureSlot slot : dispatch.select(event.type().id(), event.origin().ordinal())) {
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

  // Private: END_OF_INPUT is sent by close(), once; a second one would make signatures flush twice.
  private void signal(Signal signal) {
    for (SignatureSlot slot : slots) {
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
    for (SignatureSlot slot : slots) {
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
    for (SignatureSlot slot : slots) {
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
    Map<String, Long> findingsById = new LinkedHashMap<>();
    long findings = 0;
    long suppressed = 0;
    long errors = 0;
    long problems = 0;
    for (SignatureSlot slot : slots) {
      SignatureStats s = slot.stats();
      perSignature.put(slot.id, s);
      slot.addFindingsById(findingsById);
      findings += s.findings();
      suppressed += s.suppressed();
      errors += s.errors();
      problems += s.dataProblems();
    }
    return new EngineStats(events, findings, suppressed, errors, problems, deduplicator.size(),
        deduplicator.evictions(), perSignature, findingsById);
  }

  /**
   * Writes the engine's state (the deduplicator, and every {@link Stateful} signature's state)
   * as a versioned JSON document. Saved states of signatures this engine does not have, read by
   * {@link #restoreState(InputStream)}, are written back unchanged, so that a state file shared
   * by runs with different signatures loses nothing.
   *
   * @param out where to write; left open
   * @throws IOException when writing fails
   */
  public void saveState(OutputStream out) throws IOException {
    state.write(out);
  }

  /**
   * Restores state written by {@link #saveState(OutputStream)}. Call it before the first event:
   * restoring later would silently replace what the engine learnt meanwhile.
   *
   * @param in the document; left open
   * @return which signatures' states were restored, and which saved states none took
   *     (signatures not registered here, whose states {@link #saveState(OutputStream)} keeps)
   * @throws IllegalStateException when the engine has accepted an event or is closed
   * @throws IOException when it cannot be read, is not a Sigil state document, is corrupt, or
   *     was written by a newer version; the engine's state is then unchanged for the
   *     deduplicator and possibly partly restored for signatures
   */
  public RestoreReport restoreState(InputStream in) throws IOException {
    if (events > 0 || closed) {
      throw new IllegalStateException("restoreState must come before the first event ("
          + (closed ? "the engine is closed" : "the engine has accepted " + events + " events")
          + "): restoring now would replace what the engine learnt since");
    }
    return state.read(in);
  }

  /** Builds an {@link Engine}. */
  public static final class Builder {
    private final List<Signature> signatures = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private @Nullable FindingListener findingListener;
    private SignatureErrorListener errorListener =
        error -> LOG.log(System.Logger.Level.WARNING, error.toString(), error.error());
    private NoticeListener noticeListener =
        notice -> LOG.log(System.Logger.Level.WARNING, notice.toString());
    private Clock clock = Clock.systemUTC();
    private final Map<String, DedupPolicy> dedupOverrides = new HashMap<>();
    private @Nullable Duration dedupWindow;
    private int dedupCapacity = 100_000;
    private String node = "";

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
     * Sets where signatures' notices go ({@link SignatureContext#notice(String)}: state full and
     * evicting, and the like), each distinct one once; by default they are logged at WARNING.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onNotice(NoticeListener listener) {
      this.noticeListener = Objects.requireNonNull(listener, "listener");
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
     * Sets the deduplication of one signature id (or declared {@link Signature#variants()
     * variant} id), replacing its default; {@link DedupPolicy#NONE} turns it off (a policy with
     * a zero window too, until {@link #dedupWindow(Duration)} gives it one).
     *
     * @param signatureId the id findings are reported under; {@link #build()} fails when no
     *     signature added has it or declares it as a variant
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
     * Names the node whose events this engine reads, when one process runs an engine per node
     * (a fleet pipeline, a partitioned agent); every finding carries it, and it is part of the
     * finding's deterministic {@link Finding#id()}. Empty by default: one node's stream, as
     * {@code sigil scan} reads.
     *
     * @param value the node's key, as the transport names it
     * @return this builder
     */
    public Builder node(String value) {
      this.node = Objects.requireNonNull(value, "node");
      return this;
    }

    /**
     * Builds the engine and initialises every signature.
     *
     * @return the engine
     * @throws IllegalStateException when no finding listener was set, or a signature failed to
     *     initialise (naming it)
     * @throws IllegalArgumentException when {@link #dedup(String, DedupPolicy)} named an id no
     *     signature has or declares as a variant, or a signature declares a variant id that
     *     another signature has or declares (naming the id)
     */
    public Engine build() {
      if (findingListener == null) {
        throw new IllegalStateException("an engine needs a finding listener (Builder.onFinding)");
      }
      Map<String, String> owners = new HashMap<>();
      for (Signature signature : signatures) {
        owners.put(signature.metadata().id(), signature.metadata().id());
      }
      for (Signature signature : signatures) {
        String owner = signature.metadata().id();
        for (SignatureMetadata variant : signature.variants()) {
          String previous = owners.putIfAbsent(variant.id(), owner);
          if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException("signature " + owner + " declares the variant "
                + variant.id() + ", which " + (previous.equals(variant.id())
                    ? "is a signature's own id" : "signature " + previous + " declares too"));
          }
        }
      }
      for (String id : dedupOverrides.keySet()) {
        if (!owners.containsKey(id)) {
          throw new IllegalArgumentException("dedup(\"" + id + "\", ...): no signature has the id "
              + id + " or declares it as a variant (signatures: " + ids + ")");
        }
      }
      return new Engine(this);
    }
  }
}
