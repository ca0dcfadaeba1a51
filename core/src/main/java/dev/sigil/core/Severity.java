package dev.sigil.core;

/**
 * How serious a finding is, on Tracee's scale: 0 info, 1 low, 2 medium, 3 high, 4 critical.
 */
public enum Severity {
  /** Tracee 0. */
  INFO(0),
  /** Tracee 1. */
  LOW(1),
  /** Tracee 2. */
  MEDIUM(2),
  /** Tracee 3. */
  HIGH(3),
  /** Tracee 4 (the newer scale). */
  CRITICAL(4);

  private final int traceeValue;

  Severity(int traceeValue) {
    this.traceeValue = traceeValue;
  }

  /**
   * Returns Tracee's integer for this severity.
   *
   * @return 0 to 4
   */
  public int traceeValue() {
    return traceeValue;
  }

  /**
   * Returns the severity of Tracee's integer.
   *
   * @param value 0 to 4
   * @return the severity
   * @throws IllegalArgumentException when the value is outside 0 to 4, naming it
   */
  public static Severity fromTraceeValue(int value) {
    for (Severity severity : values()) {
      if (severity.traceeValue == value) {
        return severity;
      }
    }
    throw new IllegalArgumentException("severity " + value + " is outside Tracee's 0-4 scale");
  }
}
