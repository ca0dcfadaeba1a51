package dev.sigil.flink.job;

import dev.sigil.flink.RejectedRecord;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Prints rejected records on the task's standard error as {@code sigil scan} does
 * ({@code line 17: rejected: reason}, never the content): the first 100 one by one, the rest
 * counted by reason and summed up when the job ends, so that garbage input cannot flood a log.
 */
final class RejectionLog implements Sink<RejectedRecord> {
  private static final long serialVersionUID = 1L;
  private static final int PRINTED = 100;

  @Override
  public SinkWriter<RejectedRecord> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      private long seen;
      private final Map<String, Long> unprinted = new TreeMap<>();

      @Override
      public void write(RejectedRecord rejected, Context context) {
        if (seen++ < PRINTED) {
          System.err.println(rejected);
        } else {
          unprinted.merge(rejected.reason(), 1L, Long::sum);
        }
      }

      @Override
      public void flush(boolean endOfInput) {
        System.err.flush();
      }

      @Override
      public void close() {
        if (!unprinted.isEmpty()) {
          System.err.println((seen - PRINTED) + " more rejected lines not shown, by reason: " + unprinted);
        }
      }
    };
  }
}
