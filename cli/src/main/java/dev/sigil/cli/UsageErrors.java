package dev.sigil.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says what was wrong with the arguments, the way a person fixes it: an unknown option or
 * command with the one probably meant ("did you mean --summary?"), a second FILE as a second
 * FILE rather than an unknown option, a file whose name starts with '-' with how to name it.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String explain(ParameterException problem) {
    if (!(problem instanceof UnmatchedArgumentException)) {
      return problem.getMessage();
    }
    CommandSpec spec = problem.getCommandLine().getCommandSpec();
    List<String> unmatched = ((UnmatchedArgumentException) problem).getUnmatched();
    if (unmatched.isEmpty()) {
      return problem.getMessage();
    }
    for (String argument : unmatched) {
      if (looksLikeOption(argument)) {
        String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        if (isFile(argument)) {
          return "'" + argument + "' is read as an option; to scan the file of that name, write"
              + " ./" + argument;
        }
        String suggestion = Suggestions.closest(option, optionNames(spec));
        return "unknown option '" + option + "'"
            + (suggestion == null ? "" : "; did you mean " + suggestion + "?");
      }
    }
    String first = unmatched.get(0);
    if (!spec.subcommands().isEmpty()) {
      String suggestion = Suggestions.closest(first, new ArrayList<>(spec.subcommands().keySet()));
      return "unknown command '" + first + "'"
          + (suggestion == null ? "" : "; did you mean " + suggestion + "?");
    }
    return "unexpected argument '" + first + "': " + spec.name() + " takes at most "
        + spec.positionalParameters().size() + " ("
        + spec.positionalParameters().stream().map(p -> p.paramLabel()).reduce((a, b) -> a + ", " + b)
            .orElse("none")
        + "); to scan several files, run it once per file or concatenate them into standard input";
  }

  private static boolean looksLikeOption(String argument) {
    return argument.length() > 1 && argument.startsWith("-");
  }

  private static boolean isFile(String argument) {
    try {
      return Files.exists(Path.of(argument));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      for (String name : option.names()) {
        names.add(name);
      }
    }
    return names;
  }

  /** For tests: the explanation of what parsing {@code args} fails with, or null when it parses. */
  static @Nullable String of(CommandLine cli, String... args) {
    try {
      cli.parseArgs(args);
      return null;
    } catch (ParameterException e) {
      return explain(e);
    }
  }
}
