package dev.sigil.signatures.tracee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.core.Origin;
import dev.sigil.core.Signature;
import dev.sigil.core.testing.EventBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the signatures that fire on some values of one argument of their event share
 * (a ptrace request, a memory protection alert, a kernel read type), each value printed as Tracee
 * prints it, a number or its parsed text: the values that fire, from every origin and every
 * time, the values that do not, and the values that cannot be read.
 *
 * <p>A concrete test builds its event, and declares three tables, {@code static Stream<Object>}
 * methods: {@code firingValues()}, from Tracee's cases that fire; {@code otherValues()}, from
 * Tracee's case that does not fire and more; and {@code unreadableValues()}.
 */
abstract class ArgumentValueContractTest extends SignatureTest {
  private final String eventName;

  /** @param eventName the name of the signature's event, which its finding carries */
  ArgumentValueContractTest(Signature signature, String eventName) {
    super(signature);
    this.eventName = eventName;
  }

  /** The signature's event with the value of the argument, and Tracee's other arguments. */
  abstract EventBuilder eventWith(Object value);

  @ParameterizedTest(name = "printed as {0}")
  @MethodSource("firingValues")
  @DisplayName("should trigger detection")
  void firesOnEachFiringValue(Object value) {
    harness.feed(eventWith(value).build());
    assertFiredWithoutDataOn(eventName);
  }

  @ParameterizedTest(name = "printed as {0}")
  @MethodSource("otherValues")
  @DisplayName("should not trigger detection - wrong value")
  void ignoresEveryOtherValue(Object value) {
    harness.feed(eventWith(value).build());
    assertNoFinding();
  }

  @ParameterizedTest(name = "printed as {0}")
  @MethodSource("firingValues")
  void firesOnEachFiringValueFromEveryOrigin(Object value) {
    for (Origin origin : Origin.values()) {
      harness.feed(eventWith(value).origin(origin).build());
    }
    assertEquals(Origin.values().length, harness.findings().size());
  }

  @ParameterizedTest(name = "printed as {0}")
  @MethodSource("firingValues")
  void reportsEveryRepeatBecauseTraceeDoesNotDeduplicate(Object value) {
    harness.feed(eventWith(value).build(), eventWith(value).build());
    assertEquals(2, harness.findings().size());
    assertEquals(0, harness.stats().suppressed());
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("unreadableValues")
  void countsAnUnreadableValueAsDataProblem(Object value) {
    harness.feed(eventWith(value).build());
    assertNoFindingButOneDataProblem();
  }
}
