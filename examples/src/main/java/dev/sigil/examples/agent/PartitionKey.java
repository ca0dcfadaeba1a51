package dev.sigil.examples.agent;

/**
 * Chooses a line's partition from its host name, read straight from the raw JSON bytes.
 *
 * <p><b>Why the host.</b> Stateful signatures correlate events of one host: deduplication keys,
 * learned profiles, the (device, inode) index of written files. If two engines each saw half of
 * a host's events, a file written on one and executed on the other would go unnoticed, and a
 * repeat would not be deduplicated. So every event of a host must reach the same engine, in
 * order; hashing {@code hostName} does that, and spreads many hosts over the partitions. (A
 * finer key — the container id — would break signatures that correlate a container's writes
 * with a host's executions.)
 *
 * <p><b>Why raw bytes.</b> The reader thread only routes: it finds the first {@code "hostName"}
 * key of the line and hashes its string value's bytes (FNV-1a), without decoding the event;
 * decoding happens in parallel on the partition threads. Tracee writes the context, hostName
 * included, before {@code args}, so the first such key is the top-level one. A line without
 * one hashes as the empty host (partition of its own choosing); if it is not valid JSON its
 * partition's reader rejects it, so routing needs no validation of its own.
 */
final class PartitionKey {
  private static final byte[] KEY = "\"hostName\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private PartitionKey() {}

  /**
   * Returns the partition of a line.
   *
   * @param line the bytes
   * @param start the line's first byte
   * @param end one past its last byte
   * @param partitions the number of partitions, at least 1
   * @return from 0 to {@code partitions - 1}
   */
  static int partition(byte[] line, int start, int end, int partitions) {
    return Math.floorMod(hostHash(line, start, end), partitions);
  }

  /** FNV-1a of the host name's bytes as written (escapes included); the empty name when absent. */
  static int hostHash(byte[] line, int start, int end) {
    int key = indexOf(line, start, end);
    int hash = FNV_OFFSET;
    if (key < 0) {
      return hash;
    }
    int i = skipSpaces(line, key + KEY.length, end);
    if (i >= end || line[i] != ':') {
      return hash;
    }
    i = skipSpaces(line, i + 1, end);
    if (i >= end || line[i] != '"') {
      return hash;
    }
    for (i++; i < end && line[i] != '"'; i++) {
      if (line[i] == '\\' && i + 1 < end) {
        hash = (hash ^ (line[i] & 0xff)) * FNV_PRIME;
        i++;
      }
      hash = (hash ^ (line[i] & 0xff)) * FNV_PRIME;
    }
    return hash;
  }

  private static int indexOf(byte[] line, int start, int end) {
    outer:
    for (int i = start; i + KEY.length <= end; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (line[i + k] != KEY[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int skipSpaces(byte[] line, int i, int end) {
    while (i < end && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
      i++;
    }
    return i;
  }
}
