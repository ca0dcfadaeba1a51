/**
 * Events from your own sensor: {@link dev.sigil.core.sensor.SensorEvent}, a re-usable event an
 * agent fills and hands to {@link dev.sigil.core.Engine#accept(dev.sigil.core.Event)} without
 * allocating.
 */
@NullMarked
package dev.sigil.core.sensor;

import org.jspecify.annotations.NullMarked;
