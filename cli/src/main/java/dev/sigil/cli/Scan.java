package dev.sigil.cli;

import dev.sigil.core.Engine;
import dev.sigil.core.Event;
import dev.sigil.core.FindingDeliveryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@code sigil scan}: reads the input into the engine, then finishes — closes the
 * engine (signatures get the end of input), lets the finding writer drain, saves the state and
 * prints the summary — exactly once, whether the input ended, reading or writing failed, or a
 * stop signal arrived.
 *
 * <p>Two threads may meet here: the reading thread, and on SIGINT/SIGTERM the stop thread
 * ({@link #stop()}). The engine is single-threaded, so every engine call is made under one
 * lock; once finished, later events are dropped. Findings are written by the
 * {@link FindingPipe}'s own thread, so a blocked standard output never holds that lock for
 * longer than a stop allows: a stop completes within about twice the grace period whatever the
 * output does.
 */
final class Scan {
  /** The in-process exit status of a scan stopped by a signal (the shell's 128 + SIGINT). */
  static final int STOPPED = 130;

  private final Object lock = new Object();
  private final EventSource source;
  private final Engine engine;
  private final FindingPipe findings;
  private final Diagnostics diagnostics;
  private final @Nullable StateFile state;
  private final SummaryFormat summaryFormat;
  private final String inputName;
  private final String inputFormat;
  private final LongSupplier nanoTime;
  private final Duration stopGrace;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final long startNanos;

  private volatile boolean stopRequested;
  // Guarded by lock.
  private boolean done;
  private int status;
  private long events;
  private @Nullable IOException readFailure;
  private @Nullable RuntimeException outputFailure;
  private @Nullable RuntimeException internalFailure;

  Scan(EventSource source, Engine engine, FindingPipe findings, Diagnostics diagnostics,
      @Nullable StateFile state, SummaryFormat summaryFormat, String inputName, String inputFormat,
      LongSupplier nanoTime, Duration stopGrace) {
    this.source = source;
    this.engine = engine;
    this.findings = findings;
    this.diagnostics = diagnostics;
    this.state = state;
    this.summaryFormat = summaryFormat;
    this.inputName = inputName;
    this.inputFormat = inputFormat;
    this.nanoTime = nanoTime;
    this.stopGrace = stopGrace;
    this.startNanos = nanoTime.getAsLong();
  }

  /**
   * Reads the input to its end (or until stopped), then finishes.
   *
   * @return the exit status
   */
  int run() {
    try {
      source.read(this::accept);
    } catch (IOException e) {
      synchronized (lock) {
        readFailure = e;
      }
    } catch (RuntimeException e) {
      synchronized (lock) {
        internalFailure = e;
      }
    }
    return finish();
  }

  /** Progress callback: the input's byte count after each read, on the reading thread. */
  void bytesRead(long total) {
    long seen;
    synchronized (lock) {
      seen = events;
    }
    diagnostics.progress(total, seen);
  }

  /**
   * Stops the scan on a signal: asks the source to stop after its current line, bounds every
   * wait on the finding output, gives the reading thread {@code stopGrace} to finish, and
   * finishes itself when that thread is stuck (blocked on an idle pipe). Returns once the scan
   * is finished.
   */
  void stop() {
    stopRequested = true;
    source.stop();
    findings.deadline(nanoTime.getAsLong() + stopGrace.toNanos());
    try {
      if (finished.await(stopGrace.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    finish();
  }

  private void accept(Event event) {
    synchronized (lock) {
      if (done || outputFailure != null) {
        source.stop();
        return;
      }
      events++;
      try {
        engine.accept(event);
      } catch (FindingDeliveryException e) {
        outputFailure = e;
        source.stop();
      }
    }
  }

  /**
   * Finishes the scan once; later calls return the same status.
   *
   * @return the exit status
   */
  int finish() {
    synchronized (lock) {
      if (done) {
        return status;
      }
      done = true;
      if (stopRequested) {
        // Whatever the output does, the queued findings get one more grace period, no more.
        findings.deadline(nanoTime.getAsLong() + stopGrace.toNanos());
      }
      try {
        engine.close();
      } catch (FindingDeliveryException e) {
        outputFailure = outputFailure == null ? e : outputFailure;
      }
      RuntimeException writeFailure = findings.close();
      if (writeFailure != null && outputFailure == null) {
        outputFailure = writeFailure;
      }
      long notWritten = findings.notWritten();
      boolean complete = !stopRequested && readFailure == null && outputFailure == null
          && internalFailure == null && notWritten == 0;
      status = 0;
      if (readFailure != null) {
        diagnostics.message("sigil scan: reading " + inputName + " failed: " + readFailure.getMessage());
        status = 1;
      }
      if (outputFailure != null) {
        diagnostics.message("sigil scan: writing findings failed, so the scan stopped: "
            + rootCause(outputFailure));
        status = 1;
      }
      if (internalFailure != null) {
        StringWriter trace = new StringWriter();
        internalFailure.printStackTrace(new PrintWriter(trace));
        diagnostics.message("sigil scan: internal error, the scan stopped: " + trace.toString().stripTrailing());
        status = 1;
      }
      if (notWritten > 0) {
        diagnostics.message("sigil scan: " + notWritten + (notWritten == 1 ? " finding" : " findings")
            + " could not be written"
            + (outputFailure == null ? " (standard output did not take them in time)" : ""));
      }
      if (state != null) {
        try {
          state.save(engine);
        } catch (IOException | RuntimeException e) {
          diagnostics.message("sigil scan: saving the state to '" + state.path() + "' failed: " + e
              + " (the previous state file, if any, is unchanged)");
          status = 1;
        }
      }
      if (status == 0 && stopRequested) {
        diagnostics.message("sigil scan: stopped on request (SIGINT or SIGTERM) before the end of "
            + inputName + (notWritten == 0 ? "; the findings so far are written" : ""));
        status = STOPPED;
      }
      ScanSummary summary = ScanSummary.of(inputName, inputFormat, complete, source.stats(),
          engine.stats(), findings.written(), notWritten, findings.writtenById(),
          diagnostics.rejectedByReason(), nanoTime.getAsLong() - startNanos);
      diagnostics.summary(summaryFormat.render(summary));
      finished.countDown();
      return status;
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
