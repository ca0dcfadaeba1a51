/**
 * Helpers for testing signatures: an event builder and an allocation meter.
 */
@NullMarked
package dev.sigil.core.testing;

import org.jspecify.annotations.NullMarked;
