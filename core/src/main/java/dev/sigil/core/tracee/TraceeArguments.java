package dev.sigil.core.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Event;
import dev.sigil.core.Text;
import dev.sigil.core.event.MutableEvent;
import org.jspecify.annotations.Nullable;

/**
 * Reads integer arguments that Tracee may print either as numbers or, under
 * {@code --output option:parse-arguments}, as text: open {@code flags} as {@code O_WRONLY|O_CREAT},
 * ptrace {@code request} as {@code PTRACE_POKETEXT}, mem_prot_alert's {@code alert} as a sentence,
 * mmap and mprotect {@code prot} as {@code PROT_READ|PROT_EXEC}. Either form reads as the same
 * number, so a signature compares numbers whatever the producer's options.
 *
 * <p>Text is matched against Tracee's exact printed names (as of Tracee v0.23 to v0.24): no case
 * folding, no spaces, {@code |} between names. Anything else (an unknown name, an empty string, a
 * value of another kind) reads as the {@code absent} value given; nothing throws. Reading allocates
 * nothing.
 *
 * <p>Names map to the x86_64 (asm-generic) values, the ones Tracee's numeric output has on x86_64.
 */
public final class TraceeArguments {
  private TraceeArguments() {}

  /** The open(2) access-mode bits. */
  private static final long O_ACCMODE = 3;
  private static final long O_RDONLY = 0;
  private static final long O_WRONLY = 1;
  private static final long O_RDWR = 2;

  // Open access modes, printed first and exactly once. Source: Tracee pkg/events/parsers/
  // data_parsers.go, ParseOpenFlagArgument (its O_RDONLY, O_WRONLY, O_RDWR variables); since
  // v0.23 a value of 0 prints as O_RDONLY (earlier versions printed an empty string).
  private static final String[] ACCESS_NAMES = {"O_RDONLY", "O_WRONLY", "O_RDWR"};
  private static final long[] ACCESS_VALUES = {O_RDONLY, O_WRONLY, O_RDWR};

  // Open creation and status flags, each printed after the access mode when all its bits are set;
  // bits with no name are dropped. Source: Tracee pkg/events/parsers/data_parsers.go (the O_*
  // variables) and data_parsers_amd64.go (openFlagsValues, O_LARGEFILE); Linux
  // include/uapi/asm-generic/fcntl.h. Octal, as in those headers.
  private static final String[] OPEN_FLAG_NAMES = {
    "O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_DSYNC", "O_SYNC",
    "FASYNC", "O_DIRECT", "O_LARGEFILE", "O_DIRECTORY", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC",
    "O_PATH", "O_TMPFILE",
  };
  private static final long[] OPEN_FLAG_VALUES = {
    0100, 0200, 0400, 01000, 02000, 04000, 010000, 04010000,
    020000, 040000, 0100000, 0200000, 0400000, 01000000, 02000000,
    040000000, 020000000,
  };

  // Ptrace requests, one name per value; an unnamed request prints as its unsigned decimal value.
  // Source: Tracee pkg/events/parsers/data_parsers.go (the PTRACE_* variables,
  // ParsePtraceRequestArgument), data_parsers_amd64.go and data_parsers_arm64.go
  // (ptraceRequestValues: the union of both is here, as names do not collide), and
  // pkg/events/parse_args_helpers.go, parsePtraceRequestArgument (the decimal fallback).
  private static final String[] PTRACE_NAMES = {
    "PTRACE_TRACEME", "PTRACE_PEEKTEXT", "PTRACE_PEEKDATA", "PTRACE_PEEKUSER", "PTRACE_POKETEXT",
    "PTRACE_POKEDATA", "PTRACE_POKEUSER", "PTRACE_CONT", "PTRACE_KILL", "PTRACE_SINGLESTEP",
    "PTRACE_GETREGS", "PTRACE_SETREGS", "PTRACE_GETFPREGS", "PTRACE_SETFPREGS", "PTRACE_ATTACH",
    "PTRACE_DETACH", "PTRACE_GETFPXREGS", "PTRACE_SETFPXREGS", "PTRACE_SYSCALL",
    "PTRACE_GET_THREAD_AREA", "PTRACE_SET_THREAD_AREA", "PTRACE_ARCH_PRCTL", "PTRACE_SYSEMU",
    "PTRACE_SYSEMU_SINGLESTEP", "PTRACE_SINGLEBLOCK", "PTRACE_PEEKMTETAGS", "PTRACE_POKEMTETAGS",
    "PTRACE_SETOPTIONS", "PTRACE_GETEVENTMSG", "PTRACE_GETSIGINFO", "PTRACE_SETSIGINFO",
    "PTRACE_GETREGSET", "PTRACE_SETREGSET", "PTRACE_SEIZE", "PTRACE_INTERRUPT", "PTRACE_LISTEN",
    "PTRACE_PEEKSIGINFO", "PTRACE_GETSIGMASK", "PTRACE_SETSIGMASK", "PTRACE_SECCOMP_GET_FILTER",
    "PTRACE_SECCOMP_GET_METADATA", "PTRACE_GET_SYSCALL_INFO", "PTRACE_GET_RSEQ_CONFIGURATION",
    "PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG", "PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG",
  };
  private static final long[] PTRACE_VALUES = {
    0, 1, 2, 3, 4,
    5, 6, 7, 8, 9,
    12, 13, 14, 15, 16,
    17, 18, 19, 24,
    25, 26, 30, 31,
    32, 33, 33, 34,
    0x4200, 0x4201, 0x4202, 0x4203,
    0x4204, 0x4205, 0x4206, 0x4207, 0x4208,
    0x4209, 0x420a, 0x420b, 0x420c,
    0x420d, 0x420e, 0x420f,
    0x4210, 0x4211,
  };

  // mem_prot_alert's alert, one sentence per value; 0 and unknown values print as "Unknown alert",
  // which names no single value and so reads as absent. Source: Tracee types/trace/trace.go,
  // MemProtAlert.String() (called from pkg/events/parse_args_helpers.go, parseMemProtAlert).
  // Value 4 prints "... from W to E!"; older Tracee versions printed "... from W+E to E!", and
  // both read as 4.
  private static final String[] ALERT_NAMES = {
    "Mmaped region with W+E permissions!",
    "Protection changed to Executable!",
    "Protection changed from E to W+E!",
    "Protection changed from W to E!",
    "Protection changed from W+E to E!",
  };
  private static final long[] ALERT_VALUES = {1, 2, 3, 4, 4};

  // Memory protection bits, printed in this order when all their bits are set; 0 prints as
  // PROT_NONE alone, and bits with no name are dropped (so a value with none named prints empty).
  // Source: Tracee pkg/events/parsers/data_parsers.go, ParseMmapProt (mmapProtArgs, PROT_NONE).
  private static final String PROT_NONE = "PROT_NONE";
  private static final String[] PROT_NAMES = {
    "PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_SEM", "PROT_GROWSDOWN", "PROT_GROWSUP",
  };
  private static final long[] PROT_VALUES = {0x1, 0x2, 0x4, 0x8, 0x01000000, 0x02000000};

  private static final int OPEN_FLAGS = 0;
  private static final int PTRACE_REQUEST = 1;
  private static final int MEM_PROT_ALERT = 2;
  private static final int PROTECTION = 3;
  /** Neither flags nor protection bits: they use the low 32 bits only. */
  private static final long UNPARSEABLE = Long.MIN_VALUE;

  /** The largest unsigned 64-bit value that can be multiplied by 10 without overflow. */
  private static final long UNSIGNED_MAX_BY_TEN = Long.divideUnsigned(-1L, 10);

  /**
   * Reads open(2) flags: {@code open}, {@code openat} and {@code security_file_open}'s
   * {@code flags}, which Tracee prints as {@code O_RDONLY|O_LARGEFILE} or
   * {@code O_WRONLY|O_CREAT|O_TRUNC} when it parses arguments.
   *
   * @param event the event
   * @param key the argument's key, usually {@code flags}
   * @param absent what to return when the argument is missing, of another kind, or text that is
   *     not an access mode followed by known flag names
   * @return the flags
   */
  public static long openFlags(Event event, ArgKey key, long absent) {
    return read(event, key, absent, OPEN_FLAGS);
  }

  /**
   * Reads a ptrace(2) request, which Tracee prints as {@code PTRACE_POKETEXT} (or as a decimal
   * number when it has no name for it) when it parses arguments.
   *
   * @param event the event
   * @param key the argument's key, usually {@code request}
   * @param absent what to return when the argument is missing, of another kind, or text that is
   *     neither a known request name nor a decimal number
   * @return the request
   */
  public static long ptraceRequest(Event event, ArgKey key, long absent) {
    return read(event, key, absent, PTRACE_REQUEST);
  }

  /**
   * Reads mem_prot_alert's {@code alert}: 1 for an mmap with write and execute, 2 for an mprotect
   * to execute, 3 from execute to write and execute, 4 from write to execute. Tracee prints it as
   * a sentence, such as {@code Protection changed from W to E!}, when it parses arguments.
   *
   * @param event the event
   * @param key the argument's key, usually {@code alert}
   * @param absent what to return when the argument is missing, of another kind, or text that is
   *     not one of the sentences (including {@code Unknown alert}, which stands for no one value)
   * @return the alert
   */
  public static long memProtAlert(Event event, ArgKey key, long absent) {
    return read(event, key, absent, MEM_PROT_ALERT);
  }

  /**
   * Reads memory protection bits: the {@code prot} (and {@code prev_prot}) of {@code mmap},
   * {@code mprotect}, {@code pkey_mprotect}, {@code security_mmap_file},
   * {@code security_file_mprotect} and {@code mem_prot_alert}, which Tracee prints as
   * {@code PROT_READ|PROT_EXEC} or {@code PROT_NONE} when it parses arguments.
   *
   * @param event the event
   * @param key the argument's key, usually {@code prot}
   * @param absent what to return when the argument is missing, of another kind, or text that is
   *     not {@code PROT_NONE} or known protection names
   * @return the protection bits
   */
  public static long protection(Event event, ArgKey key, long absent) {
    return read(event, key, absent, PROTECTION);
  }

  /**
   * Tells whether open(2) flags open for writing: the access mode is {@code O_WRONLY} or
   * {@code O_RDWR}. An {@code absent} value of -1 reads as neither writing nor reading.
   *
   * @param flags the flags, e.g. from {@link #openFlags(Event, ArgKey, long)}
   * @return true when the file is opened for writing
   */
  public static boolean isFileWrite(long flags) {
    long mode = flags & O_ACCMODE;
    return mode == O_WRONLY || mode == O_RDWR;
  }

  /**
   * Tells whether open(2) flags open for reading: the access mode is {@code O_RDONLY} or
   * {@code O_RDWR}. An {@code absent} value of -1 reads as neither reading nor writing.
   *
   * @param flags the flags, e.g. from {@link #openFlags(Event, ArgKey, long)}
   * @return true when the file is opened for reading
   */
  public static boolean isFileRead(long flags) {
    long mode = flags & O_ACCMODE;
    return mode == O_RDONLY || mode == O_RDWR;
  }

  private static long read(Event event, ArgKey key, long absent, int what) {
    int index = event.argIndex(key);
    if (index < 0) {
      return absent;
    }
    ArgKind kind = event.argKind(index);
    if (kind == ArgKind.LONG) {
      return event.longAt(index, absent);
    }
    if (kind != ArgKind.STRING) {
      return absent;
    }
    if (what == OPEN_FLAGS || what == PROTECTION) {
      return readRemembered(event, index, absent, what);
    }
    CharSequence text = event.stringAt(index);
    if (text == null || text.length() == 0) {
      return absent;
    }
    if (what == PTRACE_REQUEST) {
      return parsePtraceRequest(text, absent);
    }
    int alert = find(ALERT_NAMES, text, 0, text.length());
    return alert < 0 ? absent : ALERT_VALUES[alert];
  }

  /**
   * Reads flags or protection bits once per event: about fifteen open-file signatures read the
   * same {@code flags} of every {@code security_file_open}, so the decoder's event keeps the
   * parsed value. Neither form can be {@link #UNPARSEABLE}, which stands for text that is not one.
   */
  private static long readRemembered(Event event, int index, long absent, int what) {
    if (event instanceof MutableEvent mutable) {
      long value;
      if (mutable.hasParsedForm(index, what)) {
        value = mutable.parsedForm(index);
      } else {
        value = parse(event.stringAt(index), what);
        mutable.rememberParsedForm(index, what, value);
      }
      return value == UNPARSEABLE ? absent : value;
    }
    long value = parse(event.stringAt(index), what);
    return value == UNPARSEABLE ? absent : value;
  }

  private static long parse(@Nullable CharSequence text, int what) {
    if (text == null || text.length() == 0) {
      return UNPARSEABLE;
    }
    return what == OPEN_FLAGS ? parseOpenFlags(text, UNPARSEABLE) : parseProtection(text, UNPARSEABLE);
  }

  /** Parses an access mode, then {@code |} and flag names, each at most once. */
  private static long parseOpenFlags(CharSequence text, long absent) {
    int end = nextBar(text, 0);
    int access = find(ACCESS_NAMES, text, 0, end);
    if (access < 0) {
      return absent;
    }
    long value = ACCESS_VALUES[access];
    long seen = 0;
    while (end < text.length()) {
      int start = end + 1;
      end = nextBar(text, start);
      int flag = find(OPEN_FLAG_NAMES, text, start, end - start);
      if (flag < 0 || (seen & (1L << flag)) != 0) {
        return absent;
      }
      seen |= 1L << flag;
      value |= OPEN_FLAG_VALUES[flag];
    }
    return value;
  }

  /** Parses a request name, or the unsigned decimal Tracee prints for a request it cannot name. */
  private static long parsePtraceRequest(CharSequence text, long absent) {
    int length = text.length();
    int request = find(PTRACE_NAMES, text, 0, length);
    if (request >= 0) {
      return PTRACE_VALUES[request];
    }
    if (length > 20) {
      return absent;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9 || Long.compareUnsigned(value, UNSIGNED_MAX_BY_TEN) > 0) {
        return absent;
      }
      long times10 = value * 10;
      value = times10 + digit;
      if (Long.compareUnsigned(value, times10) < 0) {
        return absent;
      }
    }
    return value;
  }

  /** Parses {@code PROT_NONE} alone, or protection names joined by {@code |}, each at most once. */
  private static long parseProtection(CharSequence text, long absent) {
    int length = text.length();
    if (length == PROT_NONE.length() && Text.regionMatches(text, 0, PROT_NONE)) {
      return 0;
    }
    long value = 0;
    long seen = 0;
    int start = 0;
    while (true) {
      int end = nextBar(text, start);
      int prot = find(PROT_NAMES, text, start, end - start);
      if (prot < 0 || (seen & (1L << prot)) != 0) {
        return absent;
      }
      seen |= 1L << prot;
      value |= PROT_VALUES[prot];
      if (end == length) {
        return value;
      }
      start = end + 1;
    }
  }

  /** Returns the index of the next {@code |} at or after {@code from}, or the text's length. */
  private static int nextBar(CharSequence text, int from) {
    int length = text.length();
    for (int i = from; i < length; i++) {
      if (text.charAt(i) == '|') {
        return i;
      }
    }
    return length;
  }

  /** Returns the index of the name that is exactly {@code text[start, start + length)}, or -1. */
  private static int find(String[] names, CharSequence text, int start, int length) {
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (name.length() == length && Text.regionMatches(text, start, name)) {
        return i;
      }
    }
    return -1;
  }
}
