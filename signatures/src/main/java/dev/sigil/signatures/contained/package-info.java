/**
 * SGL-1001 and SGL-1002, the contained-executable signatures, and what they are made of: storage
 * roots, path normalisation, interpreter and runtime names, the bounded indexes and the learned
 * profile. Not exported: obtain the signature through {@link dev.sigil.signatures.Signatures}
 * or {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.sigil.signatures.contained;

import org.jspecify.annotations.NullMarked;
