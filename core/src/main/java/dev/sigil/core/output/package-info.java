/**
 * Choosing how findings are written: {@link dev.sigil.core.output.FindingFormat} names Sigil's
 * {@link dev.sigil.core.FindingWriter}s ({@code tracee}, {@code ocsf}) for a command line or a
 * configuration to pick one.
 */
@NullMarked
package dev.sigil.core.output;

import org.jspecify.annotations.NullMarked;
