package dev.sigil.flink.job;

import dev.sigil.flink.DetectedFinding;
import dev.sigil.flink.InputRecord;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka topic as the command line names it, {@code kafka:BOOTSTRAP/TOPIC} (BOOTSTRAP may list
 * several {@code host:port}s, comma-separated), and the record mappings of the job.
 *
 * @param bootstrap the bootstrap servers
 * @param topic the topic
 */
record KafkaEndpoint(String bootstrap, String topic) {
  /** The header carrying a finding's deterministic id, for consumers that drop replays. */
  static final String FINDING_ID_HEADER = "sigil-finding-id";

  static boolean isKafka(String spec) {
    return spec.startsWith("kafka:");
  }

  static KafkaEndpoint parse(String spec) {
    String rest = spec.substring("kafka:".length());
    int slash = rest.lastIndexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("expected kafka:BOOTSTRAP/TOPIC, e.g."
          + " kafka:127.0.0.1:9092/tracee, got '" + spec + "'");
    }
    return new KafkaEndpoint(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** Reads records as they are: the key as UTF-8 text, the value's bytes, partition and offset. */
  static final class Records implements KafkaRecordDeserializationSchema<InputRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<InputRecord> out) {
      byte[] key = record.key();
      byte[] value = record.value();
      out.collect(new InputRecord(key == null ? null : new String(key, StandardCharsets.UTF_8),
          value == null ? new byte[0] : value, record.partition(), record.offset()));
    }

    @Override
    public TypeInformation<InputRecord> getProducedType() {
      return TypeInformation.of(InputRecord.class);
    }
  }

  /** Writes each finding keyed by its node, its id in a header. */
  static final class Findings implements KafkaRecordSerializationSchema<DetectedFinding> {
    private static final long serialVersionUID = 1L;
    private final String topic;

    Findings(String topic) {
      this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DetectedFinding finding,
        KafkaRecordSerializationSchema.KafkaSinkContext context, @Nullable Long timestamp) {
      return new ProducerRecord<>(topic, null, null,
          finding.node().getBytes(StandardCharsets.UTF_8),
          finding.json().getBytes(StandardCharsets.UTF_8),
          Collections.singletonList(new RecordHeader(FINDING_ID_HEADER,
              finding.id().getBytes(StandardCharsets.UTF_8))));
    }
  }
}
