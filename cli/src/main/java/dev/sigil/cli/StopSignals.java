package dev.sigil.cli;

/**
 * Where the command learns that it must stop early (SIGINT, SIGTERM): it registers an action
 * that finishes the scan, and cancels it once the scan finished on its own.
 */
@FunctionalInterface
interface StopSignals {
  /** Undoes a {@link #onStop(Runnable)}. */
  @FunctionalInterface
  interface Registration {
    /** Forgets the action; harmless when the process is already shutting down. */
    void cancel();
  }

  /**
   * Runs {@code action} when the process is asked to stop; the action runs on another thread
   * and must return once the scan's output is complete.
   *
   * @param action what to do
   * @return a registration to cancel
   */
  Registration onStop(Runnable action);

  /** Never signals: for in-process runs, where the caller owns the process. */
  static StopSignals none() {
    return action -> () -> { };
  }

  /** The JVM's shutdown hooks, which run on SIGINT, SIGTERM and SIGHUP. */
  static StopSignals runtime() {
    return action -> {
      Thread hook = new Thread(action, "sigil-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is already running or done: nothing left to cancel.
        }
      };
    };
  }
}
