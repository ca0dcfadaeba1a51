package dev.sigil.examples.agent;

import dev.sigil.core.EngineStats;
import dev.sigil.core.tracee.ReaderStats;
import java.util.List;

/**
 * The agent's figures at one moment. Once the agent has terminated they add up:
 * {@code linesRouted} = the sum of the partitions' decoded events and rejected lines, and
 * {@code findingsWritten} = the sum of the engines' findings.
 *
 * @param bytesRead bytes read from the input
 * @param linesRouted non-blank lines handed to partitions
 * @param blankLines blank lines skipped
 * @param longLines lines dropped by the reader thread for being longer than the limit
 * @param incompleteLines a partial last line cut off by shutdown (at most one per connection)
 * @param partitions per partition: what its reader decoded and rejected
 * @param engines per partition: its engine's statistics
 * @param findingsWritten findings written to the output
 * @param findingsQueued findings waiting in the queue for the writer
 */
public record AgentStats(
    long bytesRead,
    long linesRouted,
    long blankLines,
    long longLines,
    long incompleteLines,
    List<ReaderStats> partitions,
    List<EngineStats> engines,
    long findingsWritten,
    int findingsQueued) {

  /**
   * Freezes the lists.
   *
   * @param bytesRead see the record component
   * @param linesRouted see the record component
   * @param blankLines see the record component
   * @param longLines see the record component
   * @param incompleteLines see the record component
   * @param partitions see the record component
   * @param engines see the record component
   * @param findingsWritten see the record component
   * @param findingsQueued see the record component
   */
  public AgentStats {
    partitions = List.copyOf(partitions);
    engines = List.copyOf(engines);
  }

  /**
   * Returns the events the partitions decoded.
   *
   * @return the sum over partitions
   */
  public long eventsDecoded() {
    return partitions.stream().mapToLong(ReaderStats::events).sum();
  }

  /**
   * Returns the lines the partitions' readers rejected.
   *
   * @return the sum over partitions
   */
  public long linesRejected() {
    return partitions.stream().mapToLong(ReaderStats::rejected).sum();
  }

  /**
   * Returns the findings the engines made.
   *
   * @return the sum over engines
   */
  public long findingsMade() {
    return engines.stream().mapToLong(EngineStats::findings).sum();
  }

  /**
   * Returns the events the engines accepted.
   *
   * @return the sum over engines
   */
  public long eventsAccepted() {
    return engines.stream().mapToLong(EngineStats::events).sum();
  }

  /**
   * Formats the figures on one line, for the periodic report.
   *
   * @return the line
   */
  public String summary() {
    StringBuilder s = new StringBuilder()
        .append("bytes=").append(bytesRead)
        .append(" lines=").append(linesRouted)
        .append(" events=").append(eventsAccepted())
        .append(" rejected=").append(linesRejected() + longLines)
        .append(" findings=").append(findingsMade())
        .append(" written=").append(findingsWritten)
        .append(" queued=").append(findingsQueued);
    for (int p = 0; p < engines.size(); p++) {
      EngineStats e = engines.get(p);
      s.append(" | p").append(p).append(" events=").append(e.events())
          .append(" findings=").append(e.findings())
          .append(" suppressed=").append(e.suppressed())
          .append(" errors=").append(e.errors());
    }
    return s.toString();
  }
}
