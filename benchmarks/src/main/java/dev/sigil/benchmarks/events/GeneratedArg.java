package dev.sigil.benchmarks.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code args} entry of a generated event, as Tracee v0.24 prints it.
 *
 * @param name the argument name, e.g. {@code pathname}
 * @param type Tracee's Go-style type name, e.g. {@code string}, {@code []byte}, {@code uint64}
 * @param value a {@link String}, {@link Long}, {@link Boolean}, {@code byte[]}, a {@link List} of
 *     strings, a nested {@link Map} (structured values such as a network packet), or null
 */
public record GeneratedArg(String name, String type, @Nullable Object value) {
  /**
   * Validates the components.
   *
   * @param name see the record
   * @param type see the record
   * @param value see the record
   * @throws IllegalArgumentException when the value is of a kind Tracee does not print
   */
  public GeneratedArg {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (value != null && !(value instanceof String || value instanceof Long
        || value instanceof Boolean || value instanceof byte[] || value instanceof List
        || value instanceof Map)) {
      throw new IllegalArgumentException(
          "argument " + name + " has an unsupported value type " + value.getClass().getName());
    }
  }
}
