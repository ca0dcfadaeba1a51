package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.StringList;
import org.jspecify.annotations.Nullable;

/**
 * The environment a {@code sched_process_exec} says its program was given, read as Tracee's
 * signatures read it (the program's {@code pathname} is {@link PathSource#EXECUTED}). Tracee
 * leaves out {@code env}, or prints it as null, unless asked to capture it, so either is no
 * environment rather than a data problem; anything but a list of strings is one. Stateless and
 * allocation-free; safe from any thread.
 */
final class ProcessExec {
  private static final ArgKey ENV = ArgKey.of("env");

  private ProcessExec() {}

  /**
   * Reads the {@code env} argument.
   *
   * @param event a {@code sched_process_exec}
   * @param context where a data problem is counted
   * @return the variables as {@code NAME=value}, valid during this event only; null when there
   *     are none to look at
   */
  static @Nullable StringList readEnvironment(Event event, SignatureContext context) {
    int index = event.argIndex(ENV);
    if (index < 0 || event.argKind(index) == ArgKind.NULL) {
      return null;
    }
    StringList env = event.stringsAt(index);
    if (env == null) {
      context.dataProblem("sched_process_exec env is not a list of strings");
    }
    return env;
  }
}
