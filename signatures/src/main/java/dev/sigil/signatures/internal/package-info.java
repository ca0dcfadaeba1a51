/**
 * Implementations of the built-in signatures; not exported. Obtain them through
 * {@link dev.sigil.signatures.Signatures} or {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.sigil.signatures.internal;

import org.jspecify.annotations.NullMarked;
