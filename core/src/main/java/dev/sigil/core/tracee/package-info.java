/**
 * Reading Tracee's {@code --output json} event stream and writing findings in Tracee's finding-event shape.
 */
@NullMarked
package dev.sigil.core.tracee;

import org.jspecify.annotations.NullMarked;
