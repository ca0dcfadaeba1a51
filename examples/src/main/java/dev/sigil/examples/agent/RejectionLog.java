package dev.sigil.examples.agent;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Reports input lines that are not Tracee events with the same cap as {@code sigil scan}: the
 * first 100 one by one, naming the sender and the line's number in what that sender sent, the
 * rest only counted by reason (in the statistics). A sender of garbage must not be able to fill
 * a disk or a journal through the agent's log.
 *
 * <p>Reasons never quote the input (the reader's rule); positions in them are replaced by
 * {@code N} when counted ("malformed JSON near byte N of the line"), and at most 64 reasons are
 * counted apart, so the counts stay a short list.
 * Called from every sender and partition thread.
 */
final class RejectionLog {
  /** How many rejected lines are reported one by one, as {@code sigil scan} does. */
  static final int LOGGED_LINES = 100;
  private static final int MAX_REASONS = 64;
  private static final String OTHER = "other reasons";
  private static final Pattern POSITION =
      Pattern.compile("\\b(byte|offset|column|line|index) \\d+");

  private final PrintStream log;
  private final String senderKind;
  private final AtomicLong rejected = new AtomicLong();
  private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

  /**
   * Creates a log with nothing rejected yet.
   *
   * @param log where reports go
   * @param senderKind what a sender is called in a report: "connection", "fifo writer"
   */
  RejectionLog(PrintStream log, String senderKind) {
    this.log = log;
    this.senderKind = senderKind;
  }

  void reject(int sender, long lineNumber, String reason) {
    // A position in the reason (near byte 12) would make every line a reason of its own.
    count(POSITION.matcher(reason).replaceAll("$1 N"));
    long n = rejected.incrementAndGet();
    if (n <= LOGGED_LINES) {
      log.println("sigil-agent: " + senderKind + " " + sender + " line " + lineNumber
          + ": rejected: " + reason);
    }
    if (n == LOGGED_LINES) {
      log.println("sigil-agent: further rejected lines are only counted, by reason, in the"
          + " statistics");
    }
  }

  private void count(String reason) {
    LongAdder counter = byReason.get(reason);
    if (counter == null) {
      // Bounded, whatever reasons the input provokes.
      String key = byReason.size() < MAX_REASONS ? reason : OTHER;
      counter = byReason.computeIfAbsent(key, k -> new LongAdder());
    }
    counter.increment();
  }

  long rejected() {
    return rejected.get();
  }

  /** The counts so far, by normalised reason, in alphabetical order. */
  Map<String, Long> byReason() {
    Map<String, Long> counts = new TreeMap<>();
    byReason.forEach((reason, counter) -> counts.put(reason, counter.sum()));
    return counts;
  }
}
