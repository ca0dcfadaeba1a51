/**
 * The re-usable event implementation that producers fill: the Tracee reader, the public
 * {@code SensorEvent} and the test builder. Not exported.
 */
@NullMarked
package dev.sigil.core.event;

import org.jspecify.annotations.NullMarked;
