package dev.sigil.examples.agent;

import dev.sigil.core.EngineStats;
import dev.sigil.core.tracee.ReaderStats;
import java.util.List;
import java.util.Map;

/**
 * The agent's figures at one moment. Once the agent has terminated they add up:
 * {@code linesRouted} = {@link #eventsDecoded()} + {@link #linesUndecodable()}, and
 * {@link #findingsMade()} = {@code findingsWritten + findingsDropped}.
 *
 * @param bytesRead bytes read from every sender
 * @param linesRouted non-blank lines handed to partitions
 * @param blankLines blank lines skipped
 * @param longLines lines dropped by their sender's thread for being longer than the limit
 * @param incompleteLines partial last lines cut off by a stop (at most one per sender)
 * @param linesRejected every line rejected: undecodable, too long, or a bad {@code #node} line
 * @param rejectedByReason {@code linesRejected} by reason, positions in reasons replaced by N
 * @param sendersOpened connections accepted (or FIFO writers read) so far
 * @param sendersOpen connections being read now
 * @param sendersCut senders still sending when a stop's drain time ran out
 * @param sendersUnread connections waiting to be accepted at a stop, closed unread
 * @param sendersIdle connections closed for sending nothing for the idle timeout
 * @param partitions the partitions started so far, by index
 * @param findingsWritten findings written to the output
 * @param findingsQueued findings waiting for the writer
 * @param findingsDropped findings never written: failed writes, and, when a stop found the
 *     output blocked, every finding that was queued or made after that
 */
public record AgentStats(
    long bytesRead,
    long linesRouted,
    long blankLines,
    long longLines,
    long incompleteLines,
    long linesRejected,
    Map<String, Long> rejectedByReason,
    int sendersOpened,
    int sendersOpen,
    long sendersCut,
    long sendersUnread,
    long sendersIdle,
    List<PartitionStats> partitions,
    long findingsWritten,
    int findingsQueued,
    long findingsDropped) {

  /**
   * One partition's figures.
   *
   * @param index the partition's number, from 0
   * @param reader what its reader decoded and rejected
   * @param engine its engines' statistics added up (one engine per node, closed ones included)
   * @param nodes the nodes' engines open now
   * @param nodeEvictions nodes' engines closed to make room for another node's (their state
   *     lost; see {@code --nodes-per-partition})
   */
  public record PartitionStats(int index, ReaderStats reader, EngineStats engine, int nodes,
      long nodeEvictions) {}

  /**
   * Freezes the collections.
   *
   * @param bytesRead see the record component
   * @param linesRouted see the record component
   * @param blankLines see the record component
   * @param longLines see the record component
   * @param incompleteLines see the record component
   * @param linesRejected see the record component
   * @param rejectedByReason see the record component
   * @param sendersOpened see the record component
   * @param sendersOpen see the record component
   * @param sendersCut see the record component
   * @param sendersUnread see the record component
   * @param sendersIdle see the record component
   * @param partitions see the record component
   * @param findingsWritten see the record component
   * @param findingsQueued see the record component
   * @param findingsDropped see the record component
   */
  public AgentStats {
    rejectedByReason = Map.copyOf(rejectedByReason);
    partitions = List.copyOf(partitions);
  }

  /**
   * Returns the events the partitions decoded.
   *
   * @return the sum over partitions
   */
  public long eventsDecoded() {
    return partitions.stream().mapToLong(p -> p.reader().events()).sum();
  }

  /**
   * Returns the routed lines the partitions' readers rejected.
   *
   * @return the sum over partitions
   */
  public long linesUndecodable() {
    return partitions.stream().mapToLong(p -> p.reader().rejected()).sum();
  }

  /**
   * Returns the events the engines accepted.
   *
   * @return the sum over partitions
   */
  public long eventsAccepted() {
    return partitions.stream().mapToLong(p -> p.engine().events()).sum();
  }

  /**
   * Returns the findings the engines made.
   *
   * @return the sum over partitions
   */
  public long findingsMade() {
    return partitions.stream().mapToLong(p -> p.engine().findings()).sum();
  }

  /**
   * Formats the figures on one line, for the periodic report.
   *
   * @return the line
   */
  public String summary() {
    StringBuilder s = new StringBuilder()
        .append("bytes=").append(bytesRead)
        .append(" connections=").append(sendersOpened)
        .append(" open=").append(sendersOpen)
        .append(" lines=").append(linesRouted)
        .append(" events=").append(eventsAccepted())
        .append(" rejected=").append(linesRejected)
        .append(" findings=").append(findingsMade())
        .append(" written=").append(findingsWritten)
        .append(" queued=").append(findingsQueued)
        .append(" dropped=").append(findingsDropped);
    if (sendersIdle > 0) {
      s.append(" idleClosed=").append(sendersIdle);
    }
    if (incompleteLines > 0 || sendersCut > 0 || sendersUnread > 0) {
      s.append(" incomplete=").append(incompleteLines)
          .append(" cut=").append(sendersCut)
          .append(" unread=").append(sendersUnread);
    }
    if (!rejectedByReason.isEmpty()) {
      s.append(" rejectedByReason=").append(new java.util.TreeMap<>(rejectedByReason));
    }
    for (PartitionStats p : partitions) {
      EngineStats e = p.engine();
      s.append(" | p").append(p.index()).append(" events=").append(e.events())
          .append(" findings=").append(e.findings())
          .append(" suppressed=").append(e.suppressed())
          .append(" errors=").append(e.errors())
          .append(" nodes=").append(p.nodes());
      if (p.nodeEvictions() > 0) {
        s.append(" nodeEvictions=").append(p.nodeEvictions());
      }
    }
    return s.toString();
  }
}
