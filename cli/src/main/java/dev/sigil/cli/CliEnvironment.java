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
 * What the command line runs against: its streams and which of them are terminals, whether
 * colour is refused ({@code NO_COLOR}), how it learns of SIGINT/SIGTERM, where the built-in
 * signatures come from and the clock the progress line uses. The process gets the real ones
 * ({@link SigilCli#main}); tests and embedders pass their own.
 *
 * @param stdin what {@code -} (or no file) reads
 * @param stdout where findings and help go
 * @param stderr where rejected lines, errors, progress and the summary go
 * @param stderrIsTerminal whether standard error is a terminal (a progress line is wanted)
 * @param stopSignals registers what to do on SIGINT/SIGTERM
 * @param stopGrace how long a stop signal waits for the reading thread before finishing the scan
 *     itself (the reading thread may be blocked on an idle pipe), and then again at most for the
 *     findings still queued to be written (standard output may be blocked)
 * @param builtInSignatures makes the built-in signatures from the contained-executable options
 * @param nanoTime a monotonic clock in nanoseconds, for the progress line and rates
 * @param stdinIsTerminal whether standard input is a terminal (a person may be typing)
 * @param stdoutIsTerminal whether standard output is a terminal (findings are read by a person)
 * @param noColor whether colour is refused ({@code NO_COLOR} set and not empty)
 */
record CliEnvironment(
    InputStream stdin,
    OutputStream stdout,
    PrintStream stderr,
    boolean stderrIsTerminal,
    StopSignals stopSignals,
    Duration stopGrace,
    Function<ContainedExecutableOptions, List<Signature>> builtInSignatures,
    LongSupplier nanoTime,
    boolean stdinIsTerminal,
    boolean stdoutIsTerminal,
    boolean noColor) {

  /**
   * How long a stop signal waits for the reading thread, and then for queued findings: the
   * two together, and saving the state, stay well within 5 s.
   */
  static final Duration DEFAULT_STOP_GRACE = Duration.ofMillis(1500);

  /** An environment whose standard input and output are no terminals. */
  CliEnvironment(InputStream stdin, OutputStream stdout, PrintStream stderr,
      boolean stderrIsTerminal, StopSignals stopSignals, Duration stopGrace,
      Function<ContainedExecutableOptions, List<Signature>> builtInSignatures,
      LongSupplier nanoTime) {
    this(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace, builtInSignatures,
        nanoTime, false, false, false);
  }

  static CliEnvironment of(InputStream stdin, OutputStream stdout, PrintStream stderr) {
    return new CliEnvironment(stdin, stdout, stderr, false, StopSignals.none(), DEFAULT_STOP_GRACE,
        Signatures::builtIn, System::nanoTime);
  }

  CliEnvironment withStreams(InputStream in, OutputStream out, PrintStream err) {
    return new CliEnvironment(in, out, err, stderrIsTerminal, stopSignals, stopGrace,
        builtInSignatures, nanoTime, stdinIsTerminal, stdoutIsTerminal, noColor);
  }

  CliEnvironment withStderrTerminal(boolean terminal) {
    return withTerminals(stdinIsTerminal, stdoutIsTerminal, terminal);
  }

  CliEnvironment withTerminals(boolean stdinTerminal, boolean stdoutTerminal, boolean stderrTerminal) {
    return new CliEnvironment(stdin, stdout, stderr, stderrTerminal, stopSignals, stopGrace,
        builtInSignatures, nanoTime, stdinTerminal, stdoutTerminal, noColor);
  }

  CliEnvironment withNoColor(boolean refused) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace,
        builtInSignatures, nanoTime, stdinIsTerminal, stdoutIsTerminal, refused);
  }

  CliEnvironment withStopSignals(StopSignals signals, Duration grace) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, signals, grace,
        builtInSignatures, nanoTime, stdinIsTerminal, stdoutIsTerminal, noColor);
  }

  CliEnvironment withStopSignals(StopSignals signals) {
    return withStopSignals(signals, stopGrace);
  }

  CliEnvironment withBuiltInSignatures(Function<ContainedExecutableOptions, List<Signature>> factory) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace,
        factory, nanoTime, stdinIsTerminal, stdoutIsTerminal, noColor);
  }

  CliEnvironment withNanoTime(LongSupplier clock) {
    return new CliEnvironment(stdin, stdout, stderr, stderrIsTerminal, stopSignals, stopGrace,
        builtInSignatures, clock, stdinIsTerminal, stdoutIsTerminal, noColor);
  }
}
