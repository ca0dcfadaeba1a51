/**
 * Tracee v0.24.1's signatures, ported with Tracee's ids, metadata and semantics (where Sigil
 * deliberately differs, the signature's javadoc says so), and the predicates they share. Not
 * exported: {@link dev.sigil.signatures.Signatures} lists them.
 */
@NullMarked
package dev.sigil.signatures.tracee;

import org.jspecify.annotations.NullMarked;
