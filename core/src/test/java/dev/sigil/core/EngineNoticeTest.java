package dev.sigil.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.core.testing.EventBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures' notices reach the notice listener, each distinct one once. */
class EngineNoticeTest {
  private final List<SignatureNotice> notices = new ArrayList<>();

  /** Gives the notice "full" on every event, and "overflowing" from the third one on. */
  private static final class Noticing extends RecordingSignature {
    private int events;

    Noticing(String id) {
      super(id, Selector.any());
    }

    @Override
    public void onEvent(Event event, SignatureContext context) {
      context.notice("full");
      if (++events >= 3) {
        context.notice("overflowing");
      }
    }
  }

  private Engine engine(Signature... signatures) {
    return Engine.builder().addAll(List.of(signatures)).onFinding(finding -> { })
        .onNotice(notices::add).build();
  }

  private static void feed(Engine engine, int events) {
    for (int i = 0; i < events; i++) {
      engine.accept(EventBuilder.event("openat").build());
    }
  }

  @Test
  void deliversEachDistinctNoticeOfASignatureOnce() {
    Engine engine = engine(new Noticing("SIG-1"));

    feed(engine, 10);

    assertEquals(List.of(new SignatureNotice("SIG-1", "full"),
        new SignatureNotice("SIG-1", "overflowing")), notices);
  }

  @Test
  void theSameMessageFromTwoSignaturesIsTwoNotices() {
    Engine engine = engine(new Noticing("SIG-1"), new Noticing("SIG-2"));

    feed(engine, 1);

    assertEquals(List.of("SIG-1: full", "SIG-2: full"),
        notices.stream().map(SignatureNotice::toString).toList());
  }

  @Test
  void aFailingNoticeListenerDoesNotStopTheEngine() {
    Engine engine = Engine.builder().add(new Noticing("SIG-1")).onFinding(finding -> { })
        .onNotice(notice -> {
          throw new IllegalStateException("listener broke");
        }).build();

    feed(engine, 5);

    assertEquals(5, engine.stats().events());
    assertEquals(0, engine.stats().errors(), "the signature did nothing wrong");
  }

  @Test
  void stopsDeliveringPastTheLimitOfDistinctNoticesPerSignature() {
    Signature endless = new RecordingSignature("SIG-3", Selector.any()) {
      private int n;

      @Override
      public void onEvent(Event event, SignatureContext context) {
        context.notice("notice " + n++);
      }
    };
    Engine engine = engine(endless);

    feed(engine, SignatureSlot.MAX_NOTICES + 10);

    assertEquals(SignatureSlot.MAX_NOTICES + 1, notices.size(), "the limit's own notice, once");
    assertTrue(notices.get(SignatureSlot.MAX_NOTICES).message()
        .contains("further ones are dropped (the first dropped: notice " + SignatureSlot.MAX_NOTICES
            + ")"), notices.get(SignatureSlot.MAX_NOTICES).message());
  }
}
