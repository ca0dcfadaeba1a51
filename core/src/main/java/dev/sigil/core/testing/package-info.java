/**
 * Helpers for testing signatures: an event builder, a harness that runs signatures in a real
 * engine and records their findings, and an allocation meter.
 */
@NullMarked
package dev.sigil.core.testing;

import org.jspecify.annotations.NullMarked;
