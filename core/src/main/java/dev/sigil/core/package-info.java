/**
 * Sigil's public API: {@link dev.sigil.core.Event} views, {@link dev.sigil.core.Signature}s, {@link dev.sigil.core.Finding}s and the {@link dev.sigil.core.Engine} that dispatches one to the other.
 */
@NullMarked
package dev.sigil.core;

import org.jspecify.annotations.NullMarked;
