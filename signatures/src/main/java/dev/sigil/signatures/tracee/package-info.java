/**
 * Tracee v0.24.1's signatures, ported with Tracee's ids, metadata and semantics (where Sigil
 * deliberately differs, the signature's javadoc says so), and what they share: the bases of the
 * families that differ only in values ({@link dev.sigil.signatures.tracee.PathSignature},
 * {@link dev.sigil.signatures.tracee.NumberSignature},
 * {@link dev.sigil.signatures.tracee.WatchedPathsSignature}), the readers of their arguments and
 * the predicates. Not exported: {@link dev.sigil.signatures.Signatures} lists them.
 */
@NullMarked
package dev.sigil.signatures.tracee;

import org.jspecify.annotations.NullMarked;
