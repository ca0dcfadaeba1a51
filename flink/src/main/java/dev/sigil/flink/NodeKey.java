package dev.sigil.flink;

import dev.sigil.flink.internal.PointerLookup;
import java.io.Serializable;
import java.util.Objects;

/**
 * Which node a record belongs to: the key the detector partitions by, so that every event of a
 * node meets that node's engine.
 *
 * <p>The node is what the transport says it is, never the event's {@code hostName}: inside a
 * container {@code hostName} is the pod's or container's UTS name, so keying by it would split a
 * node's container events (a file written in a container) from its host events (the host
 * executing that file), and stateful signatures would miss the correlation.
 *
 * <ul>
 *   <li>{@link #recordKey()}: the Kafka record key, which shippers (Fluent Bit, Vector,
 *       Filebeat) set to the node's name;
 *   <li>{@link #jsonPointer(String)}: a field a shipper added to the record, such as
 *       {@code /kubernetes/host} (RFC 6901; a string or number);
 *   <li>{@link #constant(String)}: one node's stream, such as a file recorded on one node.
 * </ul>
 *
 * <p>Immutable and serializable.
 */
public final class NodeKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of node key. */
  public enum Kind {
    /** The record's key. */
    RECORD_KEY,
    /** A JSON pointer into the record's value. */
    JSON_POINTER,
    /** The same name for every record. */
    CONSTANT
  }

  private final Kind kind;
  private final String argument;

  private NodeKey(Kind kind, String argument) {
    this.kind = kind;
    this.argument = argument;
  }

  /**
   * The record key (a Kafka record's key, as UTF-8 text). A record without a key is rejected.
   *
   * @return the node key
   */
  public static NodeKey recordKey() {
    return new NodeKey(Kind.RECORD_KEY, "");
  }

  /**
   * A field of the record's JSON value, found by an RFC 6901 pointer such as
   * {@code /kubernetes/host}. A record whose value lacks it (or holds an object there) is
   * rejected.
   *
   * @param pointer the pointer: empty is not allowed, else it starts with {@code /}
   * @return the node key
   * @throws IllegalArgumentException when the pointer is empty or does not start with /
   */
  public static NodeKey jsonPointer(String pointer) {
    PointerLookup.parse(pointer);
    return new NodeKey(Kind.JSON_POINTER, pointer);
  }

  /**
   * One name for every record: the stream is one node's.
   *
   * @param name the node's name; may be empty (the default of {@code sigil scan}, so a file's
   *     findings carry the same ids as {@code sigil scan}'s)
   * @return the node key
   */
  public static NodeKey constant(String name) {
    return new NodeKey(Kind.CONSTANT, Objects.requireNonNull(name, "name"));
  }

  /**
   * Parses the command line's form: {@code record-key}, {@code json:/pointer} or
   * {@code constant:NAME}.
   *
   * @param spec the text
   * @return the node key
   * @throws IllegalArgumentException when it is none of those, saying which are
   */
  public static NodeKey parse(String spec) {
    if (spec.equals("record-key")) {
      return recordKey();
    }
    if (spec.startsWith("json:")) {
      return jsonPointer(spec.substring("json:".length()));
    }
    if (spec.startsWith("constant:")) {
      return constant(spec.substring("constant:".length()));
    }
    throw new IllegalArgumentException("unknown node key '" + spec
        + "': use record-key, json:/pointer (e.g. json:/kubernetes/host) or constant:NAME");
  }

  /**
   * Returns the kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the pointer or the constant name; empty for {@link Kind#RECORD_KEY}.
   *
   * @return the argument
   */
  public String argument() {
    return argument;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeKey && ((NodeKey) o).kind == kind && ((NodeKey) o).argument.equals(argument);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + argument.hashCode();
  }

  /**
   * Returns the command line's form, which {@link #parse(String)} reads back.
   *
   * @return e.g. {@code json:/kubernetes/host}
   */
  @Override
  public String toString() {
    switch (kind) {
      case RECORD_KEY:
        return "record-key";
      case JSON_POINTER:
        return "json:" + argument;
      default:
        return "constant:" + argument;
    }
  }
}
