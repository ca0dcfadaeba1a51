package dev.sigil.cli;

import dev.sigil.core.ArgKey;
import dev.sigil.core.DedupPolicy;
import dev.sigil.core.Event;
import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Stateful;
import dev.sigil.core.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small signatures with known behaviour, so CLI tests do not depend on the built-in ones. */
final class TestSignatures {
  static final String EVIL_EVENT_NAME = "test_evil_write";

  private TestSignatures() {}

  /** Fires on every {@code magic_write} whose pathname contains {@code evil}; data {@code path}. */
  static Signature evilWrites(String id) {
    return new EvilWrites(id, null);
  }

  /** As {@link #evilWrites}, deduplicated per host and path for a day by default. */
  static Signature dedupedEvilWrites(String id) {
    return new EvilWrites(id, DedupPolicy.byHostAndFields(Duration.ofDays(1), "path"));
  }

  /** Throws on every {@code magic_write} whose pathname is {@code boom}. */
  static Signature throwing(String id) {
    return new EvilWrites(id, null) {
      @Override
      public void onEvent(Event event, SignatureContext context) {
        CharSequence path = event.string(PATHNAME);
        if (path != null && Text.contentEquals(path, "boom")) {
          throw new IllegalStateException("kaboom");
        }
      }
    };
  }

  /** Selects every event and throws on each, naming nothing of it: the engine names the event. */
  static Signature throwingOnEveryEvent(String id) {
    return new EvilWrites(id, null) {
      @Override
      public List<Selector> selectors() {
        return List.of(Selector.any());
      }

      @Override
      public void onEvent(Event event, SignatureContext context) {
        throw new IllegalStateException("always");
      }
    };
  }

  /** A stateful signature whose state cannot be saved. */
  static Signature unsavable(String id) {
    return new Unsavable(id);
  }

  private static class EvilWrites implements Signature {
    static final ArgKey PATHNAME = ArgKey.of("pathname");
    private final SignatureMetadata metadata;
    private final @Nullable DedupPolicy dedup;
    private @Nullable SignatureContext context;

    EvilWrites(String id, @Nullable DedupPolicy dedup) {
      this.metadata = SignatureMetadata.builder(id).name("Evil write").eventName(EVIL_EVENT_NAME)
          .category("test").build();
      this.dedup = dedup;
    }

    @Override
    public SignatureMetadata metadata() {
      return metadata;
    }

    @Override
    public List<Selector> selectors() {
      return List.of(Selector.event("magic_write"));
    }

    @Override
    public void init(SignatureContext value) {
      this.context = value;
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      CharSequence path = event.string(PATHNAME);
      if (path != null && Text.indexOf(path, "evil", 0) >= 0 && context != null) {
        context.report(event, Map.of("path", path.toString()));
      }
    }

    @Override
    public @Nullable DedupPolicy defaultDedup() {
      return dedup;
    }
  }

  private static final class Unsavable extends EvilWrites implements Stateful {
    Unsavable(String id) {
      super(id, null);
    }

    @Override
    public Object saveState() {
      throw new IllegalStateException("this state cannot be saved");
    }

    @Override
    public void restoreState(@Nullable Object state) {}
  }
}
