/**
 * A custom signature written from Sigil's public API, as a user would write one:
 * {@link dev.sigil.examples.shell.InteractiveShellInContainer} (EX-0001).
 */
@NullMarked
package dev.sigil.examples.shell;

import org.jspecify.annotations.NullMarked;
