package dev.sigil.cli;

import dev.sigil.core.Signature;
import dev.sigil.signatures.ContainedExecutableOptions;
import dev.sigil.signatures.Signatures;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the command line runs against: its streams, whether standard error is a terminal, how
 * it learns of SIGINT/SIGTERM, where the built-in signatures come from and the clock the
 * progress line uses. The process gets the real ones ({@link SigilCli#main}); tests and
 * embedders pass their own.
 *
 * @param stdin what {@code -} (or no file) reads
 * @param stdout where findings and help go
 * @param stderr where rejected lines, errors, progress and the summary go
 * @param stderrIsTerminal whether standard error is a terminal (a progress line is wanted)
 * @param stopSignals registers what to do on SIGINT/SIGTERM
 * @param stopGrace how long a stop signal waits for the reading thread before finishing the scan
 *     itself (the reading thread may be blocked on an idle pipe)
 * @param builtInSignatures makes the built-in signatures from the contained-executable options
 * @param nanoTime a monotonic clock in nanoseconds, for the progress line and rates
 */
record CliEnvironment(
    InputStream stdin,
    OutputStream stdout,
    PrintStream stderr,
    boolean stderrIsTerminal,
    StopSignals stopSignals,
    Duration stopGrace,
    Function<ContainedExecutableOptions, List<Signature>> builtInSignatures,
    LongSupplier nanoTime) {

  /** How long a stop signal waits for the reading thread by default. */
  static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(2);

  static CliEnvironment of(InputStream stdin, OutputStream stdout, PrintStream stderr) {
    return new CliEnvironment(stdin, stdout, stderr, false, StopSignals.none(), DEFAULT_STOP_GRACE,
        Signatures::builtIn, System::nanoTime);
  }

  CliEnvironment withStderrTerminal(boolean terminal) {
    return new CliEnvironment(stdin, stdout, stderr, terminal, stopSignals, stopGrace,
        builtInSignatures, nanoTime);
  }

  CliEnvironment withStopSignals(StopSignals signals, Duration grace) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, signals, grace,
        builtInSignatures, nanoTime);
  }

  CliEnvironment withStopSignals(StopSignals signals) {
    return withStopSignals(signals, stopGrace);
  }

  CliEnvironment withBuiltInSignatures(Function<ContainedExecutableOptions, List<Signature>> factory) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace,
        factory, nanoTime);
  }

  CliEnvironment withNanoTime(LongSupplier clock) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace,
        builtInSignatures, clock);
  }
}
