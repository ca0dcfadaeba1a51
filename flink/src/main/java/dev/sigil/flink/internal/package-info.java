/**
 * The detector's implementation: the routing function, the keyed operator and their helpers.
 * Not part of the API; public only because Flink instantiates and serializes these types.
 */
@NullMarked
package dev.sigil.flink.internal;

import org.jspecify.annotations.NullMarked;
