package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.Event;
import dev.sigil.core.tracee.TraceeArguments;

/**
 * Where a {@link NumberSignature} reads its one integer argument, the event that carries it, and
 * the data problem counted when it cannot be read. Stateless and allocation-free; safe from any
 * thread.
 */
enum NumberSource {
  /**
   * The {@code request} of a {@code ptrace}, whether Tracee printed it as a number or parsed
   * ({@code "PTRACE_TRACEME"}); Tracee's own signatures read only an integer.
   */
  PTRACE_REQUEST("ptrace", "request", "ptrace without a readable request") {
    @Override
    long read(Event event) {
      return TraceeArguments.ptraceRequest(event, key, UNREADABLE);
    }
  },

  /**
   * The {@code alert} of a {@code mem_prot_alert}, whether Tracee printed it as a number or
   * parsed as its text; Tracee's own signature reads only an unsigned integer.
   */
  MEM_PROT_ALERT("mem_prot_alert", "alert", "mem_prot_alert without a readable alert") {
    @Override
    long read(Event event) {
      return TraceeArguments.memProtAlert(event, key, UNREADABLE);
    }
  },

  /** The target {@code pid} of a {@code process_vm_writev}, an integer. */
  TARGET_PID("process_vm_writev", "pid", "process_vm_writev without an integer pid") {
    @Override
    long read(Event event) {
      return event.longValue(key, UNREADABLE);
    }
  };

  /** What {@link #read} returns for an argument that is missing or cannot be read. */
  static final long UNREADABLE = Long.MIN_VALUE;

  final String eventName;
  final ArgKey key;
  final String problem;

  NumberSource(String eventName, String argument, String problem) {
    this.eventName = eventName;
    this.key = ArgKey.of(argument);
    this.problem = problem;
  }

  /**
   * Reads the argument.
   *
   * @param event an event named {@link #eventName}
   * @return its value, or {@link #UNREADABLE}
   */
  abstract long read(Event event);
}
