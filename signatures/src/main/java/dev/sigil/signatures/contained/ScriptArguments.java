package dev.sigil.signatures.contained;

import dev.sigil.core.StringList;

/**
 * Finds, in an interpreter's {@code argv}, the file it runs, as the interpreter would: options
 * (clustered, and for shells also {@code +}-options) are skipped with the values they take,
 * {@code --} ends them, options that give code instead of a file ({@code python -c}/{@code -m},
 * {@code perl}/{@code ruby}/{@code node -e}, {@code php -r}) mean there is no file, and
 * {@code php -f} names it. A shell's {@code -c} makes the first operand a command string (its
 * first word may be a path the shell runs). For busybox the applet ({@code argv[0]}'s basename,
 * or {@code argv[1]} when that is busybox itself) must be a shell. The dynamic loader's program
 * is its first operand, and {@code --list}, {@code --verify} (what {@code ldd} runs) and a loader
 * run as {@code ldd} run nothing.
 *
 * <p>An unknown long option without {@code =} may or may not take the next argument: both that
 * argument and the one after it are then candidates, so that an option Sigil does not know cannot
 * hide the file. Results are this object's fields, valid until the next call; allocates nothing.
 * Single-threaded.
 */
final class ScriptArguments {
  /**
   * What a family's options look like. Letters: {@code valueLetters} take a value (the rest of
   * the cluster, else the next argument); {@code codeLetters} give code, so no file runs;
   * {@code restLetters} take the rest of the cluster, if any; {@code digitLetters} take the
   * digits that follow; {@code scriptLetters} name the file; {@code commandLetter} makes the
   * first operand a command string; {@code stdinLetter} reads standard input. Long options are
   * matched by name before any {@code =}.
   */
  private record Grammar(
      String valueLetters,
      String codeLetters,
      String restLetters,
      String digitLetters,
      String scriptLetters,
      char commandLetter,
      char stdinLetter,
      boolean plusOptions,
      boolean shortOptions,
      String[] longValues,
      String[] longCode,
      String[] longScripts,
      String[] longNothing) {}

  private static final String[] NO_NAMES = {};
  private static final char NO_LETTER = '\0';

  private static final Grammar SHELL = new Grammar("oO", "", "", "", "", 'c', 's', true, true,
      new String[] {"--rcfile", "--init-file"}, NO_NAMES, NO_NAMES, NO_NAMES);
  private static final Grammar PYTHON = new Grammar("WXQ", "cm", "", "", "", NO_LETTER, NO_LETTER,
      false, true, new String[] {"--check-hash-based-pycs"}, NO_NAMES, NO_NAMES, NO_NAMES);
  private static final Grammar PERL = new Grammar("IMm", "eE", "ixdDCV", "0l", "", NO_LETTER,
      NO_LETTER, false, true, NO_NAMES, NO_NAMES, NO_NAMES, NO_NAMES);
  private static final Grammar RUBY = new Grammar("IrCE", "e", "xKTWF", "0", "", NO_LETTER,
      NO_LETTER, false, true,
      new String[] {"--encoding", "--external-encoding", "--internal-encoding", "--enable",
          "--disable", "--dump", "--backtrace-limit", "--crash-report"},
      NO_NAMES, NO_NAMES, NO_NAMES);
  private static final Grammar NODE = new Grammar("rC", "ep", "", "", "", NO_LETTER, NO_LETTER,
      false, true,
      new String[] {"--require", "--import", "--loader", "--experimental-loader", "--conditions",
          "--input-type", "--title", "--env-file", "--inspect-port", "--debug-port",
          "--redirect-warnings", "--icu-data-dir", "--openssl-config", "--tls-cipher-list",
          "--dns-result-order", "--diagnostic-dir", "--report-dir", "--report-directory",
          "--report-filename", "--report-signal", "--heapsnapshot-signal", "--unhandled-rejections",
          "--watch-path", "--experimental-policy", "--policy-integrity", "--secure-heap",
          "--secure-heap-min", "--max-http-header-size", "--stack-trace-limit",
          "--trace-event-categories", "--trace-event-file-pattern", "--disable-warning",
          "--experimental-config-file", "--run"},
      new String[] {"--eval", "--print"}, NO_NAMES, NO_NAMES);
  // -B and -E run code around -R or -F, which say whether a file runs.
  private static final Grammar PHP = new Grammar("cdztSBE", "rR", "", "", "fF", NO_LETTER,
      NO_LETTER, false, true, new String[] {"--php-ini", "--define", "--zend-extension",
          "--process-begin", "--process-end"},
      new String[] {"--run", "--process-code"},
      new String[] {"--file", "--process-file"},
      new String[] {"--rf", "--rfunction", "--rc", "--rclass", "--re", "--rextension", "--rz",
          "--rzendextension", "--ri", "--rextinfo"});
  private static final Grammar LUA = new Grammar("el", "", "", "", "", NO_LETTER, NO_LETTER, false,
      true, NO_NAMES, NO_NAMES, NO_NAMES, NO_NAMES);
  private static final Grammar LOADER = new Grammar("", "", "", "", "", NO_LETTER, NO_LETTER, false,
      false,
      new String[] {"--library-path", "--inhibit-rpath", "--audit", "--preload", "--argv0",
          "--glibc-hwcaps-prefix", "--glibc-hwcaps-mask"},
      NO_NAMES, NO_NAMES,
      new String[] {"--list", "--verify", "--list-tunables", "--list-diagnostics", "--help",
          "--version"});

  private static final int LONG_FLAG = 0;
  private static final int LONG_VALUE = 1;
  private static final int LONG_CODE = 2;
  private static final int LONG_SCRIPT = 3;
  private static final int LONG_NOTHING = 4;
  private static final int LONG_UNKNOWN = 5;

  /** The file's index in argv, or -1. */
  int first;
  /** Where the file starts in {@link #first}: 0, or after an option it is attached to. */
  int offset;
  /** Another candidate, after an unknown long option that may have taken {@link #first}; or -1. */
  int second;
  /** Whether {@link #first} is a shell's command string rather than a file. */
  boolean command;

  /**
   * Finds the file an interpreter of the family runs.
   *
   * @param family an {@link Interpreters} family other than {@link Interpreters#NONE}
   * @param argv the exec's argv, program name first
   */
  void find(int family, StringList argv) {
    first = -1;
    offset = 0;
    second = -1;
    command = false;
    if (argv.size() < 2) {
      return;
    }
    switch (family) {
      case Interpreters.BUSYBOX -> {
        if (!Interpreters.isBusybox(argv.get(0))) {
          if (Interpreters.isShell(argv.get(0))) {
            scan(SHELL, argv, 1);
          }
        } else if (Interpreters.isShell(argv.get(1))) {
          scan(SHELL, argv, 2);
        }
      }
      case Interpreters.SHELL -> scan(SHELL, argv, 1);
      case Interpreters.PYTHON -> scan(PYTHON, argv, 1);
      case Interpreters.PERL -> scan(PERL, argv, 1);
      case Interpreters.RUBY -> scan(RUBY, argv, 1);
      case Interpreters.NODE -> scan(NODE, argv, 1);
      case Interpreters.PHP -> scan(PHP, argv, 1);
      case Interpreters.LUA -> scan(LUA, argv, 1);
      case Interpreters.LOADER -> {
        if (!basenameIs(argv.get(0), "ldd")) {
          scan(LOADER, argv, 1);
        }
      }
      default -> { }
    }
  }

  private void scan(Grammar grammar, StringList argv, int from) {
    int size = argv.size();
    boolean commandMode = false;
    int i = from;
    while (i < size) {
      CharSequence argument = argv.get(i);
      if (!isOption(grammar, argument)) {
        if (argument.length() == 1 && argument.charAt(0) == '-') {
          // A lone '-': shells take it as the end of options, the others read standard input.
          if (grammar != SHELL) {
            return;
          }
          i++;
        }
        break;
      }
      if (argument.charAt(0) == '-' && argument.charAt(1) == '-') {
        if (argument.length() == 2) {
          i++;
          break;
        }
        int equals = indexOf(argument, '=');
        switch (longOption(grammar, argument, equals < 0 ? argument.length() : equals)) {
          case LONG_NOTHING, LONG_CODE -> {
            return;
          }
          case LONG_SCRIPT -> {
            if (equals < 0) {
              first = i + 1 < size ? i + 1 : -1;
            } else {
              first = i;
              offset = equals + 1;
            }
            return;
          }
          case LONG_VALUE -> i += equals < 0 ? 2 : 1;
          case LONG_UNKNOWN -> {
            if (equals >= 0) {
              i++;
            } else {
              // A flag, or an option taking the next argument: both readings are candidates.
              candidates(operand(grammar, argv, i + 1), operand(grammar, argv, i + 2));
              return;
            }
          }
          default -> i++;
        }
        continue;
      }
      int consumed = 1;
      for (int c = 1; c < argument.length(); c++) {
        char letter = argument.charAt(c);
        boolean attached = c + 1 < argument.length();
        if (letter == grammar.commandLetter()) {
          commandMode = true;
        } else if (letter == grammar.stdinLetter()
            || grammar.codeLetters().indexOf(letter) >= 0) {
          return;
        } else if (grammar.scriptLetters().indexOf(letter) >= 0) {
          if (attached) {
            first = i;
            offset = c + 1;
          } else {
            first = i + 1 < size ? i + 1 : -1;
          }
          return;
        } else if (grammar.valueLetters().indexOf(letter) >= 0) {
          consumed = attached ? 1 : 2;
          break;
        } else if (grammar.restLetters().indexOf(letter) >= 0) {
          break;
        } else if (grammar.digitLetters().indexOf(letter) >= 0) {
          c = numberEnd(argument, c + 1) - 1;
        }
      }
      i += consumed;
    }
    if (i < size) {
      first = i;
      command = commandMode;
    }
  }

  /** Whether an argument is an option of the grammar (a lone '-' is not). */
  private static boolean isOption(Grammar grammar, CharSequence argument) {
    if (argument.length() < 2) {
      return false;
    }
    char lead = argument.charAt(0);
    if (lead == '-') {
      return grammar.shortOptions() || argument.charAt(1) == '-';
    }
    return lead == '+' && grammar.plusOptions();
  }

  /** The argument at {@code i} when it exists and is not an option; -1 otherwise. */
  private static int operand(Grammar grammar, StringList argv, int i) {
    return i < argv.size() && !isOption(grammar, argv.get(i)) ? i : -1;
  }

  private void candidates(int a, int b) {
    first = a >= 0 ? a : b;
    second = a >= 0 ? b : -1;
  }

  private static int longOption(Grammar grammar, CharSequence argument, int nameEnd) {
    if (in(grammar.longNothing(), argument, nameEnd)) {
      return LONG_NOTHING;
    }
    if (in(grammar.longScripts(), argument, nameEnd)) {
      return LONG_SCRIPT;
    }
    if (in(grammar.longCode(), argument, nameEnd)) {
      return LONG_CODE;
    }
    if (in(grammar.longValues(), argument, nameEnd)) {
      return LONG_VALUE;
    }
    // Shells' long options are flags, but for the two above.
    return grammar == SHELL ? LONG_FLAG : LONG_UNKNOWN;
  }

  private static boolean in(String[] names, CharSequence argument, int nameEnd) {
    for (String name : names) {
      if (name.length() == nameEnd && startsWith(argument, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(CharSequence text, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(CharSequence text, char c) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the number attached to {@code -0} or {@code -l} ends: octal digits, or {@code x} and
   * hexadecimal digits ({@code perl -0x1F}); {@code -lne} is {@code -l -n -e}.
   */
  private static int numberEnd(CharSequence argument, int from) {
    int end = from;
    boolean hex = end < argument.length() && argument.charAt(end) == 'x';
    if (hex) {
      end++;
    }
    while (end < argument.length() && isDigit(argument.charAt(end), hex)) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(char c, boolean hex) {
    return (c >= '0' && c <= '7') || (hex && ((c >= '8' && c <= '9') || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')));
  }

  private static boolean basenameIs(CharSequence path, String name) {
    int start = Interpreters.basenameStart(path);
    if (path.length() - start != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (path.charAt(start + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
