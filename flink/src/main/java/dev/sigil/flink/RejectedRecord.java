package dev.sigil.flink;

/**
 * An input record (or one line of it) the detector could not use: not a Tracee event, a node
 * key missing, too long, not JSON. The side output {@link SigilDetector#REJECTED} carries one
 * per rejection, and never the record's content.
 *
 * @param node the node key when it was known, else empty
 * @param partition the Kafka partition, or -1 for a file
 * @param position the Kafka offset, or the line number in a file
 * @param line for a record holding several lines, the 1-based line within it; else 1
 * @param reason a short reason, such as {@code 'timestamp' is not an integer}
 */
public record RejectedRecord(String node, int partition, long position, long line, String reason) {
  /**
   * Formats it as {@code sigil scan} reports rejected lines.
   *
   * @return e.g. {@code line 17: rejected: invalid UTF-8}, or
   *     {@code partition 2 offset 17: rejected: ...} for Kafka
   */
  @Override
  public String toString() {
    String where = InputRecord.where(partition, position);
    return (line > 1 ? where + " line " + line : where) + ": rejected: " + reason;
  }
}
