package dev.sigil.core;

/**
 * What an argument's value holds, whatever type name the producer declared for it.
 */
public enum ArgKind {
  /** Text, read with {@link Event#string(ArgKey)}. */
  STRING,
  /** An integer, read with {@link Event#longValue(ArgKey, long)}. */
  LONG,
  /** A boolean, read with {@link Event#bool(ArgKey, boolean)}. */
  BOOL,
  /** Bytes (base64 in Tracee JSON), read with {@link Event#bytes(ArgKey)}. */
  BYTES,
  /** A list of strings, read with {@link Event#strings(ArgKey)}. */
  STRINGS,
  /** A JSON {@code null}. */
  NULL,
  /** A structured value (an object, a mixed array, a float) kept as raw JSON text. */
  JSON,
  /** A value that could not be decoded (invalid base64, an oversized string): reads as absent. */
  INVALID
}
