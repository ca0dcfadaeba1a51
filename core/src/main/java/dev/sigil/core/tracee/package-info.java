/**
 * Reading Tracee's {@code --output json} event stream and writing findings in Tracee's finding-event shape.
 * {@link dev.sigil.core.tracee.TraceeArguments} reads integer arguments that Tracee may print as text.
 */
@NullMarked
package dev.sigil.core.tracee;

import org.jspecify.annotations.NullMarked;
