package dev.sigil.flink;

import org.jspecify.annotations.Nullable;

/**
 * One record as the transport delivers it: a Kafka record, or a block of a file's lines.
 *
 * <p>The value holds one Tracee JSON line (or several, separated by newlines), or a shipper's
 * wrapper around one when the detector is told where the event is
 * ({@link SigilDetector.Builder#eventAt(String)}). A Kafka record is routed to its node whole.
 * A file's record (partition -1) holds one or more whole lines of the file, the first at line
 * {@code position}: each line is routed to its node on its own (unless every line goes to one
 * constant node anyway), and rejections name the file's line. The detector never keeps the
 * array: a source may hand out a new one per record.
 *
 * @param key the record key as text (a Kafka record key: shippers set the node's name there), or
 *     null when the transport has none (a file)
 * @param value the record's bytes
 * @param partition the Kafka partition, or -1 for a file
 * @param position the record's offset in its Kafka partition, or the 1-based number of its
 *     (first) line in a file; rejections report it, never the content
 */
public record InputRecord(@Nullable String key, byte[] value, int partition, long position) {
  /**
   * Describes where the record came from, for rejection messages.
   *
   * @return {@code line 17} for a file, {@code partition 2 offset 17} for Kafka
   */
  public String where() {
    return where(partition, position);
  }

  static String where(int partition, long position) {
    return partition < 0 ? "line " + position : "partition " + partition + " offset " + position;
  }
}
