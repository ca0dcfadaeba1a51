/**
 * The {@code sigil} command line: {@code sigil scan} reads Tracee JSON lines, runs the built-in
 * signatures and prints findings. {@link dev.sigil.cli.SigilCli} is the entry point;
 * everything else is package-private.
 */
@NullMarked
package dev.sigil.cli;

import org.jspecify.annotations.NullMarked;
