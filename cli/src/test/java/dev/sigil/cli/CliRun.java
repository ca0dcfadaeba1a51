package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int status, String stdout, String stderr) {

  /** An environment reading {@code stdin}; {@link #run(CliEnvironment, String...)} captures the rest. */
  static CliEnvironment environment(String stdin) {
    return CliEnvironment.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        OutputStream.nullOutputStream(), new PrintStream(OutputStream.nullOutputStream()));
  }

  static CliRun run(String stdin, String... args) {
    return run(environment(stdin), args);
  }

  static CliRun run(CliEnvironment environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment captured = environment.withStreams(environment.stdin(), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int status = SigilCli.run(args, captured);
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<String> stdoutLines() {
    return lines(stdout);
  }

  List<String> stderrLines() {
    return lines(stderr);
  }

  String lastStderrLine() {
    List<String> lines = stderrLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }
}
