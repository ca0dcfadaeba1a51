package dev.sigil.flink.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A sink that collects into this JVM's memory, by name, for jobs run on a local cluster. */
public final class Collected<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<Object>> COLLECTED = new ConcurrentHashMap<>();
  private final String name;

  /**
   * Creates a sink collecting under a name, emptied first.
   *
   * @param name the name
   */
  public Collected(String name) {
    this.name = name;
    COLLECTED.put(name, new ConcurrentLinkedQueue<>());
  }

  /**
   * Returns what was collected under a name.
   *
   * @param name the name
   * @param type the elements' type
   * @param <T> the type
   * @return a copy
   */
  public static <T> List<T> get(String name, Class<T> type) {
    List<T> list = new ArrayList<>();
    COLLECTED.getOrDefault(name, new ConcurrentLinkedQueue<>()).forEach(o -> list.add(type.cast(o)));
    return list;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Object> queue = COLLECTED.get(name);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
