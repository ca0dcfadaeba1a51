/**
 * The built-in signatures and {@link dev.sigil.signatures.Signatures}, the entry point that
 * lists them.
 */
@NullMarked
package dev.sigil.signatures;

import org.jspecify.annotations.NullMarked;
